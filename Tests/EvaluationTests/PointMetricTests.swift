import TestSupport
import Testing

@testable import Evaluation

/// MAE, RMSE, WAPE and sMAPE on hand-computed cases. Expected values are closed forms worked
/// out in the comments; tolerance 1e-12 absolute unless stated.
@Suite("Point metrics")
struct PointMetricTests {
  let actual = [1.0, 2, 3, 4]
  let flat = [2.0, 2, 2, 2]  // errors y − ŷ = −1, 0, 1, 2

  @Test func perfectForecastScoresZero() {
    let y = [3.0, 0, 7.5, 12]
    #expect(Accuracy.mae(actual: y, forecast: y) == 0)
    #expect(Accuracy.rmse(actual: y, forecast: y) == 0)
    #expect(Accuracy.wape(actual: y, forecast: y) == 0)
    // The zero actual with a zero forecast counts as a perfect term, not 0/0.
    #expect(Accuracy.smape(actual: y, forecast: y) == 0)
  }

  @Test(arguments: [0.5, 3, -7.25])
  func constantOffsetGivesTheOffset(offset: Double) {
    let shifted = actual.map { $0 + offset }
    #expect(abs(Accuracy.mae(actual: actual, forecast: shifted) - abs(offset)) < 1e-12)
    #expect(abs(Accuracy.rmse(actual: actual, forecast: shifted) - abs(offset)) < 1e-12)
    // Σ|e| / Σ|y| = 4|c| / 10.
    #expect(abs(Accuracy.wape(actual: actual, forecast: shifted) - 0.4 * abs(offset)) < 1e-12)
  }

  @Test func handComputedFlatForecast() {
    // |e| = 1, 0, 1, 2: MAE = 4/4; RMSE = √(6/4); WAPE = 4/10;
    // sMAPE = 200/4 · (1/3 + 0/4 + 1/5 + 2/6) = 50 · 13/15 = 130/3.
    #expect(abs(Accuracy.mae(actual: actual, forecast: flat) - 1) < 1e-12)
    #expect(abs(Accuracy.rmse(actual: actual, forecast: flat) - 1.5.squareRoot()) < 1e-12)
    #expect(abs(Accuracy.wape(actual: actual, forecast: flat) - 0.4) < 1e-12)
    #expect(abs(Accuracy.smape(actual: actual, forecast: flat) - 130.0 / 3) < 1e-12)
  }

  @Test func smapeIsBoundedBy200AndSymmetric() {
    // A zero forecast of positive actuals: every term is y/y = 1, so sMAPE = 200.
    #expect(Accuracy.smape(actual: actual, forecast: [0, 0, 0, 0]) == 200)
    // Swapping actual and forecast leaves sMAPE unchanged (both terms use |y| + |ŷ|).
    let a = Accuracy.smape(actual: actual, forecast: flat)
    let b = Accuracy.smape(actual: flat, forecast: actual)
    #expect(abs(a - b) < 1e-12)
  }

  @Test func missingActualsAreSkipped() {
    let y = [1.0, .nan, 3, .nan]
    let f = [2.0, 100, 3, -50]
    // Observed pairs only: |e| = 1, 0 over h = 2.
    #expect(Accuracy.mae(actual: y, forecast: f) == 0.5)
    #expect(abs(Accuracy.rmse(actual: y, forecast: f) - 0.5.squareRoot()) < 1e-12)
    #expect(Accuracy.wape(actual: y, forecast: f) == 0.25)
    // 200/2 · (1/3 + 0).
    #expect(abs(Accuracy.smape(actual: y, forecast: f) - 100.0 / 3) < 1e-12)
  }

  @Test func allMissingIsUndefined() {
    let y = [Double.nan, .nan]
    #expect(Accuracy.mae(actual: y, forecast: [1, 2]).isNaN)
    #expect(Accuracy.rmse(actual: y, forecast: [1, 2]).isNaN)
    #expect(Accuracy.wape(actual: y, forecast: [1, 2]).isNaN)
    #expect(Accuracy.smape(actual: y, forecast: [1, 2]).isNaN)
    #expect(Accuracy.mae(actual: [], forecast: []).isNaN)
  }

  @Test func missingForecastPropagates() {
    #expect(Accuracy.mae(actual: [1, 2], forecast: [1, .nan]).isNaN)
  }

  /// RMSE ≥ MAE on any data (power-mean inequality); seeded sweep over 50 random windows.
  @Test func rmseIsAtLeastMAE() {
    var generator = SplitMix64(seed: 20_240_601)
    for trial in 0..<50 {
      let y = (0..<24).map { _ in Double.random(in: 0...100, using: &generator) }
      let f = (0..<24).map { _ in Double.random(in: 0...100, using: &generator) }
      let mae = Accuracy.mae(actual: y, forecast: f)
      let rmse = Accuracy.rmse(actual: y, forecast: f)
      #expect(rmse >= mae - 1e-12, "trial \(trial)")
    }
  }
}
