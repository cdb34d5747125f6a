import Foundation
import Testing

@testable import Evaluation

/// The per-window metric set: initialisers, validation, JSON form and averaging.
@Suite("ForecastAccuracy")
struct ForecastAccuracyTests {
  let history = [1.0, 3, 2, 4, 3, 5]  // m = 2 scale: 1
  let actual = [1.0, 2, 3, 4]
  let forecast = [2.0, 2, 2, 2]

  /// 80% and 95% bands around `forecast`: ±1.5 and ±2.5.
  var quantiles: [Double: [Double]] {
    [
      0.025: forecast.map { $0 - 2.5 }, 0.1: forecast.map { $0 - 1.5 },
      0.9: forecast.map { $0 + 1.5 }, 0.975: forecast.map { $0 + 2.5 },
    ]
  }

  @Test func fieldsEqualTheKernels() throws {
    let accuracy = try ForecastAccuracy(
      actual: actual, forecast: forecast, quantiles: quantiles, history: history, period: 2)
    #expect(accuracy.mae == Accuracy.mae(actual: actual, forecast: forecast))
    #expect(accuracy.rmse == Accuracy.rmse(actual: actual, forecast: forecast))
    #expect(accuracy.smape == Accuracy.smape(actual: actual, forecast: forecast))
    #expect(accuracy.wape == Accuracy.wape(actual: actual, forecast: forecast))
    // Scale 1 → MASE = MAE = 1.
    #expect(accuracy.mase == 1)
    #expect(accuracy.pinball == Accuracy.meanPinball(actual: actual, quantiles: quantiles))
    // [0.5, 3.5] holds 1, 2, 3 → 0.75; [−0.5, 4.5] holds all four → 1.
    #expect(accuracy.coverage80 == 0.75)
    #expect(accuracy.coverage95 == 1)
  }

  @Test func intervalsGiveTheSameResultAsTheirQuantiles() throws {
    let intervals = [
      PredictionInterval(
        level: 0.8, lower: forecast.map { $0 - 1.5 }, upper: forecast.map { $0 + 1.5 }),
      PredictionInterval(
        level: 0.95, lower: forecast.map { $0 - 2.5 }, upper: forecast.map { $0 + 2.5 }),
    ]
    // (1 − 0.8)/2 is 0.09999999999999998 in binary; the canonical level is exactly 0.1.
    let eighty = intervals[0].quantileLevels
    let ninetyFive = intervals[1].quantileLevels
    #expect(eighty.lower == 0.1 && eighty.upper == 0.9)
    #expect(ninetyFive.lower == 0.025 && ninetyFive.upper == 0.975)
    let fromIntervals = try ForecastAccuracy(
      actual: actual, forecast: forecast, intervals: intervals, history: history, period: 2)
    let fromQuantiles = try ForecastAccuracy(
      actual: actual, forecast: forecast, quantiles: quantiles, history: history, period: 2)
    #expect(fromIntervals == fromQuantiles)
  }

  @Test func withoutQuantilesTheProbabilisticMetricsAreUndefined() throws {
    let accuracy = try ForecastAccuracy(
      actual: actual, forecast: forecast, history: history, period: 2)
    #expect(accuracy.pinball.isNaN && accuracy.coverage80.isNaN && accuracy.coverage95.isNaN)
    // A history shorter than one season leaves MASE undefined, not an error.
    let short = try ForecastAccuracy(actual: actual, forecast: forecast, history: [1], period: 2)
    #expect(short.mase.isNaN)
  }

