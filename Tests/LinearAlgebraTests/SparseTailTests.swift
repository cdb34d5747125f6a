import LinearAlgebra
import TestSupport
import Testing

/// The Gram's sparse-tail shortcut, prefixes by suffix removal, and the coefficients-only
/// solve, each against an independent reference (direct sums, accumulation from scratch, the
/// full `solve`).
@Suite("Sparse event columns and suffix removal")
struct SparseTailTests {
  /// A design like a traffic model's: dense columns first, then event indicators that are
  /// nonzero on a few rows each (some overlapping), and a dense response.
  static func eventDesign(rows n: Int, dense: Int, events: Int, seed: UInt64)
    -> (Matrix, [Double])
  {
    var rng = SplitMix64(seed: seed)
    var x = Matrix(rows: n, columns: dense + events)
    for i in 0..<n {
      x[i, 0] = 1
      for j in 1..<dense { x[i, j] = rng.uniform() * 2 - 1 }
    }
    for e in 0..<events {
      let start = Int(rng.uniform() * Double(n - 12))
      for i in start..<(start + 3 + e % 9) { x[i, dense + e] = 0.5 + rng.uniform() }
    }
    let y = (0..<n).map { i in (0..<x.columns).reduce(0) { $0 + x[i, $1] } + rng.normal() }
    return (x, y)
  }

  /// With and without weights (zeros included), over a row range: the Gram, XᵀWy and yᵀWy
  /// equal plain-loop sums to 1e-13 relative; event columns really are on the sparse path
  /// (12 of them, each on ≤ 11 of 600 rows).
  @Test("Gram with sparse event columns equals direct sums")
  func sparseTailEqualsDirectSums() throws {
    let (x, y) = Self.eventDesign(rows: 600, dense: 6, events: 12, seed: 71)
    var rng = SplitMix64(seed: 72)
    let weights = (0..<600).map { i in i % 7 == 0 ? 0 : (i % 3 == 0 ? 1 : rng.uniform() * 2) }
    for w in [nil, weights] {
      let equations = try NormalEquations(design: x, response: y, rows: 25..<580, weights: w)
      let reference = NormalEquationsTests.direct(x, y, rows: 25..<580, weights: w)
      #expect(NormalEquationsTests.matrixError(equations.gram, reference.gram) <= 1e-13)
      #expect(maxRelativeError(equations.crossProduct, reference.xty, floor: 1) <= 1e-13)
      #expect(relativeError(equations.responseSumOfSquares, reference.yty) <= 1e-13)
    }
  }

  /// A NaN in a sparse column is still caught, with its place.
  @Test("a NaN inside an event column is reported")
  func nanInSparseColumn() throws {
    var (x, y) = Self.eventDesign(rows: 300, dense: 4, events: 8, seed: 73)
    let column = 4 + 5
    let row = (0..<300).first { x[$0, column] != 0 } ?? 0
    x[row, column] = .nan
    #expect(throws: LinearAlgebraError.nonFiniteValue(argument: "design", index: row + column * 300)) {
      _ = try NormalEquations(design: x, response: y)
    }
  }

  /// Prefixes from the whole window minus suffixes equal prefixes accumulated forwards
  /// (weighted, with the sparse tail), to 1e-12 relative: removal subtracts, so allow for
  /// cancellation.
  @Test("prefixes by removing suffixes equal prefixes accumulated forwards")
  func prefixesBySuffixRemoval() throws {
    let (x, y) = Self.eventDesign(rows: 800, dense: 7, events: 10, seed: 74)
    var rng = SplitMix64(seed: 75)
    let weights = (0..<800).map { _ in rng.uniform() < 0.1 ? rng.uniform() : 1 }
    let origins = [500, 620, 621, 700, 800]
    let full = try NormalEquations(design: x, response: y, weights: weights)
    let removed = try NormalEquations.prefixes(
      removingSuffixesFrom: full, design: x, response: y, origins: origins, weights: weights)
    let forwards = try NormalEquations.prefixes(
      design: x, response: y, origins: origins, weights: weights)
    for (k, origin) in origins.enumerated() {
      #expect(
        NormalEquationsTests.matrixError(removed[k].gram, forwards[k].gram) <= 1e-12,
        "origin \(origin)")
      #expect(maxRelativeError(removed[k].crossProduct, forwards[k].crossProduct, floor: 1) <= 1e-12)
      #expect(removed[k].observationCount == forwards[k].observationCount)
    }
  }

  /// The coefficients-only solve equals `solve(...).coefficients` on a well-posed system, and
  /// on a singular one (a duplicated, unpenalised column) takes the same eigen fallback.
  @Test("coefficients-only solve equals the full solve, also when singular")
  func leanSolveEqualsFullSolve() throws {
    let (x, y) = Self.eventDesign(rows: 400, dense: 5, events: 6, seed: 76)
    let equations = try NormalEquations(design: x, response: y)
    let penalty = [0] + [Double](repeating: 1, count: x.columns - 1)
    let lean = try equations.coefficients(lambda: 0.5, penalty: penalty)
    let full = try equations.solve(lambda: 0.5, penalty: penalty).coefficients
    #expect(maxRelativeError(lean, full, floor: 1e-8) <= 1e-12)

    var doubled = Matrix(rows: 400, columns: 3)
    for i in 0..<400 {
      doubled[i, 0] = 1
      doubled[i, 1] = x[i, 1]
      doubled[i, 2] = x[i, 1]
    }
    let singular = try NormalEquations(design: doubled, response: y)
    let leanSingular = try singular.coefficients(lambda: 0, penalty: [0, 0, 0])
    let fullSingular = try singular.solve(lambda: 0, penalty: [0, 0, 0]).coefficients
    #expect(maxRelativeError(leanSingular, fullSingular, floor: 1e-8) <= 1e-10)
    #expect(abs(leanSingular[1] - leanSingular[2]) <= 1e-8 * abs(leanSingular[1]))
  }
}
