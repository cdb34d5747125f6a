extension Accuracy {
  /// Overall weighted average, the M4 ranking metric, from metrics already averaged over series:
  ///
  ///     OWA = ½ (sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2)
  ///
  /// Source: Makridakis et al. 2020, section 2.3, and M4-methods `Benchmarks and Evaluation.R`.
  /// M4 first averages sMAPE and MASE over the series of a set (per frequency, or all 100,000),
  /// for the method and for Naive2, and only then forms the ratios; it is not a mean of
  /// per-series OWAs. Naive2 scores exactly 1; below 1 beats it.
  ///
  /// - Parameters:
  ///   - smape, mase: the method's mean sMAPE (percent) and mean MASE over the series.
  ///   - naive2Smape, naive2Mase: the same means for ``Naive2`` on the same series.
  public static func owa(
    smape: Double, mase: Double, naive2Smape: Double, naive2Mase: Double
  ) -> Double {
    0.5 * (smape / naive2Smape + mase / naive2Mase)
  }

  /// OWA from per-series metrics: averages each array over series and then applies
  /// ``owa(smape:mase:naive2Smape:naive2Mase:)``, exactly the M4 order of operations.
  ///
  /// A series where any of the four values is `.nan` (an undefined metric) is left out of all
  /// four means, so the ratios always compare the method and Naive2 on the same series.
  ///
  /// - Parameters: one value per series, the method's and Naive2's, all in the same order.
  /// - Complexity: O(number of series), no allocation.
  public static func owa(
    smapes: [Double], mases: [Double], naive2Smapes: [Double], naive2Mases: [Double]
  ) -> Double {
    let count = smapes.count
    precondition(
      mases.count == count && naive2Smapes.count == count && naive2Mases.count == count,
      "per-series metric arrays differ in length")
    var sums = (smape: 0.0, mase: 0.0, naive2Smape: 0.0, naive2Mase: 0.0)
    var used = 0
    for i in 0..<count {
      let values = (smapes[i], mases[i], naive2Smapes[i], naive2Mases[i])
      if values.0.isNaN || values.1.isNaN || values.2.isNaN || values.3.isNaN { continue }
      sums.smape += values.0
      sums.mase += values.1
      sums.naive2Smape += values.2
      sums.naive2Mase += values.3
      used += 1
    }
    guard used > 0 else { return .nan }
    // The common 1/used factor of the four means cancels in each ratio; divide anyway so the
    // code reads as the definition.
    let n = Double(used)
    return owa(
      smape: sums.smape / n, mase: sums.mase / n,
      naive2Smape: sums.naive2Smape / n, naive2Mase: sums.naive2Mase / n)
  }
}
