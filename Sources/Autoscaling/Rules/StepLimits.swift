/// Limits on how fast replicas change per interval, as fractions of the current count; at
/// least one replica may always be added or removed, so a small fleet is never stuck.
public struct StepLimits: Sendable, Equatable {
  /// Largest increase as a fraction (1 = +100%).
  public var maxScaleUp: Double
  /// Largest decrease as a fraction (0.2 = −20%).
  public var maxScaleDown: Double

  public init(maxScaleUp: Double, maxScaleDown: Double) {
    self.maxScaleUp = maxScaleUp
    self.maxScaleDown = maxScaleDown
  }

  public init(_ policy: ScalingPolicy) {
    self.init(maxScaleUp: policy.maxScaleUp, maxScaleDown: policy.maxScaleDown)
  }

  /// The most replicas reachable in one interval from `current`:
  /// current + max(1, floor(current × up)).
  public func highestNext(after current: Int) -> Int {
    current + max(1, Int((Double(current) * maxScaleUp + 1e-9).rounded(.down)))
  }

  /// The fewest replicas allowed in one interval after `current`:
  /// current − max(1, floor(current × down)), never below 0.
  public func lowestNext(after current: Int) -> Int {
    max(0, current - max(1, Int((Double(current) * maxScaleDown + 1e-9).rounded(.down))))
  }

  /// The fewest replicas from which `target` is reachable in one interval.
  public func lowestPredecessor(reaching target: Int) -> Int {
    guard target > 0 else { return 0 }
    // highestNext is non-decreasing, so start just below the continuous answer and walk up.
    var current = max(0, Int((Double(target) / (1 + maxScaleUp)).rounded(.down)) - 1)
    while highestNext(after: current) < target { current += 1 }
    return current
  }

  /// Ramps up ahead of time: walks backwards so that every interval is reachable from the one
  /// before it, raising earlier intervals where a jump is too steep. The first interval is
  /// taken as given (the fleet before the horizon is not known).
  public func rampedUp(_ replicas: [Int]) -> [Int] {
    var result = replicas
    for k in stride(from: result.count - 2, through: 0, by: -1) {
      result[k] = max(result[k], lowestPredecessor(reaching: result[k + 1]))
    }
    return result
  }

  /// Slows scale-in: walks forwards so that no interval drops more than the limit below the
  /// one before it.
  public func limitedDown(_ replicas: [Int]) -> [Int] {
    var result = replicas
    for k in result.indices.dropFirst() {
      result[k] = max(result[k], lowestNext(after: result[k - 1]))
    }
    return result
  }
}
