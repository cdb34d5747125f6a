extension ForecastAccuracy {
  /// The mean of per-window metrics over many series or backtest origins, metric by metric.
  ///
  /// This averages (it does not pool): each window counts once, whatever its length, which is
  /// how M4 reports its tables (sMAPE and MASE are averaged per series). With equal horizons
  /// and no missing actuals the mean of MAE, sMAPE and coverage equals the pooled value; the
  /// mean of RMSE and WAPE does not (a pooled RMSE or WAPE weights series by their scale).
  ///
  /// A window whose metric is undefined (`.nan`, or infinite, e.g. MASE on a flat history) is
  /// left out of that metric's mean only; the other metrics still use it. A metric undefined
  /// in every window, or an empty input, averages to `.nan`.
  ///
  /// - Complexity: O(windows).
  public static func average(_ windows: [ForecastAccuracy]) -> ForecastAccuracy {
    var sums = [Double](repeating: 0, count: 8)
    var counts = [Int](repeating: 0, count: 8)
    for window in windows {
      for (k, value) in window.fields.enumerated() where value.isFinite {
        sums[k] += value
        counts[k] += 1
      }
    }
    let means = (0..<8).map { counts[$0] == 0 ? Double.nan : sums[$0] / Double(counts[$0]) }
    return ForecastAccuracy(
      mae: means[0], rmse: means[1], smape: means[2], mase: means[3], wape: means[4],
      pinball: means[5], coverage80: means[6], coverage95: means[7])
  }

  /// The eight metrics in declaration (and JSON key) order.
  var fields: [Double] {
    [mae, rmse, smape, mase, wape, pinball, coverage80, coverage95]
  }
}
