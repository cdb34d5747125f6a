import Foundation
import Synchronization

/// The Student-t widening of calibrated intervals for the uncertainty of their spread, and the
/// quantile functions it needs (normal and Student-t with an integer number of degrees of
/// freedom).
///
/// Why: the calibration scores of one series come from k rolling-origin paths, and the errors
/// along one path are strongly correlated (a missed level shifts every lead alike; on M4
/// Hourly a third of the scores' variance is between paths), and the spread of a series'
/// errors changes from window to window. The spread is therefore known only to about the
/// precision of k draws, not of the hundreds of scores. For a normal variable whose scale is
/// estimated from k draws, the standardised future draw is Student-t with k − 1 degrees of
/// freedom (the classical prediction interval; Hahn & Meeker, *Statistical Intervals*); the
/// calibrated quantiles are widened about their median by t_{k−1}(p) / z(p), which keeps
/// their empirical shape (skew, heavy tails). The classical interval's other factor,
/// √(1 + 1/k), is left out: the conformal rank ⌈(m+1)p⌉ already counts the new draw.
enum CalibrationStudentT {
  /// ``wideningFactor(level:paths:)`` at each of `IntervalCalibration.standardLevels`,
  /// computed once per number of paths in a process and then reused: the bisections cost more
  /// than a fit's whole calibration, and a process fits one series or a thousand with the same
  /// few path counts. (A table for every count up to 64, built at first use, cost a single
  /// `surgecast fit` process about a fifth of its time.)
  static func wideningFactors(paths: Int) -> [Double] {
    if let known = cache.withLock({ $0[paths] }) { return known }
    let computed = IntervalCalibration.standardLevels.indices.map { index in
      wideningFactor(
        level: IntervalCalibration.standardLevels[index], paths: paths,
        normal: standardNormalQuantiles[index])
    }
    cache.withLock { $0[paths] = computed }
    return computed
  }

  private static let cache = Mutex<[Int: [Double]]>([:])

  /// Φ⁻¹ at each of `IntervalCalibration.standardLevels`.
  private static let standardNormalQuantiles = IntervalCalibration.standardLevels.map {
    normalQuantile($0)
  }

  /// Fewer paths than this are widened as this many. A guard, not statistics: with one or two
  /// degrees of freedom the t quantiles explode (Cauchy at one: ×30 at the 99.5% level), and
  /// the band — and the mean of a log model, averaged over it — would become useless.
  static let minimumPaths = 4

  /// t_{k−1}(p) / z(p) for k paths (k raised to ``minimumPaths``), or 1 when
  /// k < 2 (a single path: the in-sample fallback, with no between-path spread to be unsure
  /// of) or at the median.
  static func wideningFactor(level p: Double, paths: Int) -> Double {
    wideningFactor(level: p, paths: paths, normal: nil)
  }

  /// As above, with Φ⁻¹(p) when the caller has it.
  private static func wideningFactor(level p: Double, paths: Int, normal: Double?) -> Double {
    guard paths >= 2, p > 0, p < 1, abs(p - 0.5) > 1e-12 else { return 1 }
    let k = max(paths, minimumPaths)
    let z = normal ?? normalQuantile(p)
    let t = quantile(p, degreesOfFreedom: k - 1)
    return t / z
  }

  /// Standard normal quantile Φ⁻¹(p), by bisection on Φ(x) = erfc(−x/√2)/2 (to 1e-13).
  static func normalQuantile(_ p: Double) -> Double {
    solve(p) { 0.5 * erfc(-$0 / 2.0.squareRoot()) }
  }

  /// Student-t quantile with `nu` ≥ 1 degrees of freedom, by bisection on ``cdf(_:degreesOfFreedom:)``.
  static func quantile(_ p: Double, degreesOfFreedom nu: Int) -> Double {
    solve(p) { cdf($0, degreesOfFreedom: nu) }
  }

  /// Student-t distribution function for integer `nu` ≥ 1, in closed form (Abramowitz &
  /// Stegun 26.7.3–26.7.4): with θ = atan(t/√ν), P(|T| < t) is a finite series in cos²θ.
  static func cdf(_ t: Double, degreesOfFreedom nu: Int) -> Double {
    let nu = max(1, nu)
    let theta = atan(abs(t) / Double(nu).squareRoot())
    let (s, c) = (sin(theta), cos(theta))
    let c2 = c * c
    var central: Double
    if nu % 2 == 1 {
      // Odd ν: (2/π)(θ + sinθ cosθ [1 + 2/3 cos²θ + … + (2·4⋯(ν−3))/(1·3⋯(ν−2)) cos^{ν−3}θ]).
      var sum = 0.0
      if nu > 1 {
        var term = 1.0
        sum = 1
        var j = 2
        while j <= nu - 3 {
          term *= Double(j) / Double(j + 1) * c2
          sum += term
          j += 2
        }
      }
      central = 2 / Double.pi * (theta + (nu > 1 ? s * c * sum : 0))
    } else {
      // Even ν: sinθ [1 + 1/2 cos²θ + … + (1·3⋯(ν−3))/(2·4⋯(ν−2)) cos^{ν−2}θ].
      var term = 1.0
      var sum = 1.0
      var j = 1
      while j <= nu - 3 {
        term *= Double(j) / Double(j + 1) * c2
        sum += term
        j += 2
      }
      central = s * sum
    }
    central = min(1, max(0, central))
    return t >= 0 ? 0.5 + 0.5 * central : 0.5 - 0.5 * central
  }

  /// x with `distribution(x) = p`, for an increasing distribution function symmetric about 0.
  private static func solve(_ p: Double, _ distribution: (Double) -> Double) -> Double {
    guard p > 0, p < 1 else { return p <= 0 ? -.infinity : .infinity }
    var (low, high) = (-1.0, 1.0)
    while distribution(low) > p { low *= 2 }
    while distribution(high) < p { high *= 2 }
    var iterations = 0
    while high - low > 1e-13 * max(1, abs(low)) && iterations < 200 {
      let mid = 0.5 * (low + high)
      if distribution(mid) < p { low = mid } else { high = mid }
      iterations += 1
    }
    return 0.5 * (low + high)
  }
}
