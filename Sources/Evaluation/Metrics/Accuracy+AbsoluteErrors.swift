extension Accuracy {
  /// Mean absolute error: (1/h) Σ |y_t − ŷ_t|.
  ///
  /// Scale-dependent; in the units of the series. Missing actuals are skipped (see
  /// ``Accuracy``), so h counts observed positions.
  ///
  /// - Complexity: O(h), no allocation.
  public static func mae(actual: [Double], forecast: [Double]) -> Double {
    requireSameLength(actual, forecast, "forecast")
    var sum = 0.0
    var count = 0
    for i in actual.indices where !actual[i].isNaN {
      sum += abs(actual[i] - forecast[i])
      count += 1
    }
    return count == 0 ? .nan : sum / Double(count)
  }

  /// Root mean squared error: √((1/h) Σ (y_t − ŷ_t)²).
  ///
  /// Weighs large misses more than ``mae(actual:forecast:)``; RMSE ≥ MAE always. Missing
  /// actuals are skipped.
  ///
  /// - Complexity: O(h), no allocation.
  public static func rmse(actual: [Double], forecast: [Double]) -> Double {
    requireSameLength(actual, forecast, "forecast")
    var sum = 0.0
    var count = 0
    for i in actual.indices where !actual[i].isNaN {
      let error = actual[i] - forecast[i]
      sum += error * error
      count += 1
    }
    return count == 0 ? .nan : (sum / Double(count)).squareRoot()
  }

  /// Weighted absolute percentage error: Σ |y_t − ŷ_t| / Σ |y_t|, as a fraction (not percent).
  ///
  /// Also called MAD/mean ratio. Unlike MAPE it stays finite when single actuals are zero, which
  /// is why it suits traffic with quiet night hours; it is `.infinity` (or `.nan` for a perfect
  /// forecast) only when every observed actual is zero. Missing actuals are skipped in both sums.
  ///
  /// - Complexity: O(h), no allocation.
  public static func wape(actual: [Double], forecast: [Double]) -> Double {
    requireSameLength(actual, forecast, "forecast")
    var errors = 0.0
    var volume = 0.0
    var count = 0
    for i in actual.indices where !actual[i].isNaN {
      errors += abs(actual[i] - forecast[i])
      volume += abs(actual[i])
      count += 1
    }
    return count == 0 ? .nan : errors / volume
  }
}
