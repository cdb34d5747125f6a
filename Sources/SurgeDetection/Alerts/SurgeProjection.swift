import Foundation

/// Size, growth and the near future of a declared surge (or drop), from its latest log ratios.
///
/// - size: the geometric mean ratio of the last `sizeSlots` observations to the expected
///   median (one noisy slot does not set it);
/// - growth: the least-squares slope of the log ratio over the last `growthWindowSeconds`;
/// - projection: the ratio follows that slope for at most `horizonSeconds`, and never beyond
///   `maxGrowth` × the current size: extrapolating the first minutes of a ramp exponentially
///   would promise ×50 within the hour. A surge is not projected below its current size
///   (capacity is not planned below what is seen now), nor a drop above it.
public struct SurgeProjection: Sendable, Equatable {
  public var sizeSlots = 3
  public var growthWindowSeconds: Int64 = 1800
  public var horizonSeconds: Int64 = 3600
  public var maxGrowth = 2.0

  public init() {}

  /// What the projection says at one moment.
  public struct Outlook: Sendable, Equatable {
    /// Current ratio of observed traffic to the expected median.
    public var ratio: Double
    /// Change of the log ratio per hour (0.69 = doubling per hour).
    public var logGrowthPerHour: Double
    /// Whether this is a surge (projections never fall) or a drop (never rise).
    public var surge: Bool
    let horizonSeconds: Int64
    let maxGrowth: Double

    /// The projected ratio `lead` seconds after the last observed slot.
    public func ratio(after lead: Int64) -> Double {
      let seconds = Double(min(max(0, lead), horizonSeconds))
      let slope = logGrowthPerHour / 3600
      let bound = log(maxGrowth)
      let change = surge ? min(max(0, slope) * seconds, bound) : max(min(0, slope) * seconds, -bound)
      return ratio * exp(change)
    }
  }

  /// - Parameters:
  ///   - history: (slot start, log ratio) of the latest slots, oldest first.
  ///   - surge: true for a surge, false for a drop.
  public func outlook(history: [(time: Int64, logRatio: Double)], surge: Bool) -> Outlook? {
    guard let last = history.last else { return nil }
    let recent = history.suffix(sizeSlots)
    let size = recent.map(\.logRatio).reduce(0, +) / Double(recent.count)
    let window = history.filter { $0.time > last.time - growthWindowSeconds }
    return Outlook(
      ratio: exp(size), logGrowthPerHour: Self.slope(window) * 3600, surge: surge,
      horizonSeconds: horizonSeconds, maxGrowth: maxGrowth)
  }

  /// Least-squares slope of log ratio on time (per second); 0 for fewer than two points.
  static func slope(_ points: [(time: Int64, logRatio: Double)]) -> Double {
    guard points.count >= 2, let t0 = points.first?.time else { return 0 }
    let n = Double(points.count)
    let xs = points.map { Double($0.time - t0) }
    let meanX = xs.reduce(0, +) / n
    let meanY = points.map(\.logRatio).reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    for (x, point) in zip(xs, points) {
      sxy += (x - meanX) * (point.logRatio - meanY)
      sxx += (x - meanX) * (x - meanX)
    }
    return sxx > 0 ? sxy / sxx : 0
  }
}
