import Foundation

/// The generalized cross-validation score of a ridge fit and its ingredients at one λ.
public struct RidgeCriterion: Sendable, Equatable {
  /// The penalty weight λ.
  public let lambda: Double
  /// edf(λ) = tr H(λ), the trace of the hat matrix: p at λ = 0, falling to the number of
  /// unpenalized columns as λ → ∞.
  public let effectiveDegreesOfFreedom: Double
  /// RSS(λ) = ‖y − Xβ(λ)‖² (weighted when the statistics are).
  public let residualSumOfSquares: Double
  /// GCV(λ) = n · RSS(λ) / (n − edf(λ))² (Craven & Wahba 1979): leave-one-out
  /// cross-validation with the leverages replaced by their mean, which makes it invariant to
  /// rotations of the data and computable from the spectrum alone. +∞ when edf ≥ n.
  public let gcv: Double
}

/// How a ridge solver picks λ.
public enum LambdaChoice: Sendable, Equatable {
  /// Use this λ ≥ 0.
  case fixed(Double)
  /// Minimize GCV over `grid` (ascending λ > 0), or over a default log grid when `nil`, then
  /// (if `refine`) by golden-section search on log λ between the best grid point's neighbours.
  ///
  /// The default grid spans λ·θ from 1e-3·θ_max to 1e3·θ_min (θ the generalized eigenvalues
  /// of the penalty against the Gram), i.e. from "no direction shrunk by more than 0.1 %" to
  /// "every penalized direction shrunk to under 0.1 %", at 8 points per decade (at most 200
  /// points): GCV is smooth in log λ, so a grid that fine plus refinement cannot miss a minimum
  /// by more than the refinement tolerance (1e-6 in ln λ).
  case generalizedCrossValidation(grid: [Double]? = nil, refine: Bool = true)
}

/// A ridge fit at the chosen λ.
public struct RidgeFit: Sendable {
  /// λ, edf, RSS and GCV at the chosen λ.
  public let criterion: RidgeCriterion
  /// β(λ), one per column, in the caller's units.
  public let coefficients: [Double]
  /// Every criterion evaluated while choosing λ (grid points and refinement steps), ascending
  /// in λ; a single entry for `.fixed`.
  public let evaluated: [RidgeCriterion]
  /// n, the observation count GCV used.
  public let observationCount: Int

  /// The chosen λ.
  public var lambda: Double { criterion.lambda }
  /// edf at the chosen λ.
  public var effectiveDegreesOfFreedom: Double { criterion.effectiveDegreesOfFreedom }
  /// RSS at the chosen λ.
  public var residualSumOfSquares: Double { criterion.residualSumOfSquares }
  /// σ̂² = RSS / (n − edf), the usual residual variance estimate for a linear smoother.
  public var residualVariance: Double {
    criterion.residualSumOfSquares / (Double(observationCount) - effectiveDegreesOfFreedom)
  }
}

/// The λ-dependence of a ridge problem in its diagonalizing basis, shared by the SVD and the
/// normal-equations solvers: with θᵢ the eigenvalues of the penalty relative to the Gram and zᵢ
/// the response in that basis,
///   edf(λ) = e₀ + Σ 1/(1 + λθᵢ),   RSS(λ) = r₀ + Σ zᵢ² (λθᵢ / (1 + λθᵢ))².
/// The RSS form is the text-book yᵀy − 2Σ zᵢ²/(1+λθᵢ) + Σ zᵢ²/(1+λθᵢ)² regrouped around the
/// unpenalized RSS r₀ = yᵀy − Σzᵢ² so that the λ-dependent part is a sum of non-negative terms
/// (no cancellation, monotone in λ). O(p) per λ.
struct RidgeSpectrum: Sendable {
  /// θᵢ ≥ 0 (0 = an unpenalized direction).
  let theta: [Double]
  /// zᵢ².
  let zSquared: [Double]
  /// r₀: residual that no λ changes.
  let baseResidual: Double
  /// e₀: degrees of freedom outside the spectrum (e.g. profiled-out unpenalized columns).
  let baseDegreesOfFreedom: Double
  /// n for GCV.
  let observationCount: Int

