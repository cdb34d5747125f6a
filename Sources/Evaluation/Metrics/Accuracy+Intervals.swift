extension Accuracy {
  /// Empirical coverage: the share of observed actuals inside the closed interval
  /// [lower_t, upper_t], a fraction in [0, 1].
  ///
  /// A calibrated 80% interval covers about 0.8. Missing actuals are skipped.
  ///
  /// - Complexity: O(h), no allocation.
  public static func coverage(actual: [Double], lower: [Double], upper: [Double]) -> Double {
    requireSameLength(actual, lower, "lower")
    requireSameLength(actual, upper, "upper")
    var inside = 0
    var count = 0
    for i in actual.indices where !actual[i].isNaN {
      if actual[i] >= lower[i] && actual[i] <= upper[i] { inside += 1 }
      count += 1
    }
    return count == 0 ? .nan : Double(inside) / Double(count)
  }

  /// Mean scaled interval score with a precomputed scale, the M4 interval metric:
  ///
  ///     MSIS = (1/h) Σ_t [ (u_t − l_t) + (2/α)(l_t − y_t) 1{y_t < l_t}
  ///                                     + (2/α)(y_t − u_t) 1{y_t > u_t} ] / scale
  ///
  /// Source: the interval score of Gneiting & Raftery, "Strictly proper scoring rules,
  /// prediction, and estimation", JASA 102 (2007), scaled as in the M4 paper (Makridakis et al.
  /// 2020, eq. (3)) with the MASE scale. It rewards narrow intervals and charges 2/α per unit
  /// an actual falls outside. Missing actuals are skipped.
  ///
  /// - Parameter alpha: 1 − nominal coverage; M4 scores the 95% interval, α = 0.05.
  /// - Complexity: O(h), no allocation.
  public static func msis(
    actual: [Double], lower: [Double], upper: [Double], scale: Double, alpha: Double = 0.05
  ) -> Double {
    requireSameLength(actual, lower, "lower")
    requireSameLength(actual, upper, "upper")
    requireLevel(alpha)
    let penalty = 2 / alpha
    var sum = 0.0
    var count = 0
    for i in actual.indices where !actual[i].isNaN {
      let y = actual[i]
      var score = upper[i] - lower[i]
      if y < lower[i] { score += penalty * (lower[i] - y) }
      if y > upper[i] { score += penalty * (y - upper[i]) }
      sum += score
      count += 1
    }
    return count == 0 ? .nan : sum / Double(count) / scale
  }

  /// Mean scaled interval score with the M4 scale computed from the history,
  /// ``seasonalNaiveScale(history:period:)``; see ``msis(actual:lower:upper:scale:alpha:)``.
  ///
  /// - Complexity: O(h + n), no allocation.
  public static func msis(
    actual: [Double], lower: [Double], upper: [Double], history: [Double], period m: Int,
    alpha: Double = 0.05
  ) -> Double {
    let scale = seasonalNaiveScale(history: history, period: m)
    return msis(actual: actual, lower: lower, upper: upper, scale: scale, alpha: alpha)
  }
}
