import LinearAlgebra
import TestSupport
import Testing

/// The block Cholesky for penalties that change on a few columns, against the full solve of
/// the same system and against a closed form.
@Suite("Factorization for a varying penalty")
struct VaryingPenaltyFactorizationTests {
  /// For several penalties of the varying columns (including 0 and very large ones), the
  /// coefficients equal `NormalEquations.coefficients` of the full system to 1e-10 relative.
  @Test("equals the full solve for every varying penalty")
  func equalsFullSolve() throws {
    let (x, y) = SparseTailTests.eventDesign(rows: 400, dense: 10, events: 8, seed: 91)
    let equations = try NormalEquations(design: x, response: y)
    var penalty = (0..<x.columns).map { $0 == 0 ? 0 : 0.5 + Double($0 % 3) }
    let varying = [3, 12, 5, 9]
    let factorization = try VaryingPenaltyFactorization(
      equations, lambda: 0.7, penalty: penalty, varying: varying)
    for strength in [0.0, 0.1, 1, 30, 1e6] {
      for (k, j) in varying.enumerated() { penalty[j] = strength * Double(k + 1) }
      let fast = try factorization.coefficients(penalty: penalty)
      let full = try equations.coefficients(lambda: 0.7, penalty: penalty)
      #expect(maxRelativeError(fast, full, floor: 1e-3) <= 1e-10, "strength \(strength)")
    }
  }

  /// A penalty that changes a fixed column is still answered exactly (by the full solve).
  @Test("a change outside the varying columns falls back to the full solve")
  func changedFixedColumnFallsBack() throws {
    let (x, y) = SparseTailTests.eventDesign(rows: 300, dense: 6, events: 6, seed: 92)
    let equations = try NormalEquations(design: x, response: y)
    var penalty = [Double](repeating: 1, count: x.columns)
    let factorization = try VaryingPenaltyFactorization(
      equations, lambda: 2, penalty: penalty, varying: [1, 2])
    penalty[4] = 50
    let fast = try factorization.coefficients(penalty: penalty)
    let full = try equations.coefficients(lambda: 2, penalty: penalty)
    #expect(fast == full)
  }

  /// Orthonormal columns make XᵀX = I, so βⱼ = (Xᵀy)ⱼ / (1 + λdⱼ) exactly.
  @Test("closed form on orthonormal columns")
  func closedForm() throws {
    // Columns of a 4 × 4 Hadamard matrix divided by 2 are orthonormal.
    let h: [[Double]] = [[1, 1, 1, 1], [1, -1, 1, -1], [1, 1, -1, -1], [1, -1, -1, 1]]
    var x = Matrix(rows: 4, columns: 4)
    for i in 0..<4 { for j in 0..<4 { x[i, j] = h[i][j] / 2 } }
    let y = [3.0, -1, 2, 5]
    let equations = try NormalEquations(design: x, response: y)
    let xty = (0..<4).map { j in (0..<4).reduce(0) { $0 + x[$1, j] * y[$1] } }
    let factorization = try VaryingPenaltyFactorization(
      equations, lambda: 1, penalty: [0, 1, 1, 1], varying: [2, 3])
    let beta = try factorization.coefficients(penalty: [0, 1, 4, 9])
    let expected = (0..<4).map { xty[$0] / (1 + [0.0, 1, 4, 9][$0]) }
    #expect(maxRelativeError(beta, expected, floor: 1) <= 1e-14)
  }

  @Test("a repeated or out-of-range varying column is an invalid argument")
  func rejectsBadColumns() throws {
    let (x, y) = SparseTailTests.eventDesign(rows: 100, dense: 4, events: 0, seed: 93)
    let equations = try NormalEquations(design: x, response: y)
    #expect(throws: LinearAlgebraError.self) {
      _ = try VaryingPenaltyFactorization(
        equations, lambda: 1, penalty: [1, 1, 1, 1], varying: [1, 1])
    }
    #expect(throws: LinearAlgebraError.self) {
      _ = try VaryingPenaltyFactorization(
        equations, lambda: 1, penalty: [1, 1, 1, 1], varying: [4])
    }
  }
}
