import TestSupport
import LinearAlgebra
import Testing

/// Gram accumulation, prefix sums for rolling origins, robust reweighting and the penalized
/// Cholesky solve. References are recomputations from scratch or the QR path.
@Suite("Normal equations")
struct NormalEquationsTests {
  /// Largest |aᵢⱼ − bᵢⱼ| relative to the largest |bᵢⱼ|.
  static func matrixError(_ a: Matrix, _ b: Matrix) -> Double {
    let scale = max(b.storage.map(abs).max() ?? 1, 1e-300)
    return zip(a.storage, b.storage).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
  }

  /// Direct sums Σ xᵢxᵢᵀ, Σ yᵢxᵢ, Σ yᵢ² over `rows` with weights, in plain loops: an
  /// independent reference for the BLAS accumulation.
  static func direct(
    _ x: Matrix, _ y: [Double], rows: Range<Int>, weights: [Double]? = nil
  ) -> (gram: Matrix, xty: [Double], yty: Double) {
    let p = x.columns
    var gram = Matrix(rows: p, columns: p)
    var xty = [Double](repeating: 0, count: p)
    var yty = 0.0
    for i in rows {
      let w = weights?[i] ?? 1
      for a in 0..<p {
        xty[a] += w * x[i, a] * y[i]
        for b in 0..<p { gram[a, b] += w * x[i, a] * x[i, b] }
      }
      yty += w * y[i] * y[i]
    }
    return (gram, xty, yty)
  }

  /// A row range [a, b) at a pointer offset equals the direct sums; relative 1e-13.
  @Test("row-range Gram equals direct sums, with and without weights")
  func rowRange() throws {
    let (x, y, _) = TestData.planted(rows: 300, columns: 7, noise: 1, seed: 31)
    var rng = SplitMix64(seed: 32)
    let weights = (0..<300).map { _ in rng.uniform() * 2 }
    for w in [nil, weights] {
      let equations = try NormalEquations(design: x, response: y, rows: 40..<250, weights: w)
      let reference = Self.direct(x, y, rows: 40..<250, weights: w)
      #expect(Self.matrixError(equations.gram, reference.gram) <= 1e-13)
      #expect(maxRelativeError(equations.crossProduct, reference.xty, floor: 1) <= 1e-13)
      #expect(relativeError(equations.responseSumOfSquares, reference.yty) <= 1e-13)
      #expect(equations.observationCount == 210)
    }
  }

  /// Prefix accumulation [0, oₖ) = [0, oₖ₋₁) + rows between equals each prefix recomputed
  /// from scratch; relative 1e-13 (only summation order differs).
  @Test("rolling-origin prefixes equal Grams recomputed from scratch")
  func prefixes() throws {
    let (x, y, _) = TestData.planted(rows: 500, columns: 9, noise: 1, seed: 33)
    let origins = [0, 120, 121, 300, 499, 500]
    let prefixes = try NormalEquations.prefixes(design: x, response: y, origins: origins)
    #expect(prefixes.count == origins.count)
    for (origin, equations) in zip(origins, prefixes) {
      let scratch = try NormalEquations(design: x, response: y, rows: 0..<origin)
      #expect(Self.matrixError(equations.gram, scratch.gram) <= 1e-13, "origin \(origin)")
      #expect(equations.observationCount == origin)
      if origin > 0 {
        #expect(maxRelativeError(equations.crossProduct, scratch.crossProduct, floor: 1) <= 1e-13)
      }
    }
  }

  /// IRLS-style update and downdate of a few rows equals accumulating with the new weights
  /// from scratch; relative 1e-12 (the downdate subtracts, so allow cancellation).
  @Test("reweighting a few rows equals a weighted Gram from scratch")
  func reweighting() throws {
    let (x, y, _) = TestData.planted(rows: 400, columns: 8, noise: 1, seed: 35)
    var equations = try NormalEquations(design: x, response: y)
    let rows = [3, 17, 17, 250, 399, 100]
    let changes = [-0.75, -0.5, -0.25, -1.0, 0.5, 2.0]  // row 17 twice: total −0.75
    var weights = [Double](repeating: 1, count: 400)
    for (row, change) in zip(rows, changes) { weights[row] += change }
    try equations.reweight(design: x, response: y, rows: rows, weightChanges: changes)
    let scratch = try NormalEquations(design: x, response: y, weights: weights)
    #expect(Self.matrixError(equations.gram, scratch.gram) <= 1e-12)
    #expect(maxRelativeError(equations.crossProduct, scratch.crossProduct, floor: 1) <= 1e-12)
    #expect(relativeError(equations.responseSumOfSquares, scratch.responseSumOfSquares) <= 1e-12)
  }

