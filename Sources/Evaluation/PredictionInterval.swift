/// A central prediction interval over a forecast horizon: bounds `lower[t] ≤ upper[t]` meant to
/// contain the actual with probability `level`.
///
/// A central interval at level c is the pair of quantiles (1 − c)/2 and (1 + c)/2, so an 80%
/// interval is the 0.1 and 0.9 quantiles; ``quantileLevels`` gives them.
public struct PredictionInterval: Sendable, Hashable, Codable {
  /// Nominal coverage in (0, 1), for example 0.8 or 0.95.
  public var level: Double
  /// Lower bound per horizon step.
  public var lower: [Double]
  /// Upper bound per horizon step.
  public var upper: [Double]

  public init(level: Double, lower: [Double], upper: [Double]) {
    self.level = level
    self.lower = lower
    self.upper = upper
  }

  /// The quantile levels of the bounds, `((1 − level)/2, (1 + level)/2)`, rounded to 12
  /// decimals so that an 80% interval yields exactly 0.1 and 0.9 (binary arithmetic alone gives
  /// 0.09999999999999998).
  public var quantileLevels: (lower: Double, upper: Double) {
    (canonicalLevel((1 - level) / 2), canonicalLevel((1 + level) / 2))
  }
}

/// `level` rounded to 12 decimals: quantile levels are compared as dictionary keys, and levels
/// derived by arithmetic must land on the same key as the literal (0.1, 0.025, …).
func canonicalLevel(_ level: Double) -> Double {
  (level * 1e12).rounded() / 1e12
}
