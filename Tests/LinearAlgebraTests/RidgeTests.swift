import TestSupport
import LinearAlgebra
import Testing

/// Ridge regression by SVD (`RidgeRegression`) and by the normal equations (`RidgePath`).
@Suite("Ridge regression and GCV")
struct RidgeTests {
  /// A planted problem with an unpenalized intercept and varied penalty factors.
  static func problem() -> (x: Matrix, y: [Double], penalty: [Double]) {
    let (x, y, _) = TestData.planted(rows: 150, columns: 8, noise: 2, seed: 41)
    return (x, y, [0, 1, 1, 0.5, 2, 1, 4, 1])
  }

  /// λ = 0 is OLS: both ridge paths equal `LeastSquares.solve` (relative 1e-10 for the SVD
  /// path, which works on X; 1e-9 for the normal equations, κ(XᵀX) ≈ 2 here), with edf = p.
  @Test("lambda = 0 equals ordinary least squares")
  func zeroLambdaIsOLS() throws {
    let (x, y, penalty) = Self.problem()
    let ols = try LeastSquares.solve(x, y)
    let svd = try RidgeRegression.fit(design: x, response: y, penalty: penalty, choice: .fixed(0))
    let path = try RidgePath(NormalEquations(design: x, response: y), penalty: penalty)
    let normal = try path.fit(.fixed(0))
    #expect(maxRelativeError(svd.coefficients, ols.coefficients) <= 1e-10)
    #expect(maxRelativeError(normal.coefficients, ols.coefficients) <= 1e-9)
    #expect(relativeError(svd.residualSumOfSquares, ols.residualSumOfSquares) <= 1e-10)
    #expect(relativeError(normal.residualSumOfSquares, ols.residualSumOfSquares) <= 1e-9)
    #expect(abs(svd.effectiveDegreesOfFreedom - 8) <= 1e-12)
    #expect(abs(normal.effectiveDegreesOfFreedom - 8) <= 1e-12)
    #expect(path.jitter == 0)
  }