  /// On a well-conditioned planted problem the Cholesky solve equals the QR solve (relative
  /// 1e-10: κ(XᵀX) ≈ 4, so squaring costs nothing) and recovers the planted β to within
  /// 5 standard errors (σ = 0.01, n = 2000: SE ≈ 2.2e-4, so |error| ≤ 1.2e-3).
  @Test("Cholesky path equals QR and recovers planted coefficients")
  func choleskyEqualsQR() throws {
    let (x, y, beta) = TestData.planted(rows: 2000, columns: 12, noise: 0.01, seed: 37)
    let solution = try NormalEquations(design: x, response: y).solve()
    let qr = try LeastSquares.solve(x, y)
    #expect(solution.factorization == .cholesky)
    #expect(solution.reciprocalCondition > 0.1)
    #expect(maxRelativeError(solution.coefficients, qr.coefficients) <= 1e-10)
    #expect(relativeError(solution.residualSumOfSquares, qr.residualSumOfSquares) <= 1e-8)
    for j in 0..<12 { #expect(abs(solution.coefficients[j] - beta[j]) <= 1.2e-3) }
    // (XᵀX)⁻¹ from Cholesky equals the QR covariance with unit variance; relative 1e-10.
    let inverse = try solution.inverse()
    let covariance = try qr.covariance(variance: 1)
    #expect(Self.matrixError(inverse, covariance) <= 1e-10)
  }

  /// A duplicated column makes XᵀX singular: the solve falls back to the eigen
  /// pseudo-inverse, discards one direction and splits the slope equally (closed form, as in
  /// the QR test; relative 1e-6, the normal equations squaring κ of the remaining problem).
  @Test("singular Gram falls back to the eigen pseudo-inverse")
  func singularFallback() throws {
    let (full, duplicated, y) = try RankDeficiencyTests.duplicatedDesign()
    let reference = try LeastSquares.solve(full, y)
    let solution = try NormalEquations(design: duplicated, response: y).solve()
    #expect(solution.factorization == .eigenPseudoInverse(discardedDirections: 1))
    let b = reference.coefficients[1]
    #expect(maxRelativeError(solution.coefficients, [reference.coefficients[0], b / 2, b / 2])
      <= 1e-6)
  }

  /// NIST Filip shows why ill-conditioned problems must not use this path: forming XᵀX
  /// squares κ (5.2e9² ≫ 1/ε), so the Cholesky either refuses or loses every digit. We only
  /// require that it does not silently claim a trustworthy Cholesky with 7 correct digits.
  @Test("normal equations are not adequate for NIST Filip")
  func filipInadequate() throws {
    let (x, y) = try TestData.filip()
    let certified = try TestData.certified("filip")
    let solution = try NormalEquations(design: x, response: y).solve()
    let accurate = maxRelativeError(solution.coefficients, certified.beta) <= 1e-7
    #expect(solution.factorization != .cholesky || !accurate)
    #expect(!accurate)
  }

  /// Fixed thread count: the same accumulation twice is bit-identical, and OpenBLAS is held to
  /// one thread after any solve.
  @Test("accumulation is deterministic and single-threaded")
  func determinism() throws {
    let (x, y, _) = TestData.planted(rows: 3000, columns: 20, noise: 1, seed: 39)
    let first = try NormalEquations(design: x, response: y)
    let second = try NormalEquations(design: x, response: y)
    #expect(first == second)
    #expect(first.gram.storage.map(\.bitPattern) == second.gram.storage.map(\.bitPattern))
    #expect(BLASThreading.currentThreadCount == 1)
  }
}
