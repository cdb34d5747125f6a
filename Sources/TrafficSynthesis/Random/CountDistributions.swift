import Foundation

/// Samplers for the count noise, all driven by ``Xoshiro256StarStar``.
///
/// Each is a published exact algorithm rather than an approximation (no normal approximation to
/// the Poisson, no rounding of a Gaussian), because the point of the data set is that its noise
/// law is known: a model's prediction intervals are checked against it.
extension Xoshiro256StarStar {
  /// A standard normal draw by the Box–Muller transform (the second value is discarded, so the
  /// number of bits consumed per draw is fixed).
  public mutating func nextStandardNormal() -> Double {
    let u1 = nextUnitOpenAtZero()
    let u2 = nextUnit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// A Gamma(`shape`, `scale`) draw (mean shape·scale) by Marsaglia & Tsang (2000); for
  /// `shape < 1` the usual boost Gamma(shape + 1) · U^(1/shape).
  public mutating func nextGamma(shape: Double, scale: Double) -> Double {
    precondition(shape > 0 && scale > 0, "gamma parameters must be positive")
    if shape < 1 {
      let boosted = nextGamma(shape: shape + 1, scale: scale)
      return boosted * pow(nextUnitOpenAtZero(), 1 / shape)
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      let x = nextStandardNormal()
      let root = 1 + c * x
      if root <= 0 { continue }
      let v = root * root * root
      let u = nextUnitOpenAtZero()
      let x2 = x * x
      if u < 1 - 0.0331 * x2 * x2 { return d * v * scale }
      if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v * scale }
    }
  }

  /// A Poisson(`mean`) draw: Knuth's multiplication method below 10, Hörmann's transformed
  /// rejection with squeeze (PTRS, 1993) from 10 up, whose cost does not grow with the mean.
  public mutating func nextPoisson(mean: Double) -> Int {
    precondition(mean >= 0 && mean.isFinite, "Poisson mean must be finite and non-negative")
    if mean == 0 { return 0 }
    if mean < 10 {
      let limit = exp(-mean)
      var product = nextUnit()
      var k = 0
      while product > limit {
        k += 1
        product *= nextUnit()
      }
      return k
    }
    let sqrtMean = mean.squareRoot()
    let logMean = log(mean)
    let b = 0.931 + 2.53 * sqrtMean
    let a = -0.059 + 0.024_83 * b
    let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
    let vr = 0.9277 - 3.6224 / (b - 2)
    while true {
      let u = nextUnit() - 0.5
      let v = nextUnitOpenAtZero()
      let us = 0.5 - abs(u)
      let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
      if us >= 0.07 && v <= vr { return Int(k) }
      if k < 0 || (us < 0.013 && v > us) { continue }
      let lhs = log(v) + log(invAlpha) - log(a / (us * us) + b)
      if lhs <= -mean + k * logMean - lgamma(k + 1) { return Int(k) }
    }
  }

  /// A negative-binomial draw with mean `mean` and size (dispersion) `size`, as the Poisson–gamma
  /// mixture Poisson(G), G ~ Gamma(size, mean/size): variance mean + mean²/size.
  ///
  /// The mixture form (rather than counting Bernoulli failures) keeps the cost independent of
  /// the mean and makes the law's meaning plain: the rate itself wobbles by a gamma factor with
  /// coefficient of variation 1/√size, and counts add Poisson noise on top.
  public mutating func nextNegativeBinomial(mean: Double, size: Double) -> Int {
    if mean <= 0 { return 0 }
    return nextPoisson(mean: nextGamma(shape: size, scale: mean / size))
  }
}
