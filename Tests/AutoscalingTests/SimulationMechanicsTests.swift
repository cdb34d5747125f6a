import TimeSeries
import Testing

@testable import Autoscaling

/// The replay's parts with exact answers: readiness after the lead time, the HPA-like
/// controller, scoring, and a whole replay with a perfect-foresight forecaster.
@Suite("simulation mechanics")
struct SimulationMechanicsTests {
  static let hour: Int64 = 3600

  @Test func replicasServeOnlyAfterTheLeadTime() {
    let requested = [2, 2, 6, 6, 2]
    // Lead 10 min on hours: the first sixth of an hour still runs the older, smaller count.
    let tenMinutes = ReadyCapacity.averageReady(
      requested: requested, leadSeconds: 600, intervalSeconds: Self.hour)
    let expected = [2, 2, 2.0 / 6 + 5, 6, 2]
    for (value, want) in zip(tenMinutes, expected) { #expect(abs(value - want) < 1e-12) }
    // Lead of exactly one interval: ready one interval late; removal is immediate.
    #expect(
      ReadyCapacity.averageReady(requested: requested, leadSeconds: 3600, intervalSeconds: Self.hour)
        == [2, 2, 2, 6, 2])
    #expect(
      ReadyCapacity.averageReady(requested: requested, leadSeconds: 0, intervalSeconds: Self.hour)
        == [2, 2, 6, 6, 2])
  }

  @Test func outcomeCountsOverloadsAgainstReadyCapacity() {
    let policy = ScalingPolicy(
      capacityPerStep: 100, targetUtilization: 0.5, minReplicas: 1, leadTimeSeconds: 3600)
    // Ready: 2, 2, 2, 6, 2 replicas = 200, 200, 200, 600, 200 requests.
    let outcome = PolicyOutcome(
      requested: [2, 2, 6, 6, 2], demand: [150, 200, 550, 500, .nan], policy: policy,
      intervalSeconds: Self.hour)
    #expect(outcome.overloadIntervals == 1)  // 550 > 200; 200 = 200 is not an overload
    #expect(outcome.unservedRequests == 350)
    #expect(outcome.peakShortfallReplicas == 4)
    #expect(outcome.replicaHours == 18)
  }

  @Test func reactiveControllerFollowsTheLastLoadWithTolerance() {
    let policy = ScalingPolicy(
      capacityPerStep: 100, targetUtilization: 1, minReplicas: 1, scaleInDelaySeconds: 0,
      maxScaleUp: 100, maxScaleDown: 1)
    var controller = ReactiveController(policy: policy, intervalSeconds: Self.hour, initial: 10)
    #expect(controller.decide(observed: 1050) == 10)  // within 10%: no change
    #expect(controller.decide(observed: 1150) == 12)  // ceil(11.5)
    #expect(controller.decide(observed: .nan) == 12)  // nothing observed: hold
    #expect(controller.decide(observed: 300) == 3)
  }

  @Test func reactiveControllerKeepsTheStabilizationWindow() {
    let policy = ScalingPolicy(
      capacityPerStep: 100, targetUtilization: 1, minReplicas: 1, scaleInDelaySeconds: 7200,
      maxScaleUp: 100, maxScaleDown: 1)
    var controller = ReactiveController(policy: policy, intervalSeconds: Self.hour, initial: 10)
    let counts = [1000, 300, 300, 300, 300].map { controller.decide(observed: Double($0)) }
    #expect(counts == [10, 10, 10, 3, 3])
  }

  /// A forecaster that knows the future exactly: isolates the policy from forecast error.
  struct Oracle: DemandForecaster {
    var series: Series
    var fits = 0
    mutating func demand(at index: Int, horizon: Int) throws -> DemandSlots {
      let values = (index..<(index + horizon)).map {
        $0 < series.count ? series.values[$0] : series.values[series.count - 1]
      }
      return DemandSlots(
        starts: (0..<horizon).map { series.start + Int64(index + $0) * series.step },
        intervalSeconds: series.step, stepSeconds: series.step, expected: values,
        atQuantile: values)
    }
  }

  /// 100 requests an hour, a surge to 1000 for three hours, back to 100; hours 3–14 replayed
  /// with R = 100, u = 1, a 10-minute lead and no stabilisation or effective step limits.
  static func replaySurge(decisionSeconds: Int64?) throws -> Simulation.Result {
    let values: [Double] = Array(repeating: 100, count: 6) + [1000, 1000, 1000]
      + Array(repeating: 100, count: 6)
    let series = Series(name: "s", start: 0, step: hour, values: values)
    let policy = ScalingPolicy(
      capacityPerStep: 100, targetUtilization: 1, minReplicas: 1, maxReplicas: 20,
      leadTimeSeconds: 600, scaleInDelaySeconds: 0, maxScaleUp: 100, maxScaleDown: 1)
    var oracle = Oracle(series: series)
    return try Simulation(policy: policy, decisionSeconds: decisionSeconds).run(
      actual: series, first: 3, end: 15, forecaster: &oracle)
  }

  @Test func perfectForesightBeatsReactionOnASurge() throws {
    let result = try Self.replaySurge(decisionSeconds: nil)
    // Predictive asks for 10 one hour early (10 minutes of lead): never short.
    #expect(result.predictive.requested == [1, 1, 10, 10, 10, 10, 1, 1, 1, 1, 1, 1])
    #expect(result.predictive.overloadIntervals == 0)
    // Reactive sees the surge after its first hour, and its replicas serve 10 minutes later:
    // short by 900 in the first surge hour and 1000 − 8.5 × 100 = 150 in the second.
    #expect(result.reactive.requested == [1, 1, 1, 1, 10, 10, 10, 1, 1, 1, 1, 1])
    #expect(result.reactive.overloadIntervals == 2)
    #expect(abs(result.reactive.unservedRequests - 1050) < 1e-9)
    #expect(result.reactive.peakShortfallReplicas == 9)
    // Static holds the peak before the replay: 100 requests, 1 replica.
    #expect(result.staticReplicas == 1)
    #expect(result.staticPeak.overloadIntervals == 3)
    #expect(result.predictive.replicaHours == 48)
    #expect(result.reactive.replicaHours == 39)
  }

  @Test func decisionsMoreOftenThanTheDataStep() throws {
    // The same surge, both policies deciding every 30 minutes: the reactive controller sees
    // the surge's rate after its first half hour, the forecast a step ahead.
    let result = try Self.replaySurge(decisionSeconds: 1800)
    #expect(result.times.count == 24 && result.times[1] == 3 * Self.hour + 1800)
    // Predictive: 10 from 05:30 (the half hour before the surge) to 08:30.
    #expect(result.predictive.requested == [1, 1, 1, 1, 1] + Array(repeating: 10, count: 7)
      + Array(repeating: 1, count: 12))
    #expect(result.predictive.overloadIntervals == 0)
    #expect(result.predictive.replicaHours == 43.5)
    // Reactive: 10 from 06:30 to 09:00; short at 06:00 (1 ready) and 06:30 (7 on average).
    #expect(result.reactive.requested == Array(repeating: 1, count: 7)
      + Array(repeating: 10, count: 6) + Array(repeating: 1, count: 11))
    #expect(result.reactive.overloadIntervals == 2)
    // Half-hour shares of the hourly rate: (1000 − 100) / 2 + (1000 − 700) / 2.
    #expect(abs(result.reactive.unservedRequests - 600) < 1e-9)
    #expect(result.reactive.replicaHours == 39)
  }

  @Test func decisionIntervalMustDivideTheStep() {
    let series = Series(name: "s", start: 0, step: Self.hour, values: [1, 2, 3])
    var oracle = Oracle(series: series)
    #expect(throws: AutoscalingError.self) {
      try Simulation(policy: ScalingPolicy(capacityPerStep: 1), decisionSeconds: 7 * 60).run(
        actual: series, first: 1, end: 3, forecaster: &oracle)
    }
  }

  @Test func replayWindowMustLeaveHistory() {
    let series = Series(name: "s", start: 0, step: Self.hour, values: [1, 2, 3])
    var oracle = Oracle(series: series)
    #expect(throws: AutoscalingError.self) {
      try Simulation(policy: ScalingPolicy(capacityPerStep: 1)).run(
        actual: series, first: 0, end: 3, forecaster: &oracle)
    }
  }
}
