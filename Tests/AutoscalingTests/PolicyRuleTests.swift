import Testing

@testable import Autoscaling

/// Each rule on its own, on hand-made inputs with answers worked out by hand.
@Suite("policy rules")
struct PolicyRuleTests {
  /// R = 100 requests per step, u = 0.5: one replica per 50 requests.
  let policy = ScalingPolicy(
    capacityPerStep: 100, targetUtilization: 0.5, minReplicas: 2, maxReplicas: 10)

  @Test func sizingIsTheCeilingOfDemandOverUsableCapacity() {
    #expect(ReplicaSizing.replicas(serving: 500, policy: policy).replicas == 10)
    #expect(ReplicaSizing.replicas(serving: 450.01, policy: policy).replicas == 10)
    #expect(ReplicaSizing.replicas(serving: 450, policy: policy).replicas == 9)
    // 0.1 × 3 / 0.1 is 3.0000000000000004 in floating point: still 3 replicas.
    let exact = ScalingPolicy(capacityPerStep: 0.1, targetUtilization: 1, minReplicas: 0)
    #expect(ReplicaSizing.replicas(serving: 0.1 * 3, policy: exact).replicas == 3)
  }

  @Test func sizingKeepsTheMinimum() {
    let need = ReplicaSizing.replicas(serving: 20, policy: policy)
    #expect(need == ReplicaNeed(replicas: 2, uncapped: 1, bound: .atMin, unserved: 0))
    #expect(ReplicaSizing.replicas(serving: .nan, policy: policy).replicas == 2)
    #expect(ReplicaSizing.replicas(serving: -5, policy: policy).replicas == 2)
  }

  @Test func honoringTheMaximumReportsUnservedTraffic() {
    // 1200 requests need 24 replicas; 10 serve 1000 at 100%: 200 unserved.
    let need = ReplicaSizing.replicas(serving: 1200, policy: policy)
    #expect(need == ReplicaNeed(replicas: 10, uncapped: 24, bound: .cappedAtMax, unserved: 200))
    // Above the target utilisation but within full capacity: capped, nothing unserved.
    let tight = ReplicaSizing.replicas(serving: 900, policy: policy)
    #expect(tight == ReplicaNeed(replicas: 10, uncapped: 18, bound: .cappedAtMax, unserved: 0))
  }

  @Test func raisingTheMaximumAllowsTheBuffer() {
    var raising = policy
    raising.overMax = .raise(buffer: 0.2)
    #expect(raising.effectiveMaxReplicas == 12)
    #expect(
      ReplicaSizing.replicas(serving: 560, policy: raising)
        == ReplicaNeed(replicas: 12, uncapped: 12, bound: .raisedAboveMax, unserved: 0))
    #expect(
      ReplicaSizing.replicas(serving: 1300, policy: raising)
        == ReplicaNeed(replicas: 12, uncapped: 26, bound: .cappedAtMax, unserved: 100))
  }

  @Test func leadTimeCoversTheIntervalsStartingWithinIt() {
    #expect(LeadTimeShift.intervalsAhead(leadSeconds: 0, intervalSeconds: 3600) == 0)
    #expect(LeadTimeShift.intervalsAhead(leadSeconds: 600, intervalSeconds: 3600) == 1)
    #expect(LeadTimeShift.intervalsAhead(leadSeconds: 3600, intervalSeconds: 3600) == 1)
    #expect(LeadTimeShift.intervalsAhead(leadSeconds: 3601, intervalSeconds: 3600) == 2)
    #expect(LeadTimeShift.intervalsAhead(leadSeconds: 600, intervalSeconds: 300) == 2)
    #expect(LeadTimeShift.apply([2, 2, 5, 2, 2], ahead: 1) == [2, 5, 5, 2, 2])
    #expect(LeadTimeShift.apply([2, 2, 5, 2, 2], ahead: 2) == [5, 5, 5, 2, 2])
    #expect(LeadTimeShift.apply([2, 3], ahead: 4) == [3, 3])
  }

  @Test func stabilizationKeepsTheHighestTargetOfTheWindow() {
    #expect(ScaleInStabilization.intervalsBack(delaySeconds: 1800, intervalSeconds: 300) == 6)
    #expect(ScaleInStabilization.intervalsBack(delaySeconds: 1800, intervalSeconds: 3600) == 0)
    #expect(ScaleInStabilization.apply([5, 1, 1, 1, 4], back: 2) == [5, 5, 5, 1, 4])
    #expect(ScaleInStabilization.apply([1, 1, 1], back: 2, earlier: [7, 3]) == [7, 3, 1])
    #expect(ScaleInStabilization.apply([5, 1], back: 0) == [5, 1])
  }

  @Test func stepLimitsAllowAtLeastOneReplica() {
    let limits = StepLimits(maxScaleUp: 1, maxScaleDown: 0.2)
    #expect(limits.highestNext(after: 0) == 1)
    #expect(limits.highestNext(after: 2) == 4)
    #expect(limits.lowestNext(after: 10) == 8)
    #expect(limits.lowestNext(after: 3) == 2)  // 20% of 3 rounds to 0: one may still go
    #expect(limits.lowestNext(after: 0) == 0)
    #expect(limits.lowestPredecessor(reaching: 16) == 8)
    #expect(limits.lowestPredecessor(reaching: 17) == 9)
    #expect(limits.lowestPredecessor(reaching: 1) == 0)
    let half = StepLimits(maxScaleUp: 0.5, maxScaleDown: 0.5)
    #expect(half.highestNext(after: 3) == 4)  // floor(1.5) = 1
    #expect(half.lowestPredecessor(reaching: 9) == 6)
  }

  @Test func rampsUpAheadAndSlowsScaleIn() {
    let limits = StepLimits(maxScaleUp: 1, maxScaleDown: 0.2)
    #expect(limits.rampedUp([2, 2, 2, 16]) == [2, 4, 8, 16])
    #expect(limits.rampedUp([2, 2, 2, 17]) == [3, 5, 9, 17])
    // 20 → 16 → 13 → 11: −4, −3 (floor 3.2), −2 (floor 2.6).
    #expect(limits.limitedDown([20, 2, 2, 2]) == [20, 16, 13, 11])
  }

  @Test func noPredictiveScaleInHoldsTheRunningMaximum() {
    #expect(NoPredictiveScaleIn.apply([3, 5, 2, 6, 1]) == [3, 5, 5, 6, 6])
  }

  @Test func invalidPoliciesAreNamed() {
    var bad = policy
    bad.maxReplicas = 1
    #expect(bad.problem?.contains("max replicas") == true)
    bad = policy
    bad.targetUtilization = 1.5
    #expect(bad.problem?.contains("utilization") == true)
    bad = policy
    bad.maxScaleDown = 0
    #expect(bad.problem?.contains("scale-down") == true)
    #expect(policy.problem == nil)
  }

  @Test func capacityIsStatedPerStepOrPerSecond() {
    #expect(ReplicaCapacity(parsing: "1800") == ReplicaCapacity(value: 1800, unit: .perStep))
    #expect(ReplicaCapacity(parsing: "0.5/s")?.perStep(3600) == 1800)
    #expect(ReplicaCapacity(parsing: "0") == nil)
    #expect(ReplicaCapacity(parsing: "-3/s") == nil)
    #expect(ReplicaCapacity(parsing: "lots") == nil)
  }
}
