import Testing

@testable import Autoscaling

/// Whole schedules on hand-made forecasts: every count and every reason worked out by hand.
@Suite("schedule builder")
struct ScheduleBuilderTests {
  static let hour: Int64 = 3600

  static func demand(_ values: [Double], interval: Int64 = hour) -> DemandSlots {
    DemandSlots(
      starts: values.indices.map { Int64($0) * interval }, intervalSeconds: interval,
      stepSeconds: interval, expected: values, atQuantile: values)
  }

  /// R = 100, u = 1: replicas = ceil(demand / 100).
  static let base = ScalingPolicy(
    capacityPerStep: 100, targetUtilization: 1, minReplicas: 2, maxReplicas: 10,
    leadTimeSeconds: 600, scaleInDelaySeconds: 0, maxScaleUp: 1, maxScaleDown: 0.5)

  @Test func everyRuleOnOneSchedule() {
    // needs 2, 2, 8, 10 (12 capped), 2 (min), 2, 2 (min)
    let demand = Self.demand([150, 150, 800, 1200, 100, 100, 100])
    let schedule = ScheduleBuilder(policy: Self.base).schedule(demand)
    #expect(schedule.map(\.neededReplicas) == [2, 2, 8, 10, 2, 2, 2])
    // lead (+1 interval): 2 8 10 10 2 2 2; ramp (+100%): 4 8 10 10 …;
    // scale-down −50%: 10 → 5 → 3 → 2.
    #expect(schedule.map(\.replicas) == [4, 8, 10, 10, 5, 3, 2])
    #expect(
      schedule.map(\.reason) == [
        .rampForScaleUpLimit, .scaleUpAheadOfPeak, .scaleUpAheadOfPeak, .cappedAtMax,
        .limitedByMaxScaleDown, .limitedByMaxScaleDown, .atMinReplicas,
      ])
    #expect(schedule.map(\.unserved) == [0, 0, 0, 200, 0, 0, 0])
    #expect(schedule[1].start == 3600 && schedule[1].end == 7200)
  }

  @Test func withoutLeadTimeOrLimitsTheScheduleIsTheNeed() {
    var policy = Self.base
    policy.leadTimeSeconds = 0
    policy.maxScaleUp = 100
    policy.maxScaleDown = 1
    let schedule = ScheduleBuilder(policy: policy).schedule(Self.demand([300, 900, 300, 150]))
    #expect(schedule.map(\.replicas) == [3, 9, 3, 2])
    #expect(schedule.map(\.reason) == [.matchForecast, .matchForecast, .matchForecast, .matchForecast])
  }

  @Test func scaleInWaitsForTheDelayOnFiveMinuteIntervals() {
    var policy = Self.base
    policy.leadTimeSeconds = 0
    policy.scaleInDelaySeconds = 900  // three earlier 5-minute decisions
    policy.maxScaleDown = 1
    let schedule = ScheduleBuilder(policy: policy).schedule(
      Self.demand([600, 200, 200, 200, 200, 200], interval: 300))
    #expect(schedule.map(\.replicas) == [6, 6, 6, 6, 2, 2])
    #expect(
      schedule.map(\.reason) == [
        .matchForecast, .holdForScaleInDelay, .holdForScaleInDelay, .holdForScaleInDelay,
        .matchForecast, .matchForecast,
      ])
  }

  @Test func noPredictiveScaleInHoldsThePeak() {
    var policy = Self.base
    policy.leadTimeSeconds = 0
    policy.predictiveScaleIn = false
    let schedule = ScheduleBuilder(policy: policy).schedule(Self.demand([300, 500, 200]))
    #expect(schedule.map(\.replicas) == [3, 5, 5])
    #expect(schedule.map(\.reason) == [.matchForecast, .matchForecast, .holdNoPredictiveScaleIn])
  }

  @Test func raisingAboveTheMaximumIsMarked() {
    var policy = Self.base
    policy.leadTimeSeconds = 0
    policy.maxScaleDown = 1
    policy.overMax = .raise(buffer: 0.5)
    let schedule = ScheduleBuilder(policy: policy).schedule(Self.demand([1100, 1600, 1000]))
    #expect(schedule.map(\.replicas) == [11, 15, 10])
    #expect(schedule.map(\.reason) == [.raisedAboveMax, .cappedAtMax, .matchForecast])
    #expect(schedule.map(\.unserved) == [0, 100, 0])
  }

  @Test func summaryAddsUpTheSchedule() {
    var policy = Self.base
    policy.leadTimeSeconds = 0
    policy.maxScaleUp = 100
    policy.maxScaleDown = 1
    let schedule = ScheduleBuilder(policy: policy).schedule(Self.demand([300, 1200, 200, 200]))
    // replicas 3, 10 (capped, 200 unserved), 2, 2
    let summary = ScheduleSummary(schedule, stepSeconds: Self.hour)
    #expect(summary.peakReplicas == 10)
    #expect(summary.peakStart == 3600)
    #expect(summary.replicaHours == 17)
    #expect(summary.staticPeakReplicaHours == 40)
    #expect(summary.cappedIntervals == 1)
    #expect(summary.unservedRequests == 200)
    #expect(summary.expectedOverloadIntervals == nil)
  }

  @Test func overloadProbabilityIsReadOffTheQuantiles() {
    var demand = Self.demand([100])
    demand.distribution = [(0.5, [100]), (0.9, [200]), (0.99, [400])]
    #expect(demand.exceedanceProbability(0, capacity: 50) == 0.5)  // below the grid
    #expect(abs((demand.exceedanceProbability(0, capacity: 150) ?? 0) - 0.3) < 1e-12)
    #expect(abs((demand.exceedanceProbability(0, capacity: 300) ?? 0) - 0.055) < 1e-12)
    #expect(abs((demand.exceedanceProbability(0, capacity: 1000) ?? 0) - 0.01) < 1e-12)
    #expect(Self.demand([1]).exceedanceProbability(0, capacity: 1) == nil)
  }

  @Test func regriddingSplitsOrJoinsIntervals() {
    let hourly = Self.demand([100, 300, 200, 50])
    let fine = hourly.regridded(to: 1800)
    #expect(fine?.starts == [0, 1800, 3600, 5400, 7200, 9000, 10800, 12600])
    #expect(fine?.atQuantile == [100, 100, 300, 300, 200, 200, 50, 50])
    let coarse = hourly.regridded(to: 7200)
    #expect(coarse?.starts == [0, 7200])
    #expect(coarse?.atQuantile == [300, 200])
    #expect(hourly.regridded(to: 5400) == nil)
  }

  @Test func fineIntervalsMoveScaleUpOnlyByTheLeadTime() {
    // An hourly forecast on 5-minute intervals with a 10-minute lead: only the last two
    // intervals before the peak hour ask for the peak.
    var policy = Self.base
    policy.maxScaleUp = 100
    policy.maxScaleDown = 1
    guard let demand = Self.demand([200, 800]).regridded(to: 300) else {
      Issue.record("regrid failed")
      return
    }
    let schedule = ScheduleBuilder(policy: policy).schedule(demand)
    #expect(schedule.map(\.replicas) == Array(repeating: 2, count: 10) + Array(repeating: 8, count: 14))
    #expect(schedule[10].reason == .scaleUpAheadOfPeak && schedule[12].reason == .matchForecast)
  }
}
