/// Classical multiplicative seasonal decomposition y_t = T_t · S_t · I_t, as in R's
/// `decompose(type = "multiplicative")`, which the M4 benchmarks use to deseasonalise.
///
/// 1. Trend T: the centred moving average of order m — for even m the 2×m MA with weights
///    (½, 1, …, 1, ½)/m over m + 1 points, for odd m the plain m-point mean — undefined for
///    the first and last ⌊m/2⌋ points.
/// 2. Seasonal ratios y_t / T_t where the trend is defined.
/// 3. Seasonal index of each phase p = t mod m (phase 0 is the first observation): the mean of
///    the ratios at that phase, then all m indices divided by their mean so they average 1.
///
/// Source: Makridakis, Wheelwright & Hyndman, *Forecasting: Methods and Applications* (3rd ed.,
/// 1998), ch. 4 (classical decomposition); R `stats::decompose`.
public enum ClassicalDecomposition {
  /// The centred moving average of order m, with `.nan` where the window leaves the series.
  ///
  /// Each point sums its own window directly rather than updating a running sum, so rounding
  /// does not accumulate along long series and values match R's `filter()` closely.
  ///
  /// - Complexity: O(n · m).
  public static func centredMovingAverage(_ series: [Double], order m: Int) -> [Double] {
    precondition(m >= 1, "order must be at least 1")
    let n = series.count
    let half = m / 2
    var trend = [Double](repeating: .nan, count: n)
    guard n > 2 * half else { return trend }
    for t in half..<(n - half) {
      var sum = 0.0
      if m % 2 == 0 {
        sum = 0.5 * (series[t - half] + series[t + half])
        for s in (t - half + 1)..<(t + half) { sum += series[s] }
      } else {
        for s in (t - half)...(t + half) { sum += series[s] }
      }
      trend[t] = sum / Double(m)
    }
    return trend
  }

  /// The m multiplicative seasonal indices, index p for phase p = t mod m counted from the
  /// first observation, normalised to mean 1.
  ///
  /// Ratios that are undefined (outside the trend, or at a missing value) are skipped in the
  /// per-phase means, as R's `mean(…, na.rm = TRUE)` does. Needs at least two full seasons for
  /// every phase to have a ratio; with fewer, some indices are `.nan`.
  ///
  /// - Complexity: O(n · m); allocates the trend once.
  public static func multiplicativeIndices(_ series: [Double], period m: Int) -> [Double] {
    precondition(m >= 1, "period must be at least 1")
    let trend = centredMovingAverage(series, order: m)
    var sums = [Double](repeating: 0, count: m)
    var counts = [Int](repeating: 0, count: m)
    for t in series.indices {
      let ratio = series[t] / trend[t]
      if ratio.isNaN { continue }
      sums[t % m] += ratio
      counts[t % m] += 1
    }
    var indices = [Double](repeating: .nan, count: m)
    var total = 0.0
    for p in 0..<m {
      if counts[p] > 0 { indices[p] = sums[p] / Double(counts[p]) }
      total += indices[p]
    }
    let mean = total / Double(m)
    for p in 0..<m { indices[p] /= mean }
    return indices
  }
}
