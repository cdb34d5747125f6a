import Evaluation

/// Scores forecasts of one test window against its actuals, with the MASE scale of the
/// training history the forecasts were made from.
struct WindowScoring {
  let actual: [Double]
  let history: [Double]
  let season: Int
  /// Levels whose mean pinball loss is reported (a subset of the forecast levels).
  let pinballLevels: [Double]

  /// All metrics of `forecast` (and its quantiles, level → values) over the leads in `range`;
  /// every metric is `.nan` when no actual in the range is observed.
  func score(
    _ forecast: [Double], quantiles: [Double: [Double]] = [:], range: Range<Int>? = nil
  ) -> ForecastAccuracy {
    let range = range ?? actual.indices
    let actual = Array(self.actual[range])
    let slicedQuantiles = quantiles.mapValues { Array($0[range]) }
    do {
      var accuracy = try ForecastAccuracy(
        actual: actual, forecast: Array(forecast[range]), quantiles: slicedQuantiles,
        history: history, period: season)
      if !quantiles.isEmpty {
        let requested = slicedQuantiles.filter { level, _ in
          pinballLevels.contains { abs($0 - level) < 1e-9 }
        }
        accuracy.pinball = Accuracy.meanPinball(actual: actual, quantiles: requested)
      }
      return accuracy
    } catch {
      // Only `.noObservedActuals` can occur: lengths, levels and the period are ours.
      return ForecastAccuracy(
        mae: .nan, rmse: .nan, smape: .nan, mase: .nan, wape: .nan, pinball: .nan,
        coverage80: .nan, coverage95: .nan)
    }
  }

  /// M4's mean scaled interval score of the 95% interval (quantiles 0.025 and 0.975).
  func msis95(lower: [Double], upper: [Double]) -> Double {
    guard actual.contains(where: { !$0.isNaN }) else { return .nan }
    return Accuracy.msis(
      actual: actual, lower: lower, upper: upper, history: history, period: season, alpha: 0.05)
  }
}
