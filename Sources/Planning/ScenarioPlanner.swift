import Autoscaling
import Features
import Forecasting
import Modeling
import TimeSeries

/// Forecasts a baseline and each what-if scenario from one model, and compares them.
///
/// Every scenario is forecast from the same origin and residual history as the baseline, so
/// their difference is exactly the planned events' effect: for a log model the ratio of the
/// expected counts is exp(Σ coefficient × scale) at each slot.
public struct ScenarioPlanner: Sendable {
  public var model: FittedModel
  /// Steps to forecast.
  public var horizon: Int
  /// Observations after the training window (see `ForecastRequest.recent`).
  public var recent: Series?
  /// Measured past occurrences by promotion name (empty: no spread is reported).
  public var pastOccurrences: [String: [PastOccurrence]]
  /// The replica policy (Autoscaling's rules), or `nil` to leave replicas out.
  public var policy: ScalingPolicy?
  /// Whether forecasts carry their components (for reports).
  public var components: Bool

  /// The levels every plan reads: the 95% and 80% intervals' edges.
  public static let intervalLevels = [0.025, 0.1, 0.9, 0.975]
  /// The edges of the interval reported for peaks and extra requests (80%).
  public static let reportedInterval = (lower: 0.1, upper: 0.9)

  public init(
    model: FittedModel, horizon: Int, recent: Series? = nil,
    pastOccurrences: [String: [PastOccurrence]] = [:], policy: ScalingPolicy? = nil,
    components: Bool = false
  ) {
    self.model = model
    self.horizon = horizon
    self.recent = recent
    self.pastOccurrences = pastOccurrences
    self.policy = policy
    self.components = components
  }

  /// The baseline (no planned events) followed by each scenario.
  public func plan(_ scenarios: [Scenario]) throws -> [ScenarioOutcome] {
    let baseline = Scenario(name: Scenario.baselineName, events: [])
    let baseForecast = try forecast(baseline)
    var outcomes = [try outcome(baseline, baseForecast, against: baseForecast)]
    for scenario in scenarios {
      outcomes.append(try outcome(scenario, try forecast(scenario), against: baseForecast))
    }
    return outcomes
  }

  private var levels: [Double] {
    Array(Set(Self.intervalLevels + (policy.map { [$0.quantile] } ?? []))).sorted()
  }

  private func forecast(_ scenario: Scenario) throws -> Forecast {
    try model.forecast(
      ForecastRequest(
        horizon: horizon, recent: recent, plannedEvents: scenario.events, quantiles: levels,
        components: components))
  }

  private func outcome(_ scenario: Scenario, _ forecast: Forecast, against base: Forecast) throws
    -> ScenarioOutcome
  {
    let uplift = zip(forecast.mean, base.mean).map { $0 - $1 }
    let extra = Estimate(
      expected: uplift.reduce(0, +),
      lower: quantileExtra(forecast, base, Self.reportedInterval.lower),
      upper: quantileExtra(forecast, base, Self.reportedInterval.upper))
    return ScenarioOutcome(
      scenario: scenario, forecast: forecast, uplift: uplift, peak: Peak(forecast: forecast),
      extraRequests: extra, replicas: policy?.scheduledReplicas(for: forecast),
      pastOccurrences: try replaySpreads(scenario, forecast, base))
  }

  /// Extra requests if traffic sits at quantile `level` both with and without the scenario
  /// (the same draw of the level in both worlds: the events' effect is deterministic in the
  /// model, so its uncertainty is that of the level it multiplies).
  private func quantileExtra(_ forecast: Forecast, _ base: Forecast, _ level: Double) -> Double {
    guard let with = forecast.quantile(level), let without = base.quantile(level) else {
      return .nan
    }
    return zip(with, without).reduce(0) { $0 + $1.0 - $1.1 }
  }

  /// For each learned promotion of the scenario: the outcome range when its events respond like
  /// each of its past occurrences did.
  private func replaySpreads(_ scenario: Scenario, _ forecast: Forecast, _ base: Forecast) throws
    -> [PastOccurrenceSpread]
  {
    let names = Set(scenario.events.filter { $0.kind == .promotion }.map(\.name))
    let measured = names.sorted().compactMap { name in
      pastOccurrences[name].map { (name, $0) }
    }
    guard !measured.isEmpty, let origin = forecast.times.first else { return [] }
    let known = Set(model.knownEventNames)
    let (design, _) = try model.design(
      start: origin, count: forecast.count,
      events: scenario.events.filter { known.contains($0.name) })
    let columns = design.columns
    var spreads: [PastOccurrenceSpread] = []
    for (name, occurrences) in measured where !occurrences.isEmpty {
      let component = ComponentName.promotion(name)
      let block = columns.indices.filter { columns[$0].component == component }
      var peaks: [Double] = []
      var extras: [Double] = []
      var replicaPeaks: [Double] = []
      for occurrence in occurrences {
        let deviation = occurrence.deviation
        let shift = (0..<design.rows).map { i in
          zip(block, deviation).reduce(0.0) { $0 + design[i, $1.0] * $1.1 }
        }
        let replay = shifted(forecast, by: shift)
        peaks.append(replay.mean.max() ?? 0)
        extras.append(zip(replay.mean, base.mean).reduce(0) { $0 + $1.0 - $1.1 })
        if let policy, let peak = policy.scheduledReplicas(for: replay).max() {
          replicaPeaks.append(Double(peak))
        }
      }
      if let peak = Spread(peaks), let extra = Spread(extras) {
        spreads.append(
          PastOccurrenceSpread(
            name: name, peak: peak, extraRequests: extra, peakReplicas: Spread(replicaPeaks)))
      }
    }
    return spreads
  }

  /// The forecast with its centre moved by `shift` on the model scale: every quantile moves
  /// exactly (they are monotone images of the centre); the mean moves exactly for a log model
  /// without offset and to first order otherwise.
  private func shifted(_ forecast: Forecast, by shift: [Double]) -> Forecast {
    let transform = model.transform
    func move(_ values: [Double]) -> [Double] {
      values.indices.map { h in
        shift[h] == 0 ? values[h] : transform.inverse(transform.forward(values[h]) + shift[h])
      }
    }
    var result = forecast
    result.mean = move(forecast.mean)
    for k in result.quantiles.indices {
      result.quantiles[k].values = move(forecast.quantiles[k].values)
    }
    return result
  }
}