  func criterion(_ lambda: Double) -> RidgeCriterion {
    var edf = baseDegreesOfFreedom
    var rss = baseResidual
    for i in theta.indices {
      let t = lambda * theta[i]
      let shrink = 1 / (1 + t)
      edf += shrink
      let fraction = t * shrink
      rss += zSquared[i] * fraction * fraction
    }
    let n = Double(observationCount)
    let denominator = n - edf
    let gcv = denominator > 0 ? n * rss / (denominator * denominator) : .infinity
    return RidgeCriterion(
      lambda: lambda, effectiveDegreesOfFreedom: edf, residualSumOfSquares: rss, gcv: gcv)
  }

  /// The default log grid described at `LambdaChoice.generalizedCrossValidation`.
  func defaultGrid() -> [Double] {
    let positive = theta.filter { $0 > 0 }
    guard let largest = positive.max(), let smallest = positive.min() else { return [0] }
    let low = log10(1e-3 / largest)
    let high = log10(1e3 / smallest)
    let count = Swift.min(200, Swift.max(25, Int(((high - low) * 8).rounded(.up)) + 1))
    return (0..<count).map { pow(10, low + (high - low) * Double($0) / Double(count - 1)) }
  }

  /// Resolves a `LambdaChoice` to the best criterion and every criterion evaluated.
  func choose(_ choice: LambdaChoice) throws(LinearAlgebraError)
    -> (best: RidgeCriterion, evaluated: [RidgeCriterion])
  {
    switch choice {
    case .fixed(let lambda):
      try Validation.checkLambda(lambda)
      let value = criterion(lambda)
      return (value, [value])
    case .generalizedCrossValidation(let grid, let refine):
      let lambdas = grid ?? defaultGrid()
      guard !lambdas.isEmpty else {
        throw .invalidArgument(name: "grid", reason: "is empty")
      }
      for (k, lambda) in lambdas.enumerated() {
        try Validation.checkLambda(lambda)
        if k > 0 && lambda <= lambdas[k - 1] {
          throw .invalidArgument(name: "grid", reason: "must be strictly ascending")
        }
      }
      var evaluated = lambdas.map(criterion)
      var bestIndex = 0
      for k in evaluated.indices where evaluated[k].gcv < evaluated[bestIndex].gcv {
        bestIndex = k
      }
      var best = evaluated[bestIndex]
      if refine && lambdas.count > 1 {
        let lower = lambdas[Swift.max(0, bestIndex - 1)]
        let upper = lambdas[Swift.min(lambdas.count - 1, bestIndex + 1)]
        if lower > 0 {
          let refined = goldenSection(lowerLambda: lower, upperLambda: upper)
          evaluated.append(contentsOf: refined)
          if let candidate = refined.min(by: { $0.gcv < $1.gcv }), candidate.gcv < best.gcv {
            best = candidate
          }
        }
      }
      evaluated.sort { $0.lambda < $1.lambda }
      return (best, evaluated)
    }
  }

  /// Golden-section search for the GCV minimum on ln λ ∈ [ln lower, ln upper], to 1e-6.
  private func goldenSection(lowerLambda: Double, upperLambda: Double) -> [RidgeCriterion] {
    let ratio = (5.0.squareRoot() - 1) / 2
    var a = log(lowerLambda)
    var b = log(upperLambda)
    var c = b - ratio * (b - a)
    var d = a + ratio * (b - a)
    var fc = criterion(exp(c))
    var fd = criterion(exp(d))
    var visited = [fc, fd]
    while b - a > 1e-6 {
      if fc.gcv <= fd.gcv {
        b = d
        d = c
        fd = fc
        c = b - ratio * (b - a)
        fc = criterion(exp(c))
        visited.append(fc)
      } else {
        a = c
        c = d
        fc = fd
        d = a + ratio * (b - a)
        fd = criterion(exp(d))
        visited.append(fd)
      }
    }
    return visited
  }
}