  /// Closed-form identity: ridge equals OLS on the augmented design [X; √(λD)] with [y; 0],
  /// and edf = tr((XᵀX + λD)⁻¹ XᵀX). Relative 1e-9 on β, RSS and edf at λ = 25.
  @Test("ridge equals least squares on the augmented design")
  func augmentedIdentity() throws {
    let (x, y, penalty) = Self.problem()
    let lambda = 25.0
    let n = x.rows
    var columns = (0..<8).map { Array(x.column($0)) }
    for j in 0..<8 {
      columns[j] += (0..<8).map { $0 == j ? (lambda * penalty[j]).squareRoot() : 0 }
    }
    let augmented = try LeastSquares.solve(
      try Matrix(columns: columns), y + [Double](repeating: 0, count: 8))
    let fit = try RidgeRegression.fit(
      design: x, response: y, penalty: penalty, choice: .fixed(lambda))
    #expect(maxRelativeError(fit.coefficients, augmented.coefficients) <= 1e-9)
    let fitted = TestData.multiply(x, augmented.coefficients)
    let rss = (0..<n).reduce(0) { $0 + (y[$1] - fitted[$1]) * (y[$1] - fitted[$1]) }
    #expect(relativeError(fit.residualSumOfSquares, rss) <= 1e-9)
    let inverse = try augmented.covariance(variance: 1)
    let gram = try NormalEquations(design: x, response: y).gram
    var trace = 0.0
    for i in 0..<8 { for k in 0..<8 { trace += inverse[i, k] * gram[k, i] } }
    #expect(relativeError(fit.effectiveDegreesOfFreedom, trace) <= 1e-9)
    #expect(relativeError(fit.criterion.gcv,
      Double(n) * rss / ((Double(n) - trace) * (Double(n) - trace))) <= 1e-9)
  }

  /// The normal-equations path and the SVD path are two derivations of the same closed forms:
  /// for the same λ and D (with a zero), β, edf, RSS and GCV agree to relative 1e-8, and so does
  /// (XᵀX + λD)⁻¹ against the Cholesky solve's inverse.
  @Test("normal-equation GCV path agrees with the SVD ridge path", arguments: [0.1, 3.0, 250.0])
  func pathsAgree(lambda: Double) throws {
    let (x, y, penalty) = Self.problem()
    let equations = try NormalEquations(design: x, response: y)
    let path = try RidgePath(equations, penalty: penalty)
    let normal = try path.fit(.fixed(lambda))
    let svd = try RidgeRegression.fit(
      design: x, response: y, penalty: penalty, choice: .fixed(lambda))
    #expect(maxRelativeError(normal.coefficients, svd.coefficients) <= 1e-8)
    #expect(relativeError(normal.effectiveDegreesOfFreedom, svd.effectiveDegreesOfFreedom)
      <= 1e-8)
    #expect(relativeError(normal.residualSumOfSquares, svd.residualSumOfSquares) <= 1e-8)
    #expect(relativeError(normal.criterion.gcv, svd.criterion.gcv) <= 1e-8)
    let direct = try equations.solve(lambda: lambda, penalty: penalty)
    #expect(maxRelativeError(direct.coefficients, svd.coefficients) <= 1e-8)
    let inverse = path.inverse(lambda: lambda)
    let reference = try direct.inverse()
    #expect(NormalEquationsTests.matrixError(inverse, reference) <= 1e-8)
  }

  /// Both paths minimize the same GCV curve, so they choose the same λ (relative 1e-4: the
  /// refinement stops at 1e-6 in ln λ on a flat minimum), and the choice is no worse than any
  /// grid point.
  @Test("both paths choose the same lambda by GCV")
  func sameChoice() throws {
    let (x, y, penalty) = Self.problem()
    let normal = try RidgePath(NormalEquations(design: x, response: y), penalty: penalty).fit()
    let svd = try RidgeRegression.fit(design: x, response: y, penalty: penalty)
    #expect(relativeError(normal.lambda, svd.lambda) <= 1e-4)
    #expect(maxRelativeError(normal.coefficients, svd.coefficients) <= 1e-6)
    #expect(normal.evaluated.allSatisfy { $0.gcv >= normal.criterion.gcv })
    #expect(svd.evaluated.allSatisfy { $0.gcv >= svd.criterion.gcv })
    #expect(zip(svd.evaluated, svd.evaluated.dropFirst()).allSatisfy { $0.lambda < $1.lambda })
  }

  /// Planted: X with N(0,1) entries (XᵀX ≈ nI), β ~ N(0, 0.05²), σ = 1. The oracle λ that
  /// minimizes the expected prediction error is λ* = pσ²/‖β‖² (closed form for XᵀX = nI);
  /// GCV must land within a factor 3 of it and predict the planted mean better than OLS.
  @Test("GCV choice on planted data is near the oracle and beats OLS")
  func plantedChoice() throws {
    var rng = SplitMix64(seed: 43)
    let n = 2000, p = 40
    var x = Matrix(rows: n, columns: p)
    for j in 0..<p { for i in 0..<n { x[i, j] = rng.normal() } }
    let beta = (0..<p).map { _ in 0.05 * rng.normal() }
    let mean = TestData.multiply(x, beta)
    let y = mean.map { $0 + rng.normal() }
    let oracle = Double(p) / beta.reduce(0) { $0 + $1 * $1 }
    let fit = try RidgePath(NormalEquations(design: x, response: y),
      penalty: [Double](repeating: 1, count: p)).fit()
    #expect(fit.lambda >= oracle / 3 && fit.lambda <= oracle * 3)
    func predictionError(_ b: [Double]) -> Double {
      zip(TestData.multiply(x, b), mean).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
    let ols = try LeastSquares.solve(x, y)
    #expect(predictionError(fit.coefficients) < predictionError(ols.coefficients))
  }

  /// A caller-supplied grid is honoured (no refinement: the choice is a grid point).
  @Test("caller grid without refinement picks a grid point")
  func callerGrid() throws {
    let (x, y, penalty) = Self.problem()
    let grid = [0.01, 0.1, 1, 10, 100, 1000]
    let fit = try RidgeRegression.fit(design: x, response: y, penalty: penalty,
      choice: .generalizedCrossValidation(grid: grid, refine: false))
    #expect(grid.contains(fit.lambda))
    #expect(fit.evaluated.map(\.lambda) == grid)
  }
}
