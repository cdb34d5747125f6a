/// Forecast accuracy metrics: pure kernels over `[Double]`, independent of any model.
///
/// Every kernel compares an array of actual values `y` with an equally long array of forecasts
/// `ŷ` (a point forecast, a quantile, or interval bounds) over the forecast horizon h.
///
/// ## Missing actuals
/// An actual equal to `.nan` marks a missing observation. Every metric skips the positions whose
/// actual is missing, in both numerator and denominator, so a metric over a window with gaps is
/// the metric over its observed positions; h then counts observed positions only. When no actual
/// is observed the result is `.nan`. Forecasts are never skipped: a `.nan` forecast at an
/// observed position is a model fault and propagates into the result.
///
/// In-sample histories (the MASE and MSIS scale) skip the same way: a seasonal difference
/// `y_t − y_{t−m}` with either term missing is left out, as M4's `mean(…, na.rm = TRUE)` does.
///
/// ## Preconditions
/// Arrays compared position by position must have equal lengths, and levels must lie in (0, 1);
/// a violation traps. These are programming errors in a backtest loop, not user input; callers
/// holding user data validate first (see ``ForecastAccuracy``).
///
/// ## Cost
/// Each kernel is one pass, O(h) time (O(n) for a scale over an n-point history) and allocates
/// nothing.
public enum Accuracy {}

extension Accuracy {
  /// Traps unless the two arrays compared position by position have equal lengths.
  @inline(__always)
  static func requireSameLength(
    _ actual: [Double], _ other: [Double], _ name: StaticString
  ) {
    precondition(actual.count == other.count, "actual and \(name) differ in length")
  }

  /// Traps unless `level` lies in the open interval (0, 1).
  @inline(__always)
  static func requireLevel(_ level: Double) {
    precondition(level > 0 && level < 1, "level must lie in (0, 1)")
  }

  /// The mean of the non-`.nan` values, or `.nan` when there are none.
  ///
  /// Used to average per-series or per-window metrics, where `.nan` marks "undefined for this
  /// window" (for example MASE on a flat history).
  public static func meanSkippingNaN(_ values: [Double]) -> Double {
    var sum = 0.0
    var count = 0
    for value in values where !value.isNaN {
      sum += value
      count += 1
    }
    return count == 0 ? .nan : sum / Double(count)
  }
}
