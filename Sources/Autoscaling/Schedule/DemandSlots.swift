/// Forecast demand on a grid of equal intervals: what a schedule is built from.
///
/// Demand is a rate in requests per step of the data (`stepSeconds`), whatever the interval
/// length, so that it compares directly with a replica's capacity per step.
public struct DemandSlots: Sendable, Equatable {
  /// Start of each interval, epoch seconds.
  public var starts: [Int64]
  public var intervalSeconds: Int64
  /// The data's step, the unit of the demand rates.
  public var stepSeconds: Int64
  /// Expected demand (the forecast's mean).
  public var expected: [Double]
  /// Demand at the policy's quantile: what the replicas are sized for.
  public var atQuantile: [Double]
  /// Quantile forecasts (ascending levels) for the overload probability; may be empty.
  public var distribution: [(level: Double, values: [Double])]

  public init(
    starts: [Int64], intervalSeconds: Int64, stepSeconds: Int64, expected: [Double],
    atQuantile: [Double], distribution: [(level: Double, values: [Double])] = []
  ) {
    self.starts = starts
    self.intervalSeconds = intervalSeconds
    self.stepSeconds = stepSeconds
    self.expected = expected
    self.atQuantile = atQuantile
    self.distribution = distribution
  }

  public var count: Int { starts.count }

  public static func == (a: DemandSlots, b: DemandSlots) -> Bool {
    a.starts == b.starts && a.intervalSeconds == b.intervalSeconds
      && a.stepSeconds == b.stepSeconds && a.expected == b.expected
      && a.atQuantile == b.atQuantile && a.distribution.map(\.level) == b.distribution.map(\.level)
      && a.distribution.map(\.values) == b.distribution.map(\.values)
  }

  /// The same demand on intervals of `seconds`: a divisor of the interval repeats each rate
  /// (the rate is flat inside a forecast step), a multiple keeps the highest rate of the
  /// intervals it joins (capacity must hold through the whole interval). Nil for any other
  /// length.
  public func regridded(to seconds: Int64) -> DemandSlots? {
    guard seconds > 0 else { return nil }
    if seconds == intervalSeconds { return self }
    if intervalSeconds % seconds == 0 {
      let parts = Int(intervalSeconds / seconds)
      func split(_ values: [Double]) -> [Double] { values.flatMap { Array(repeating: $0, count: parts) } }
      return DemandSlots(
        starts: starts.flatMap { s in (0..<parts).map { s + Int64($0) * seconds } },
        intervalSeconds: seconds, stepSeconds: stepSeconds, expected: split(expected),
        atQuantile: split(atQuantile),
        distribution: distribution.map { ($0.level, split($0.values)) })
    }
    guard seconds % intervalSeconds == 0 else { return nil }
    let group = Int(seconds / intervalSeconds)
    let whole = count / group
    func join(_ values: [Double]) -> [Double] {
      (0..<whole).map { g in values[(g * group)..<((g + 1) * group)].max() ?? 0 }
    }
    return DemandSlots(
      starts: (0..<whole).map { starts[$0 * group] }, intervalSeconds: seconds,
      stepSeconds: stepSeconds, expected: join(expected), atQuantile: join(atQuantile),
      distribution: distribution.map { ($0.level, join($0.values)) })
  }

  /// Probability that interval `k`'s demand exceeds `capacity`, read off the quantile
  /// forecasts by linear interpolation; bounded by the grid's lowest and highest levels (with
  /// levels 0.01…0.995 the answer lies in [0.005, 0.99]). Nil without a distribution.
  public func exceedanceProbability(_ k: Int, capacity: Double) -> Double? {
    guard let first = distribution.first, let last = distribution.last else { return nil }
    if capacity <= first.values[k] { return 1 - first.level }
    if capacity >= last.values[k] { return 1 - last.level }
    for i in 1..<distribution.count {
      let low = distribution[i - 1]
      let high = distribution[i]
      if capacity <= high.values[k] {
        let width = high.values[k] - low.values[k]
        let fraction = width > 0 ? (capacity - low.values[k]) / width : 1
        return 1 - (low.level + fraction * (high.level - low.level))
      }
    }
    return 1 - last.level
  }
}
