/// Turns forecast demand into a replica schedule by applying the policy's rules in order:
///
/// 1. sizing: ceil(q / (R × u)) within min and max (`ReplicaSizing`), capped traffic noted;
/// 2. lead time: each interval also covers the intervals starting within the lead time;
/// 3. scale-in stabilisation: the highest target of the delay window is kept;
/// 4. no predictive scale-in (optional): never lower than any earlier interval;
/// 5. scale-up limit: earlier intervals ramp up so each step stays within the limit;
/// 6. scale-down limit: no interval drops more than the limit below the one before.
///
/// Every rule only raises counts (none can undo the capacity an earlier rule asked for), so
/// the result is at least each interval's need, and each interval's `reason` names the last
/// rule that raised it. Cost O(n × window).
public struct ScheduleBuilder: Sendable {
  public var policy: ScalingPolicy

  public init(policy: ScalingPolicy) { self.policy = policy }

  /// The schedule, one interval per demand interval.
  /// - Parameter earlierTargets: lead-shifted targets of decisions before the first interval
  ///   (oldest first), for the stabilisation window; empty when unknown.
  public func schedule(_ demand: DemandSlots, earlierTargets: [Int] = []) -> [ScheduleInterval] {
    let stages = self.stages(demand, earlierTargets: earlierTargets)
    let g = demand.intervalSeconds
    return demand.starts.indices.map { k in
      let replicas = stages.final[k]
      let probability = demand.exceedanceProbability(
        k, capacity: Double(replicas) * policy.capacityPerStep)
      return ScheduleInterval(
        start: demand.starts[k], end: demand.starts[k] + g, expected: demand.expected[k],
        atQuantile: demand.atQuantile[k], neededReplicas: stages.needs[k].replicas,
        replicas: replicas, reason: stages.reason(k), unserved: stages.needs[k].unserved,
        overloadProbability: probability)
    }
  }

  /// The count after each rule, kept so that reasons can name the rule that decided.
  public struct Stages: Sendable {
    public var needs: [ReplicaNeed]
    public var leadShifted: [Int]
    public var stabilized: [Int]
    public var heldForSafety: [Int]
    public var rampedUp: [Int]
    public var final: [Int]

    /// The last rule that raised interval `k`, else the sizing bound.
    public func reason(_ k: Int) -> ScheduleReason {
      if final[k] > rampedUp[k] { return .limitedByMaxScaleDown }
      if rampedUp[k] > heldForSafety[k] { return .rampForScaleUpLimit }
      if heldForSafety[k] > stabilized[k] { return .holdNoPredictiveScaleIn }
      if stabilized[k] > leadShifted[k] { return .holdForScaleInDelay }
      if leadShifted[k] > needs[k].replicas { return .scaleUpAheadOfPeak }
      switch needs[k].bound {
      case .none: return .matchForecast
      case .atMin: return .atMinReplicas
      case .raisedAboveMax: return .raisedAboveMax
      case .cappedAtMax: return .cappedAtMax
      }
    }
  }

  public func stages(_ demand: DemandSlots, earlierTargets: [Int] = []) -> Stages {
    let g = demand.intervalSeconds
    let needs = demand.atQuantile.map { ReplicaSizing.replicas(serving: $0, policy: policy) }
    let ahead = LeadTimeShift.intervalsAhead(
      leadSeconds: policy.leadTimeSeconds, intervalSeconds: g)
    let leadShifted = LeadTimeShift.apply(needs.map(\.replicas), ahead: ahead)
    let back = ScaleInStabilization.intervalsBack(
      delaySeconds: policy.scaleInDelaySeconds, intervalSeconds: g)
    let stabilized = ScaleInStabilization.apply(
      leadShifted, back: back, earlier: earlierTargets)
    let held = policy.predictiveScaleIn ? stabilized : NoPredictiveScaleIn.apply(stabilized)
    let limits = StepLimits(policy)
    let ramped = limits.rampedUp(held)
    return Stages(
      needs: needs, leadShifted: leadShifted, stabilized: stabilized, heldForSafety: held,
      rampedUp: ramped, final: limits.limitedDown(ramped))
  }
}
