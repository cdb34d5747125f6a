import Autoscaling
import Forecasting
import Foundation
import Modeling
import PropertyBased
import TestSupport
import Testing
import TimeSeries

/// Recommendations stay within the policy's bounds: every interval's replicas lie in
/// [minReplicas, effectiveMaxReplicas], whatever the traffic, the policy and the horizon.
@Suite struct RecommendationProperties {
  @Test func replicasStayWithinMinAndMax() async throws {
    let traffic = zip(
      Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 15...25), Gen.double(in: 1...100_000),
      Gen.double(in: 0...0.95), Gen.double(in: 0...0.5), Gen.double(in: 1...8))
    let bounds = zip(
      Gen.int(in: 0...20), Gen.int(in: 0...300), Gen.double(in: 1...50_000),
      Gen.double(in: 0.05...1), Gen.double(in: 0.5...0.995))
    let rules = zip(
      Gen.int(in: 0...7_200), Gen.int(in: 0...7_200), Gen.double(in: 0.05...3),
      Gen.double(in: 0.05...1), Gen.bool, Gen.double(in: 0...1), Gen.int(in: 1...96))
    await propertyCheck(count: 15, input: traffic, bounds, rules) { traffic, bounds, rules in
      let (seed, days, level, swing, noise, burst) = traffic
      let (minimum, extra, capacity, utilization, quantile) = bounds
      let (lead, delay, up, down, scaleIn, raise, hours) = rules
      let series = ForecastProperties.traffic(
        seed: seed, days: days, level: level, swing: swing, noise: noise, zeroRate: 0.01,
        gapRate: 0.01, burst: burst)
      let model = try ModelSpec().fit(series)
      let policy = ScalingPolicy(
        capacityPerStep: capacity, targetUtilization: utilization, quantile: quantile,
        minReplicas: minimum, maxReplicas: max(1, minimum) + extra,
        leadTimeSeconds: Int64(lead), scaleInDelaySeconds: Int64(delay), maxScaleUp: up,
        maxScaleDown: down, predictiveScaleIn: scaleIn,
        overMax: raise < 0.5 ? .honor : .raise(buffer: raise))
      try #require(policy.problem == nil, "\(policy.problem ?? "")")
      let result = try Recommender(policy: policy).recommend(
        model: model, horizonSeconds: Int64(hours) * 3_600)
      #expect(!result.schedule.isEmpty)
      let low = policy.minReplicas
      let high = policy.effectiveMaxReplicas
      let outside = result.schedule.filter { $0.replicas < low || $0.replicas > high }
      #expect(outside.isEmpty, "\(outside.prefix(3).map(\.replicas)) outside \(low)…\(high)")
    }
  }
}
