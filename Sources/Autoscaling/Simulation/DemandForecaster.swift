import Forecasting
import Modeling
import TimeSeries

/// Where the predictive replay gets its forecasts: at decision `index` of `actual`, only the
/// values before `index` may be used.
public protocol DemandForecaster {
  /// Demand for `horizon` steps from the start of slot `index`.
  mutating func demand(at index: Int, horizon: Int) throws -> DemandSlots
  /// Number of model fits so far.
  var fits: Int { get }
}

/// Surgecast's own forecaster as it would run live: refits the model with `ModelSpec.fit` on
/// the data before each refit time, and between refits forecasts from the latest model with
/// the newest observations as recent data (its short-term correction follows them).
public struct RefittingForecaster: DemandForecaster {
  public let actual: Series
  public let events: [Event]
  public let spec: ModelSpec
  public let hasCalendar: Bool
  public let refitEverySeconds: Int64
  public let quantile: Double
  public private(set) var fits = 0
  private var model: FittedModel?
  private var nextRefit: Int64 = .min

  public init(
    actual: Series, events: [Event], spec: ModelSpec, hasCalendar: Bool,
    refitEverySeconds: Int64, quantile: Double
  ) {
    self.actual = actual
    self.events = events
    self.spec = spec
    self.hasCalendar = hasCalendar
    self.refitEverySeconds = refitEverySeconds
    self.quantile = quantile
  }

  public mutating func demand(at index: Int, horizon: Int) throws -> DemandSlots {
    let now = actual.start + Int64(index) * actual.step
    if model == nil || now >= nextRefit {
      var history = actual
      history.values = Array(actual.values.prefix(index))
      model = try spec.fit(history, events: events, hasCalendar: hasCalendar)
      fits += 1
      nextRefit = now + refitEverySeconds
    }
    guard let model else { throw AutoscalingError.simulationWindow("no model to forecast with") }
    let memory = max(1, model.shortTerm.memory)
    var recent = actual
    let first = max(0, index - memory)
    recent.start = actual.start + Int64(first) * actual.step
    recent.values = Array(actual.values[first..<index])
    let forecast = try model.forecast(
      ForecastRequest(
        horizon: horizon, recent: recent, plannedEvents: events,
        quantiles: [quantile]))
    return Recommender.demand(forecast, quantile: quantile)
  }
}
