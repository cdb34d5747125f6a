import Testing

@testable import Evaluation

/// The M4 MASE scale, MASE and OWA on hand-computed cases (closed forms in the comments;
/// tolerance 1e-12 absolute unless stated).
@Suite("Scaled metrics")
struct ScaledMetricTests {
  let history = [1.0, 3, 2, 4, 3, 5]

  @Test func seasonalNaiveScaleByHand() {
    // m = 2: |2−1|, |4−3|, |3−2|, |5−4| → 4/4 = 1.
    #expect(Accuracy.seasonalNaiveScale(history: history, period: 2) == 1)
    // m = 1: |2|, |1|, |2|, |1|, |2| → 8/5.
    #expect(abs(Accuracy.seasonalNaiveScale(history: history, period: 1) - 1.6) < 1e-12)
    // m = 5: only |5−1| = 4.
    #expect(Accuracy.seasonalNaiveScale(history: history, period: 5) == 4)
  }

  @Test func scaleIsUndefinedWithoutAFullSeason() {
    #expect(Accuracy.seasonalNaiveScale(history: history, period: 6).isNaN)
    #expect(Accuracy.seasonalNaiveScale(history: [], period: 1).isNaN)
  }

  @Test func scaleSkipsDifferencesWithAMissingTerm() {
    // m = 1 over [1, nan, 4, 6]: |nan−1|, |4−nan| skipped; |6−4| = 2 → 2/1.
    #expect(Accuracy.seasonalNaiveScale(history: [1, .nan, 4, 6], period: 1) == 2)
  }

  @Test func maseByHand() {
    // MAE = 1 (errors 1, 1) over scale 1.6 (m = 1 above) → 0.625.
    let mase = Accuracy.mase(actual: [6, 7], forecast: [5, 8], history: history, period: 1)
    #expect(abs(mase - 0.625) < 1e-12)
    // A perfect forecast scores 0; with scale 1 (m = 2), missing by 1 everywhere scores 1.
    #expect(Accuracy.mase(actual: [6, 7], forecast: [6, 7], history: history, period: 2) == 0)
    #expect(Accuracy.mase(actual: [4, 6], forecast: [3, 5], history: history, period: 2) == 1)
  }

  @Test func maseOfAPeriodicHistoryIsInfinite() {
    // scale 0: any error gives +∞ (M4 would too); ForecastAccuracy encodes it as null.
    let mase = Accuracy.mase(actual: [2], forecast: [1], history: [1, 2, 1, 2], period: 2)
    #expect(mase == .infinity)
  }

  @Test func owaClosedForm() {
    // Naive2 against itself is 1 by definition.
    #expect(Accuracy.owa(smape: 18.383, mase: 2.395, naive2Smape: 18.383, naive2Mase: 2.395) == 1)
    // ½ (10/20 + 1/4) = 0.375.
    #expect(Accuracy.owa(smape: 10, mase: 1, naive2Smape: 20, naive2Mase: 4) == 0.375)
  }

  @Test func owaAveragesOverSeriesBeforeTheRatio() {
    // Means: sMAPE 10 vs 20, MASE 1 vs 4 → 0.375, even though per-series ratios differ
    // (a mean of per-series OWAs would be ½(½(2/10 + 0.5/1) + ½(18/30 + 1.5/7)) ≈ 0.379).
    let owa = Accuracy.owa(
      smapes: [2, 18], mases: [0.5, 1.5], naive2Smapes: [10, 30], naive2Mases: [1, 7])
    #expect(abs(owa - 0.375) < 1e-12)
    // A series with an undefined value is left out of all four means.
    let skipping = Accuracy.owa(
      smapes: [2, 18, .nan], mases: [0.5, 1.5, 3], naive2Smapes: [10, 30, 5],
      naive2Mases: [1, 7, 1])
    #expect(abs(skipping - 0.375) < 1e-12)
  }

  @Test func meanSkippingNaN() {
    #expect(Accuracy.meanSkippingNaN([1, .nan, 3]) == 2)
    #expect(Accuracy.meanSkippingNaN([.nan]).isNaN)
    #expect(Accuracy.meanSkippingNaN([]).isNaN)
  }
}
