/// What "normal" looks like for a run of slots: the model's expectation and its spread.
///
/// The detector compares observations with this on the log scale: a surge is a sustained
/// ratio of observed to `median`, measured in units of `logSpread`.
public struct ExpectedTraffic: Sendable, Equatable {
  /// Epoch seconds of each slot's start.
  public var times: [Int64]
  public var step: Int64
  /// The median count of each slot under normal conditions.
  public var median: [Double]
  /// One standard deviation of log(observed / median) under normal conditions, per slot:
  /// half the log-distance between the 15.9% and 84.1% quantiles of the calibrated band.
  public var logSpread: [Double]
  /// The band's lower and upper edges (10% and 90% quantiles), for reports and metrics.
  public var lower: [Double]
  public var upper: [Double]
  /// The count at the sizing quantile (e.g. p95), what replicas are sized for.
  public var sizing: [Double]

  public init(
    times: [Int64], step: Int64, median: [Double], logSpread: [Double], lower: [Double],
    upper: [Double], sizing: [Double]
  ) {
    self.times = times
    self.step = step
    self.median = median
    self.logSpread = logSpread
    self.lower = lower
    self.upper = upper
    self.sizing = sizing
  }

  public var count: Int { times.count }

  /// Index of the slot starting at `time`, if this run holds it.
  public func index(of time: Int64) -> Int? {
    guard let first = times.first, time >= first, (time - first) % step == 0 else { return nil }
    let index = Int((time - first) / step)
    return index < times.count ? index : nil
  }
}
