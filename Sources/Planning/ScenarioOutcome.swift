import Forecasting
import TimeSeries

/// What one scenario (or the baseline) means for traffic and capacity over the horizon.
public struct ScenarioOutcome: Sendable {
  public var scenario: Scenario
  /// The forecast with the scenario's events (the baseline's has none).
  public var forecast: Forecast
  /// Expected count minus the baseline's, per slot (zero for the baseline).
  public var uplift: [Double]
  public var peak: Peak
  /// Σ uplift over the horizon, with the model's 80% interval.
  public var extraRequests: Estimate
  /// Replicas per slot from the sizing policy, when one was given.
  public var replicas: [Int]?
  /// The spread when each promotion of the scenario behaves like one of its past occurrences.
  public var pastOccurrences: [PastOccurrenceSpread]

  /// The largest replica count over the horizon.
  public var peakReplicas: Int? { replicas.map { $0.max() ?? 0 } }

  /// Replicas × hours summed over the horizon (what the fleet costs).
  public var replicaHours: Double? {
    replicas.map { Double($0.reduce(0, +)) * Double(forecast.step) / 3600 }
  }
}

/// The highest expected count of a forecast, when it happens, and the interval there.
public struct Peak: Sendable, Equatable {
  public var time: Int64
  public var index: Int
  public var expected: Double
  /// The forecast quantiles at the peak's slot, by level (0.025, 0.1, 0.9, 0.975).
  public var quantiles: [Double: Double]

  public init(forecast: Forecast) {
    var best = 0
    for h in forecast.mean.indices where forecast.mean[h] > forecast.mean[best] { best = h }
    index = best
    time = forecast.times.isEmpty ? 0 : forecast.times[best]
    expected = forecast.mean.isEmpty ? 0 : forecast.mean[best]
    var values: [Double: Double] = [:]
    for q in forecast.quantiles where best < q.values.count { values[q.level] = q.values[best] }
    quantiles = values
  }
}

/// A quantity with the model's 80% interval.
public struct Estimate: Sendable, Equatable {
  public var expected: Double
  public var lower: Double
  public var upper: Double

  public init(expected: Double, lower: Double, upper: Double) {
    self.expected = expected
    self.lower = Swift.min(lower, upper)
    self.upper = Swift.max(lower, upper)
  }
}

/// A scenario replayed with each past occurrence of one promotion's realized profile.
public struct PastOccurrenceSpread: Sendable, Equatable {
  public var name: String
  public var peak: Spread
  public var extraRequests: Spread
  public var peakReplicas: Spread?
}
