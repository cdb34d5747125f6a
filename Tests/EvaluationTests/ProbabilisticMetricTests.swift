import TestSupport
import Testing

@testable import Evaluation

/// Pinball loss, coverage and MSIS on hand-computed cases (closed forms in the comments;
/// tolerance 1e-12 absolute unless stated).
@Suite("Probabilistic metrics")
struct ProbabilisticMetricTests {
  @Test func pinballByHand() {
    // τ = 0.9: under-forecast by 2 costs 0.9·2, over-forecast by 2 costs 0.1·2.
    #expect(abs(Accuracy.pinball(actual: [10], quantile: [8], level: 0.9) - 1.8) < 1e-12)
    #expect(abs(Accuracy.pinball(actual: [10], quantile: [12], level: 0.9) - 0.2) < 1e-12)
    // Mean of both: (1.8 + 0.2) / 2.
    let both = Accuracy.pinball(actual: [10, 10], quantile: [8, 12], level: 0.9)
    #expect(abs(both - 1.0) < 1e-12)
    #expect(Accuracy.pinball(actual: [10], quantile: [10], level: 0.3) == 0)
  }

  /// Closed form: at τ = ½ the loss is ½|y − q|, so the mean is MAE / 2 — seeded sweep.
  @Test func pinballAtTheMedianIsHalfTheMAE() {
    var generator = SplitMix64(seed: 7)
    for trial in 0..<20 {
      let y = (0..<48).map { _ in Double.random(in: -50...50, using: &generator) }
      let q = (0..<48).map { _ in Double.random(in: -50...50, using: &generator) }
      let pinball = Accuracy.pinball(actual: y, quantile: q, level: 0.5)
      let mae = Accuracy.mae(actual: y, forecast: q)
      #expect(abs(pinball - mae / 2) < 1e-12, "trial \(trial)")
    }
  }

  @Test func meanPinballAveragesLevels() {
    let quantiles: [Double: [Double]] = [0.1: [8], 0.9: [8]]
    // τ = 0.1: 0.1·2 = 0.2; τ = 0.9: 1.8 → mean 1.0.
    #expect(abs(Accuracy.meanPinball(actual: [10], quantiles: quantiles) - 1.0) < 1e-12)
    #expect(Accuracy.meanPinball(actual: [10], quantiles: [:]).isNaN)
  }

  @Test func pinballSkipsMissingActuals() {
    #expect(Accuracy.pinball(actual: [.nan, 10], quantile: [0, 8], level: 0.9) == 1.8)
  }

  @Test func coverageByHand() {
    // y = 1, 2, 3 lie in [0, 3] (bounds inclusive); 4 and 5 do not → 3/5.
    let y = [1.0, 2, 3, 4, 5]
    let lower = [Double](repeating: 0, count: 5)
    let upper = [Double](repeating: 3, count: 5)
    #expect(Accuracy.coverage(actual: y, lower: lower, upper: upper) == 0.6)
    // With 4 missing: 3 of the 4 observed.
    let gappy = [1.0, 2, 3, .nan, 5]
    #expect(Accuracy.coverage(actual: gappy, lower: lower, upper: upper) == 0.75)
  }

  @Test func msisByHand() {
    // Interval [8, 12] (width 4), α = 0.05 → penalty 2/α = 40 per unit outside, scale 2.
    // y = 10: 4; y = 20: 4 + 40·8 = 324; y = 5: 4 + 40·3 = 124. Mean 452/3, over 2 → 226/3.
    let y = [10.0, 20, 5]
    let lower = [8.0, 8, 8]
    let upper = [12.0, 12, 12]
    let msis = Accuracy.msis(actual: y, lower: lower, upper: upper, scale: 2)
    #expect(abs(msis - 226.0 / 3) < 1e-12)
  }

  @Test func msisOfACoveringIntervalIsItsScaledWidth() {
    // Every actual inside: only the width counts; history [1, 3, 2, 4, 3, 5] with m = 2 has
    // scale 1, so MSIS = mean width = 3.
    let msis = Accuracy.msis(
      actual: [5, 6], lower: [4, 4], upper: [6, 8], history: [1, 3, 2, 4, 3, 5], period: 2)
    #expect(abs(msis - 3) < 1e-12)
  }
}
