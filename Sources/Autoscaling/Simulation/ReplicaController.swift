/// The causal part of a policy, applied decision by decision as a live autoscaler would:
/// the scale-in stabilisation window over past targets, the step limits from the current
/// count, and the min/max bounds. Used by the predictive and the reactive replays alike, so
/// they differ only in where their targets come from.
public struct ReplicaController: Sendable {
  public let limits: StepLimits
  /// Past decisions the stabilisation window holds besides the current one.
  public let windowBack: Int
  public let minReplicas: Int
  public let maxReplicas: Int
  public private(set) var current: Int?
  private var recentTargets: [Int] = []

  public init(policy: ScalingPolicy, intervalSeconds: Int64, initial: Int? = nil) {
    limits = StepLimits(policy)
    windowBack = ScaleInStabilization.intervalsBack(
      delaySeconds: policy.scaleInDelaySeconds, intervalSeconds: intervalSeconds)
    minReplicas = policy.minReplicas
    maxReplicas = policy.effectiveMaxReplicas
    current = initial
  }

  /// Replicas to request for a new `target`.
  public mutating func next(target: Int) -> Int {
    recentTargets.append(target)
    if recentTargets.count > windowBack + 1 { recentTargets.removeFirst() }
    var desired = recentTargets.max() ?? target
    if let current {
      desired = min(desired, limits.highestNext(after: current))
      desired = max(desired, limits.lowestNext(after: current))
    }
    desired = min(maxReplicas, max(minReplicas, desired))
    current = desired
    return desired
  }
}
