import Foundation
import LinearAlgebra
import TestSupport
import Testing

/// The fit's fast paths against the general ones they replace: the criterion-only ridge path
/// against `RidgePath`, the structured product against `dgemv` on the whole matrix, and the
/// huge-page buffer against a plain array.
@Suite("Fit fast paths")
struct FitFastPathTests {
  /// edf, RSS and GCV agree with `RidgePath`'s at every λ of a wide grid (to 1e-9 relative:
  /// two eigensolvers, the same spectrum), with unpenalized columns and a design that has
  /// step and sparse columns; the chosen λ is the same.
  @Test("criterion path equals RidgePath's criterion and choice")
  func criterionPathMatchesRidgePath() throws {
    let (x, y) = StepColumnTests.stepDesign(rows: 700, seed: 91)
    var rng = SplitMix64(seed: 92)
    let penalty = (0..<x.columns).map { j in j < 2 ? 0 : 0.5 + rng.uniform() }
    let weights = (0..<700).map { i in i % 11 == 0 ? 0.3 : 1 }
    let equations = try NormalEquations(design: x, response: y, weights: weights)
    let full = try RidgePath(equations, penalty: penalty)
    let lean = try RidgeCriterionPath(equations, penalty: penalty)
    for exponent in stride(from: -6.0, through: 4.0, by: 0.5) {
      let lambda = pow(10, exponent)
      let a = full.criterion(lambda: lambda)
      let b = lean.criterion(lambda: lambda)
      #expect(relativeError(b.effectiveDegreesOfFreedom, a.effectiveDegreesOfFreedom) <= 1e-9)
      #expect(relativeError(b.residualSumOfSquares, a.residualSumOfSquares) <= 1e-9)
      #expect(relativeError(b.gcv, a.gcv) <= 1e-9)
    }
    let chosen = try lean.choose().best.lambda
    #expect(relativeError(chosen, try full.fit().lambda) <= 1e-6)
    // A real interior optimum, not an end of the grid.
    #expect(chosen > 1e-8 && chosen < 1e6)
  }

  /// With no penalized column the criterion is the unpenalized fit's at every λ: edf = p.
  @Test("criterion path without penalties has edf = p")
  func criterionPathUnpenalized() throws {
    let (x, y) = SparseTailTests.eventDesign(rows: 300, dense: 5, events: 6, seed: 93)
    let equations = try NormalEquations(design: x, response: y)
    let lean = try RidgeCriterionPath(
      equations, penalty: [Double](repeating: 0, count: x.columns))
    let criterion = lean.criterion(lambda: 3)
    #expect(abs(criterion.effectiveDegreesOfFreedom - Double(x.columns)) <= 1e-9)
  }

  /// Xβ through steps and the sparse tail equals the dense product to 1e-12 relative, on a
  /// design that has both, and on one that has neither (pure dgemv).
  @Test("structured product equals the dense product")
  func structuredProductEqualsDense() throws {
    let structured = StepColumnTests.stepDesign(rows: 800, seed: 94).0
    let plain = SparseTailTests.eventDesign(rows: 400, dense: 7, events: 2, seed: 95).0
    var rng = SplitMix64(seed: 96)
    for x in [structured, plain] {
      let beta = (0..<x.columns).map { _ in rng.normal() }
      let product = StructuredProduct(x)
      let fast = product.multiply(x, by: beta)
      let reference = TestData.multiply(x, beta)
      #expect(fast.count == x.rows)
      #expect(maxRelativeError(fast, reference, floor: 1) <= 1e-12)
    }
  }

  /// Xᵀv through the structure equals the dense transposed product, and a Gram with a new
  /// response's statistics equals the statistics accumulated with that response.
  @Test("transposed structured product and a replaced response match the dense results")
  func transposedProductMatchesDense() throws {
    let structured = StepColumnTests.stepDesign(rows: 800, seed: 97).0
    let plain = SparseTailTests.eventDesign(rows: 400, dense: 7, events: 2, seed: 98).0
    var rng = SplitMix64(seed: 99)
    for x in [structured, plain] {
      let v = (0..<x.rows).map { _ in rng.normal() }
      let fast = StructuredProduct(x).transposedMultiply(x, by: v)
      let reference = (0..<x.columns).map { j in (0..<x.rows).reduce(0.0) { $0 + x[$1, j] * v[$1] } }
      #expect(fast.count == x.columns)
      #expect(maxRelativeError(fast, reference, floor: 1) <= 1e-12)

      let zeros = [Double](repeating: 0, count: x.rows)
      let replaced = try NormalEquations(design: x, response: zeros).replacingResponse(
        crossProduct: fast, responseSumOfSquares: v.reduce(0) { $0 + $1 * $1 },
        observationCount: x.rows)
      let direct = try NormalEquations(design: x, response: v)
      #expect(maxRelativeError(replaced.crossProduct, direct.crossProduct, floor: 1) <= 1e-12)
      #expect(abs(replaced.responseSumOfSquares - direct.responseSumOfSquares)
        <= 1e-12 * direct.responseSumOfSquares)
      #expect(maxRelativeError(replaced.gram.storage, direct.gram.storage, floor: 1) <= 1e-12)
      #expect(replaced.observationCount == direct.observationCount)
      #expect(throws: LinearAlgebraError.self) {
        try direct.replacingResponse(crossProduct: [1], responseSumOfSquares: 0, observationCount: 1)
      }
    }
  }

  /// One basis serves every response with the same Gram: each path equals the path reduced
  /// from scratch, and equations with another Gram are refused.
  @Test("a shared criterion basis gives each response's own GCV path")
  func sharedCriterionBasis() throws {
    let (x, y) = SparseTailTests.eventDesign(rows: 500, dense: 6, events: 3, seed: 110)
    var rng = SplitMix64(seed: 111)
    let other = (0..<x.rows).map { _ in rng.normal() * 3 }
    let penalty = (0..<x.columns).map { $0 == 0 ? 0 : 1 + Double($0 % 3) }
    let first = try NormalEquations(design: x, response: y)
    let second = try NormalEquations(design: x, response: other)
    let basis = try RidgeCriterionBasis(first, penalty: penalty)
    for equations in [first, second] {
      let shared = try basis.path(for: equations)
      let alone = try RidgeCriterionPath(equations, penalty: penalty)
      for lambda in [0.0, 0.01, 1, 100] {
        let a = shared.criterion(lambda: lambda)
        let b = alone.criterion(lambda: lambda)
        #expect(a.gcv == b.gcv)
        #expect(a.effectiveDegreesOfFreedom == b.effectiveDegreesOfFreedom)
      }
      #expect(try shared.choose().best.lambda == alone.choose().best.lambda)
    }
    let weighted = try NormalEquations(
      design: x, response: y, weights: (0..<x.rows).map { $0 % 4 == 0 ? 0.5 : 1 })
    #expect(throws: LinearAlgebraError.self) { try basis.path(for: weighted) }
  }

  /// Large buffers (above the huge-page threshold) and small ones are all zeros.
  @Test("large buffers are zero-filled")
  func largeBuffersAreZero() {
    for count in [0, 7, 1 << 20, (3 << 20) + 5] {
      let buffer = LargeBuffer.zeros(count: count)
      #expect(buffer.count == count)
      #expect(buffer.allSatisfy { $0 == 0 })
    }
    let matrix = Matrix(rows: 1_000, columns: 700)
    #expect(matrix.storage.count == 700_000 && matrix.storage.allSatisfy { $0 == 0 })
  }
}
