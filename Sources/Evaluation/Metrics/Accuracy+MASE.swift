extension Accuracy {
  /// The M4 MASE scale: the in-sample mean absolute seasonal-naive error with period m,
  ///
  ///     scale = (1 / (n − m)) Σ_{t = m+1…n} |y_t − y_{t−m}|
  ///
  /// Source: Hyndman & Koehler, "Another look at measures of forecast accuracy", IJF 22 (2006)
  /// for MASE; the seasonal-naive scale and m (24 for hourly data) as in the M4 paper
  /// (Makridakis et al. 2020, eq. (2)) and M4-methods' `MASE` function. Differences with a
  /// missing term are skipped (the sum and the count both), as `mean(…, na.rm = TRUE)` does.
  ///
  /// - Returns: the scale; `.nan` when the history has no complete pair (n ≤ m), and 0 for a
  ///   history that repeats exactly every m steps (MASE is then infinite or undefined).
  /// - Complexity: O(n), no allocation.
  public static func seasonalNaiveScale(history: [Double], period m: Int) -> Double {
    precondition(m >= 1, "period must be at least 1")
    guard history.count > m else { return .nan }
    var sum = 0.0
    var count = 0
    for t in m..<history.count {
      let difference = history[t] - history[t - m]
      if difference.isNaN { continue }
      sum += abs(difference)
      count += 1
    }
    return count == 0 ? .nan : sum / Double(count)
  }

  /// Mean absolute scaled error with a precomputed scale: MAE / scale.
  ///
  /// Compute the scale once per series with ``seasonalNaiveScale(history:period:)`` when a
  /// backtest scores many forecasts against the same history.
  public static func mase(actual: [Double], forecast: [Double], scale: Double) -> Double {
    mae(actual: actual, forecast: forecast) / scale
  }

  /// Mean absolute scaled error, the M4 definition:
  ///
  ///     MASE = ((1/h) Σ_t |y_t − ŷ_t|) / scale,  scale = seasonalNaiveScale(history, m)
  ///
  /// MASE < 1 beats the in-sample one-season-ahead seasonal naive forecast. Missing actuals are
  /// skipped in the numerator (see ``Accuracy``).
  ///
  /// - Parameters:
  ///   - history: the in-sample series y_1…y_n the forecast was made from.
  ///   - m: the seasonal period of the scale (M4: 24 for hourly, 12 monthly, 4 quarterly,
  ///     1 otherwise).
  /// - Complexity: O(h + n), no allocation.
  public static func mase(
    actual: [Double], forecast: [Double], history: [Double], period m: Int
  ) -> Double {
    mase(actual: actual, forecast: forecast, scale: seasonalNaiveScale(history: history, period: m))
  }
}
