import Autoscaling
import Forecasting
import Foundation
import Modeling
import Planning
import Testing
import TimeSeries

/// The scenario maths on the model of the default data, whose flash-sale profile is known
/// (the planted multipliers 2.4, 1.7, 1.3, 1.15 of `Datasets/truth.json`, learned as
/// log-lifts).
@Suite struct ScenarioMathTests {
  let model = DefaultModel.model
  /// Friday 2025-12-05 20:00 Seoul, inside the week after training ends (2025-12-01).
  let saleStart = DefaultModel.seoul(2025, 12, 5, hour: 20)

  func flashSale(scale: Double) -> Scenario {
    Scenario(
      name: "x\(scale)",
      events: [
        Event(
          name: "flash_sale", kind: .promotion, start: saleStart, end: saleStart + 4 * 3600,
          scale: scale)
      ])
  }

  func plan(_ scenarios: [Scenario]) throws -> [ScenarioOutcome] {
    try ScenarioPlanner(model: model, horizon: 7 * 24).plan(scenarios)
  }

  @Test func upliftIsTheLearnedProfile() throws {
    let outcomes = try plan([flashSale(scale: 1)])
    let base = outcomes[0]
    let sale = outcomes[1]
    #expect(base.scenario.name == "baseline")
    let h = Int((saleStart - base.forecast.times[0]) / 3600)
    // Both forecasts share origin and residual history, so for a log model the ratio of the
    // expected counts is exp(coefficient × scale) exactly (up to rounding).
    for (offset, bucket) in [(-1, "-1h"), (0, "+0h"), (1, "+1h"), (2, "+2h"), (3, "+3h")] {
      let ratio = sale.forecast.mean[h + offset] / base.forecast.mean[h + offset]
      let learned = exp(DefaultModel.coefficient("flash_sale", bucket))
      #expect(abs(ratio - learned) < 1e-9, "bucket \(bucket): \(ratio) vs \(learned)")
      #expect(abs(sale.uplift[h + offset] - (ratio - 1) * base.forecast.mean[h + offset]) < 1e-6)
    }
    // And the learned first hour is the planted ×2.4 (truth.json) within 5%.
    let firstHour = sale.forecast.mean[h] / base.forecast.mean[h]
    #expect(abs(firstHour / 2.4 - 1) < 0.05, "first-hour lift \(firstHour)")
    // Outside the sale's buckets nothing changes.
    #expect(sale.uplift[0] == 0)
    #expect(sale.uplift[sale.uplift.count - 1] == 0)
  }

  @Test func largerScaleGivesLargerPeakAndExtra() throws {
    let outcomes = try plan([flashSale(scale: 1), flashSale(scale: 2)])
    let (base, one, two) = (outcomes[0], outcomes[1], outcomes[2])
    #expect(one.peak.expected > base.peak.expected)
    #expect(two.peak.expected > one.peak.expected)
    #expect(one.peak.time == saleStart && two.peak.time == saleStart)
    #expect(two.extraRequests.expected > one.extraRequests.expected)
    // Scale multiplies the log-lift: the first hour's ratio squares.
    let h = two.peak.index
    let r1 = one.forecast.mean[h] / base.forecast.mean[h]
    let r2 = two.forecast.mean[h] / base.forecast.mean[h]
    #expect(abs(r2 - r1 * r1) < 1e-9)
  }

  @Test func extraRequestsAndIntervalsAreConsistent() throws {
    let outcomes = try plan([flashSale(scale: 1)])
    let base = outcomes[0]
    let sale = outcomes[1]
    #expect(base.extraRequests.expected == 0)
    #expect(abs(sale.extraRequests.expected - sale.uplift.reduce(0, +)) < 1e-6)
    #expect(sale.extraRequests.lower < sale.extraRequests.expected)
    #expect(sale.extraRequests.expected < sale.extraRequests.upper)
    let p10 = try #require(sale.peak.quantiles[0.1])
    let p90 = try #require(sale.peak.quantiles[0.9])
    #expect(p10 < sale.peak.expected && sale.peak.expected < p90)
  }

  @Test func explicitLiftMultipliesTheSpan() throws {
    let event = Event(
      name: "tv_campaign", kind: .promotion, start: saleStart, end: saleStart + 2 * 3600,
      lift: 1.5)
    let outcomes = try plan([Scenario(name: "tv", events: [event])])
    let h = Int((saleStart - outcomes[0].forecast.times[0]) / 3600)
    let ratio = outcomes[1].forecast.mean[h] / outcomes[0].forecast.mean[h]
    #expect(abs(ratio - 1.5) < 1e-9)
    #expect(outcomes[1].uplift[h + 2] == 0)
  }

  @Test func replicasComeFromTheAutoscalingPolicy() throws {
    // 1,000 requests per hour per replica at 100%, planned at 70% of it, for the p95 demand.
    let policy = ScalingPolicy(capacityPerStep: 1000, minReplicas: 2, maxReplicas: 400)
    let outcomes = try ScenarioPlanner(model: model, horizon: 7 * 24, policy: policy)
      .plan([flashSale(scale: 1)])
    let base = outcomes[0]
    let sale = outcomes[1]
    let replicas = try #require(base.replicas)
    #expect(replicas.count == 7 * 24)
    // Every slot gets at least ceil(p95 / (R × u)) (later rules only add replicas).
    let p95 = try #require(base.forecast.quantile(0.95))
    for (r, q) in zip(replicas, p95) {
      #expect(r >= max(2, Int((q / 700 * (1 - 1e-9)).rounded(.up))))
    }
    #expect(base.peakReplicas == replicas.max())
    #expect(base.replicaHours == Double(replicas.reduce(0, +)))
    // The sale needs more replicas at its peak than the baseline ever does.
    #expect((sale.peakReplicas ?? 0) > (base.peakReplicas ?? 0))
    #expect((sale.replicaHours ?? 0) > (base.replicaHours ?? 0))
  }
}
