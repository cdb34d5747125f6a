/// Surgecast's recommendations replayed live: at each decision, forecast the next intervals,
/// build the schedule (sizing, lead time, ramp for the step limit) and request its first
/// interval; the stabilisation window and step limits then apply causally, as for the
/// reactive controller.
///
/// With `predictiveScaleIn` off the target never drops below what the observed load calls
/// for, so replicas are only removed when the load agrees (AWS's rule).
public struct PredictiveController: Sendable {
  public let policy: ScalingPolicy
  /// Intervals forecast at each decision: the lead time, plus enough to ramp from the minimum
  /// to the maximum within the step limit.
  public let horizon: Int
  private let builder: ScheduleBuilder
  private var controller: ReplicaController

  public init(policy: ScalingPolicy, intervalSeconds: Int64, initial: Int) {
    self.policy = policy
    let ahead = LeadTimeShift.intervalsAhead(
      leadSeconds: policy.leadTimeSeconds, intervalSeconds: intervalSeconds)
    var ramp = 0
    var replicas = max(1, policy.minReplicas)
    let limits = StepLimits(policy)
    while replicas < policy.effectiveMaxReplicas && ramp < 48 {
      replicas = limits.highestNext(after: replicas)
      ramp += 1
    }
    horizon = ahead + 1 + ramp
    var scheduling = policy
    scheduling.scaleInDelaySeconds = 0  // applied causally by the controller
    scheduling.predictiveScaleIn = true
    builder = ScheduleBuilder(policy: scheduling)
    controller = ReplicaController(
      policy: policy, intervalSeconds: intervalSeconds, initial: initial)
  }

  /// The schedule's first interval for `demand` (starting now).
  public func target(_ demand: DemandSlots) -> Int {
    builder.stages(demand).final.first ?? policy.minReplicas
  }

  /// Replicas to request, given the forecast and, when predictive scale-in is off, the
  /// count the observed load calls for.
  public mutating func decide(_ demand: DemandSlots, observedTarget: Int?) -> Int {
    var wanted = target(demand)
    if !policy.predictiveScaleIn, let observedTarget { wanted = max(wanted, observedTarget) }
    return controller.next(target: wanted)
  }
}
