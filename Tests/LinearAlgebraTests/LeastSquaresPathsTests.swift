import TestSupport
import LinearAlgebra
import Testing

/// The streamed QR of the rank-revealing paths against plain `dgels` (an independent
/// implementation of the same Householder QR), around the 1024-row block boundary.
@Suite("Least-squares paths agree")
struct LeastSquaresPathsTests {
  /// Same problem, three methods: coefficients, RSS and standard errors agree to relative
  /// 1e-10 (κ ≈ 3 planted designs, so every backward-stable method gives ~14 digits).
  @Test("streamed QR equals dgels at every block boundary", arguments: [7, 1023, 1024, 1025, 3000])
  func blockBoundaries(rows: Int) throws {
    let (x, y, _) = TestData.planted(rows: rows, columns: 6, noise: 0.3, seed: UInt64(rows))
    var rng = SplitMix64(seed: 61)
    let weights = (0..<rows).map { _ in 0.5 + rng.uniform() }
    for w in [nil, weights] {
      let reference = try LeastSquares.solve(
        x, y, weights: w, method: .householderQR(rcond: 1e-12))
      for method in [LeastSquaresMethod.default, .svd(rcond: 1e-12)] {
        let fit = try LeastSquares.solve(x, y, weights: w, method: method)
        #expect(maxRelativeError(fit.coefficients, reference.coefficients) <= 1e-10)
        #expect(
          relativeError(fit.residualSumOfSquares, reference.residualSumOfSquares) <= 1e-10)
        #expect(
          maxRelativeError(try fit.standardErrors(), try reference.standardErrors()) <= 1e-10)
      }
    }
  }

  /// Fewer rows than columns: rank n, an exact fit (RSS ≈ 0 relative to yᵀy), no residual
  /// degrees of freedom, so standard errors are refused rather than returned as NaN.
  @Test("underdetermined design: exact fit and no residual variance")
  func underdetermined() throws {
    let (x, y, _) = TestData.planted(rows: 4, columns: 7, noise: 1, seed: 63)
    let fit = try LeastSquares.solve(x, y)
    #expect(fit.rank == 4)
    #expect(fit.droppedColumns.count == 3)
    #expect(fit.residualSumOfSquares <= 1e-20 * y.reduce(0) { $0 + $1 * $1 })
    #expect(fit.residualDegreesOfFreedom == 0)
    #expect(throws: LinearAlgebraError.self) { _ = try fit.standardErrors() }
    let fitted = TestData.multiply(x, fit.coefficients)
    #expect(maxRelativeError(fitted, y) <= 1e-10)
  }
}
