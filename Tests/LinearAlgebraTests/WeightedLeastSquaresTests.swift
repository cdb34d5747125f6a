import TestSupport
import LinearAlgebra
import Testing

@Suite("Weighted least squares")
struct WeightedLeastSquaresTests {
  /// Integer weights wᵢ are equivalent to repeating row i wᵢ times (the normal equations are
  /// identical): coefficients and Σwr² equal to relative 1e-10.
  @Test("integer weights equal duplicated rows", arguments: [
    LeastSquaresMethod.default, .svd(rcond: 1e-12), .householderQR(rcond: 1e-12),
  ])
  func integerWeights(method: LeastSquaresMethod) throws {
    let (x, y, _) = TestData.planted(rows: 40, columns: 5, noise: 0.5, seed: 21)
    var rng = SplitMix64(seed: 22)
    let weights = (0..<40).map { _ in Double(1 + Int(rng.uniform() * 4)) }
    var duplicatedRows: [Int] = []
    for i in 0..<40 { duplicatedRows += repeatElement(i, count: Int(weights[i])) }
    let columns = (0..<5).map { j in duplicatedRows.map { x[$0, j] } }
    let expanded = try LeastSquares.solve(
      try Matrix(columns: columns), duplicatedRows.map { y[$0] }, method: method)
    let weighted = try LeastSquares.solve(x, y, weights: weights, method: method)
    #expect(maxRelativeError(weighted.coefficients, expanded.coefficients) <= 1e-10)
    #expect(
      relativeError(weighted.residualSumOfSquares, expanded.residualSumOfSquares) <= 1e-10)
    #expect(weighted.observationCount == 40)
  }

  /// Zero weights remove rows: same fit and degrees of freedom as OLS on the kept rows.
  @Test("zero weights equal dropped rows")
  func zeroWeights() throws {
    let (x, y, _) = TestData.planted(rows: 30, columns: 4, noise: 0.5, seed: 23)
    let kept = (0..<30).filter { $0 % 3 != 0 }
    let weights = (0..<30).map { $0 % 3 != 0 ? 1.0 : 0 }
    let subset = try Matrix(columns: (0..<4).map { j in kept.map { x[$0, j] } })
    let reference = try LeastSquares.solve(subset, kept.map { y[$0] })
    let weighted = try LeastSquares.solve(x, y, weights: weights)
    #expect(maxRelativeError(weighted.coefficients, reference.coefficients) <= 1e-10)
    #expect(weighted.residualDegreesOfFreedom == reference.residualDegreesOfFreedom)
    #expect(
      maxRelativeError(try weighted.standardErrors(), try reference.standardErrors()) <= 1e-9)
  }
}
