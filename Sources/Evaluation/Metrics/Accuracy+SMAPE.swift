extension Accuracy {
  /// Symmetric mean absolute percentage error in percent, the M4 definition:
  ///
  ///     sMAPE = (200 / h) Σ_t |y_t − ŷ_t| / (|y_t| + |ŷ_t|)
  ///
  /// Source: Makridakis, Spiliotis & Assimakopoulos, "The M4 Competition: 100,000 time series
  /// and 61 forecasting methods", IJF 36 (2020), eq. (1); M4-methods `Benchmarks and
  /// Evaluation.R`, `smape_cal`. Ranges over [0, 200].
  ///
  /// A term with y_t = ŷ_t = 0 is a perfect forecast and counts as 0 (M4's formula is 0/0 there;
  /// no M4 figure depends on it because no M4 Hourly value is zero). Missing actuals are
  /// skipped, so h counts observed positions.
  ///
  /// - Complexity: O(h), no allocation.
  public static func smape(actual: [Double], forecast: [Double]) -> Double {
    requireSameLength(actual, forecast, "forecast")
    var sum = 0.0
    var count = 0
    for i in actual.indices where !actual[i].isNaN {
      let denominator = abs(actual[i]) + abs(forecast[i])
      if denominator > 0 { sum += abs(actual[i] - forecast[i]) / denominator }
      count += 1
    }
    return count == 0 ? .nan : 200 * sum / Double(count)
  }
}
