extension Accuracy {
  /// Pinball (quantile) loss of a quantile forecast q at level τ, averaged over the horizon:
  ///
  ///     L_τ = (1/h) Σ_t max(τ (y_t − q_t), (τ − 1)(y_t − q_t))
  ///
  /// The loss is minimised in expectation by the true τ-quantile (Koenker & Bassett,
  /// "Regression quantiles", Econometrica 46 (1978)); it is the GEFCom2014 probabilistic score
  /// (Hong et al., IJF 32 (2016)). At τ = 0.5 it equals MAE / 2. In the units of the series.
  /// Missing actuals are skipped.
  ///
  /// - Parameter level: τ in (0, 1).
  /// - Complexity: O(h), no allocation.
  public static func pinball(actual: [Double], quantile: [Double], level: Double) -> Double {
    requireSameLength(actual, quantile, "quantile")
    requireLevel(level)
    var sum = 0.0
    var count = 0
    for i in actual.indices where !actual[i].isNaN {
      let error = actual[i] - quantile[i]
      sum += error >= 0 ? level * error : (level - 1) * error
      count += 1
    }
    return count == 0 ? .nan : sum / Double(count)
  }

  /// The mean of ``pinball(actual:quantile:level:)`` over several quantile levels, each level
  /// weighted equally (a discrete approximation of the CRPS / 2 when the levels are evenly
  /// spread).
  ///
  /// Levels are summed in ascending order so the result does not depend on dictionary order.
  ///
  /// - Parameter quantiles: level τ → quantile forecast for each horizon step.
  /// - Returns: the mean loss, or `.nan` when `quantiles` is empty.
  /// - Complexity: O(k h) for k levels; allocates only the sorted level list.
  public static func meanPinball(actual: [Double], quantiles: [Double: [Double]]) -> Double {
    guard !quantiles.isEmpty else { return .nan }
    var sum = 0.0
    for level in quantiles.keys.sorted() {
      sum += pinball(actual: actual, quantile: quantiles[level] ?? [], level: level)
    }
    return sum / Double(quantiles.count)
  }
}
