import Forecasting
import Modeling
import Planning
import TimeSeries

/// Everything a report shows, computed by the caller (the CLI) from a model and its inputs.
public struct ReportInput: Sendable {
  public var model: FittedModel
  /// Observed history (the training data or newer), for the history charts and past
  /// occurrences; `nil` shows the forecast alone.
  public var history: Series?
  /// The baseline first (its forecast carries components), then each scenario.
  public var outcomes: [ScenarioOutcome]
  public var pastOccurrences: [String: [PastOccurrence]]
  /// Replica sizing of the baseline, when a capacity policy was given.
  public var capacity: CapacityView?
  /// Backtest results, when requested.
  public var backtest: BacktestView?
  /// Events to mark besides the model's training events (e.g. from an events file).
  public var extraEvents: [Event]
  /// `surgecast 0.1.0`, printed in the footer (no wall-clock time: same inputs, same bytes).
  public var generator: String

  public init(
    model: FittedModel, history: Series?, outcomes: [ScenarioOutcome],
    pastOccurrences: [String: [PastOccurrence]] = [:], capacity: CapacityView? = nil,
    backtest: BacktestView? = nil, extraEvents: [Event] = [], generator: String
  ) {
    self.model = model
    self.history = history
    self.outcomes = outcomes
    self.pastOccurrences = pastOccurrences
    self.capacity = capacity
    self.backtest = backtest
    self.extraEvents = extraEvents
    self.generator = generator
  }
}

/// The replica recommendation over the baseline forecast.
public struct CapacityView: Sendable {
  /// Replicas per forecast slot.
  public var replicas: [Int]
  /// The demand the replicas are sized for (a forecast quantile), per slot.
  public var demand: [Double]
  /// E.g. `p95 demand`.
  public var demandLabel: String
  /// Requests per step one replica serves at 100% utilisation.
  public var requestsPerReplica: Double
  /// The share of that capacity the replicas are planned to use.
  public var targetUtilization: Double
  public var minReplicas: Int?
  public var maxReplicas: Int?

  public init(
    replicas: [Int], demand: [Double], demandLabel: String, requestsPerReplica: Double,
    targetUtilization: Double, minReplicas: Int?, maxReplicas: Int?
  ) {
    self.replicas = replicas
    self.demand = demand
    self.demandLabel = demandLabel
    self.requestsPerReplica = requestsPerReplica
    self.targetUtilization = targetUtilization
    self.minReplicas = minReplicas
    self.maxReplicas = maxReplicas
  }
}

/// A backtest's metrics and its forecasts against what happened.
public struct BacktestView: Sendable {
  /// Metric name and value, in display order (e.g. `MASE`, `0.82`).
  public var metrics: [(name: String, value: String)]
  public var times: [Int64]
  public var actual: [Double]
  public var forecast: [Double]
  public var lower: [Double]?
  public var upper: [Double]?

  public init(
    metrics: [(name: String, value: String)], times: [Int64], actual: [Double],
    forecast: [Double], lower: [Double]? = nil, upper: [Double]? = nil
  ) {
    self.metrics = metrics
    self.times = times
    self.actual = actual
    self.forecast = forecast
    self.lower = lower
    self.upper = upper
  }
}