  @Test func invalidInputsThrowTypedErrors() {
    #expect(throws: EvaluationError.lengthMismatch(what: "forecast", expected: 4, actual: 3)) {
      try ForecastAccuracy(actual: actual, forecast: [1, 2, 3], history: history, period: 2)
    }
    #expect(throws: EvaluationError.invalidLevel(1.5)) {
      try ForecastAccuracy(
        actual: actual, forecast: forecast, quantiles: [1.5: forecast], history: history,
        period: 2)
    }
    #expect(throws: EvaluationError.lengthMismatch(what: "quantile 0.9", expected: 4, actual: 1)) {
      try ForecastAccuracy(
        actual: actual, forecast: forecast, quantiles: [0.9: [1]], history: history, period: 2)
    }
    #expect(throws: EvaluationError.invalidPeriod(0)) {
      try ForecastAccuracy(actual: actual, forecast: forecast, history: history, period: 0)
    }
    #expect(throws: EvaluationError.noObservedActuals) {
      try ForecastAccuracy(actual: [.nan], forecast: [1], history: history, period: 2)
    }
  }

  @Test func errorDescriptionsAreOneLine() {
    let errors: [EvaluationError] = [
      .lengthMismatch(what: "forecast", expected: 4, actual: 3), .invalidLevel(2),
      .invalidPeriod(0), .invalidHorizon(-1), .historyTooShort(required: 24, actual: 3),
      .noObservedActuals,
    ]
    for error in errors {
      #expect(!error.description.isEmpty && !error.description.contains("\n"))
    }
    #expect("\(EvaluationError.invalidPeriod(0))" == "seasonal period 0 must be at least 1")
  }

  @Test func jsonUsesSnakeCaseKeysAndNullForUndefined() throws {
    let accuracy = ForecastAccuracy(
      mae: 1, rmse: 2, smape: 3, mase: .infinity, wape: 0.5, pinball: .nan, coverage80: 0.75,
      coverage95: 1)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(accuracy), as: UTF8.self)
    #expect(
      json == """
        {"coverage_80":0.75,"coverage_95":1,"mae":1,"mase":null,"pinball":null,"rmse":2,\
        "smape":3,"wape":0.5}
        """)
    let decoded = try JSONDecoder().decode(ForecastAccuracy.self, from: Data(json.utf8))
    #expect(decoded.mae == 1 && decoded.coverage80 == 0.75)
    #expect(decoded.mase.isNaN && decoded.pinball.isNaN)
  }

  @Test func jsonRoundTripIsExact() throws {
    let accuracy = try ForecastAccuracy(
      actual: actual, forecast: forecast, quantiles: quantiles, history: history, period: 2)
    let data = try JSONEncoder().encode(accuracy)
    #expect(try JSONDecoder().decode(ForecastAccuracy.self, from: data) == accuracy)
  }

  @Test func averageIsPerWindowAndSkipsUndefined() {
    let a = ForecastAccuracy(
      mae: 1, rmse: 2, smape: 10, mase: 1, wape: 0.1, pinball: .nan, coverage80: 0.5,
      coverage95: 1)
    let b = ForecastAccuracy(
      mae: 3, rmse: 4, smape: 30, mase: .infinity, wape: 0.3, pinball: 2, coverage80: 1,
      coverage95: .nan)
    let mean = ForecastAccuracy.average([a, b])
    let expected = ForecastAccuracy(
      mae: 2, rmse: 3, smape: 20, mase: 1, wape: 0.2, pinball: 2, coverage80: 0.75,
      coverage95: 1)
    #expect(mean == expected)
    #expect(ForecastAccuracy.average([]).mae.isNaN)
  }

  /// Averaging is not pooling: RMSE of the concatenated windows differs from the mean RMSE.
  @Test func averagedRMSEDiffersFromPooledRMSE() throws {
    let first = try ForecastAccuracy(actual: [0, 0], forecast: [1, 1], history: [0], period: 1)
    let second = try ForecastAccuracy(actual: [0, 0], forecast: [3, 3], history: [0], period: 1)
    let averaged = ForecastAccuracy.average([first, second]).rmse
    let pooled = Accuracy.rmse(actual: [0, 0, 0, 0], forecast: [1, 1, 3, 3])
    #expect(averaged == 2)
    #expect(abs(pooled - 5.0.squareRoot()) < 1e-12)
  }
}
