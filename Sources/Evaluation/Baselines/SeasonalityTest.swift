/// The M4 90% autocorrelation test for seasonality, used by ``Naive2`` to decide whether to
/// deseasonalise.
///
/// A series of length n is seasonal with period m when
///
///     |r_m| > 1.645 · √((1 + 2 Σ_{k=1}^{m−1} r_k²) / n)   and   n ≥ 3m,
///
/// where r_k is the lag-k sample autocorrelation. The bound is the one-sided 90% limit of r_m
/// under Bartlett's formula for the variance of r_m when autocorrelations beyond lag m − 1 are
/// zero. Source: Assimakopoulos & Nikolopoulos, "The theta model", IJF 16 (2000), and the M4
/// benchmark code (M4-methods `Benchmarks and Evaluation.R`, `SeasonalityTest`), whose
/// behaviour this reproduces: series with n < 3m or m ≤ 1 are non-seasonal, and an undefined
/// statistic (a constant series) counts as non-seasonal.
///
/// One deliberate difference: the R code takes r_m from `acf()`, whose default `lag.max` is
/// ⌊10 log₁₀ n⌋, so it silently reports "not seasonal" whenever m exceeds that (for m = 24
/// whenever n < 252; for m = 168 always). That never happens for the M4
/// frequency/length combinations, so M4's results are unaffected, but it would make weekly
/// seasonality of hourly traffic untestable; this test always computes r_m.
public enum SeasonalityTest {
  /// The 90% one-sided normal quantile used by M4.
  public static let criticalValue = 1.645

  /// The sample autocorrelations r_1…r_maxLag (index k − 1 holds r_k):
  ///
  ///     r_k = Σ_{t=1}^{n−k} (y_t − ȳ)(y_{t+k} − ȳ) / Σ_{t=1}^{n} (y_t − ȳ)²
  ///
  /// the standard estimator (R `acf`, Box & Jenkins). Lags at or beyond n give 0. A constant
  /// series gives `.nan` at every lag.
  ///
  /// - Complexity: O(n · maxLag); allocates the centred series once.
  public static func autocorrelations(_ series: [Double], maxLag: Int) -> [Double] {
    let n = series.count
    guard n > 0, maxLag > 0 else { return [] }
    var mean = 0.0
    for value in series { mean += value }
    mean /= Double(n)
    let centred = series.map { $0 - mean }
    var variance = 0.0
    for value in centred { variance += value * value }
    var result = [Double](repeating: 0, count: maxLag)
    for k in 1...maxLag where k < n {
      var sum = 0.0
      for t in 0..<(n - k) { sum += centred[t] * centred[t + k] }
      result[k - 1] = sum / variance
    }
    if !(variance > 0) {
      for k in result.indices { result[k] = .nan }
    }
    return result
  }

  /// Whether `series` passes the M4 seasonality test at period `m` (see the type's
  /// documentation for the statistic).
  ///
  /// - Complexity: O(n · m).
  public static func isSeasonal(_ series: [Double], period m: Int) -> Bool {
    let n = series.count
    guard m > 1, n >= 3 * m else { return false }
    let r = autocorrelations(series, maxLag: m)
    var sumOfSquares = 0.0
    for k in 0..<(m - 1) { sumOfSquares += r[k] * r[k] }
    let limit = criticalValue * ((1 + 2 * sumOfSquares) / Double(n)).squareRoot()
    // A NaN statistic compares false, so a constant series is non-seasonal, as in M4.
    return abs(r[m - 1]) > limit
  }
}
