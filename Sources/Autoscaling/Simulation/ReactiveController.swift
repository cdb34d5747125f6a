/// An HPA-like controller: replicas follow the observed load at the target utilisation.
///
/// As Kubernetes' HPA: desired = ceil(load / (R × u)) (the same as ceil(current × metric /
/// target) with the metric averaged over ready replicas), no change while the ratio is within
/// a 10% tolerance band, then the policy's stabilisation window and step limits. It only
/// sees completed intervals, so on hourly data it reacts to the previous hour.
public struct ReactiveController: Sendable {
  public let policy: ScalingPolicy
  /// HPA's default tolerance (`--horizontal-pod-autoscaler-tolerance` 0.1).
  public let tolerance: Double
  private var controller: ReplicaController

  public init(
    policy: ScalingPolicy, intervalSeconds: Int64, initial: Int, tolerance: Double = 0.1
  ) {
    self.policy = policy
    self.tolerance = tolerance
    controller = ReplicaController(
      policy: policy, intervalSeconds: intervalSeconds, initial: initial)
  }

  /// The count the observed load alone calls for (sizing and tolerance, before the window).
  public func target(observed: Double?) -> Int {
    let current = controller.current ?? policy.minReplicas
    guard let observed, observed.isFinite else { return current }
    let perReplica = policy.capacityPerStep * policy.targetUtilization
    if current > 0, abs(observed / (Double(current) * perReplica) - 1) <= tolerance {
      return current
    }
    return ReplicaSizing.replicas(serving: observed, policy: policy).replicas
  }

  /// Replicas to request after observing `observed` (nil or NaN: no new information).
  public mutating func decide(observed: Double?) -> Int {
    controller.next(target: target(observed: observed))
  }
}
