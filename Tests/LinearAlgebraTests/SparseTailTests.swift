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

/// Level-shift-like step columns between dense ones, with a sparse tail after them.
@Suite("Step columns in the Gram")
struct StepColumnTests {
  static func stepDesign(rows n: Int, seed: UInt64) -> (Matrix, [Double]) {
    var rng = SplitMix64(seed: seed)
    let dense = 4
    let steps = 10
    let events = 6
    var x = Matrix(rows: n, columns: dense + steps + 3 + events)
    for i in 0..<n {
      x[i, 0] = 1
      x[i, 1] = Double(i) / Double(n)
      for j in 2..<dense { x[i, j] = rng.uniform() * 2 - 1 }
      for s in 0..<steps where i >= (s + 1) * n / (steps + 2) { x[i, dense + s] = 1 + Double(s % 3) }
      for j in (dense + steps)..<(dense + steps + 3) { x[i, j] = rng.uniform() }
    }
    for e in 0..<events {
      let start = Int(rng.uniform() * Double(n - 8))
      for i in start..<(start + 4) { x[i, dense + steps + 3 + e] = 1 }
    }
    let y = (0..<n).map { i in (0..<x.columns).reduce(0) { $0 + x[i, $1] } + rng.normal() }
    return (x, y)
  }

  /// Steps (ten, with values 1–3) among dense columns: weighted (with zeros) and unweighted
  /// Grams over a row range equal direct sums to 1e-12; removing a suffix equals accumulating
  /// the prefix; a step that starts before the range is constant there and stays dense.
  @Test("Gram with step columns equals direct sums")
  func stepsEqualDirectSums() throws {
    let (x, y) = Self.stepDesign(rows: 900, seed: 81)
    var rng = SplitMix64(seed: 82)
    let weights = (0..<900).map { i in i % 11 == 0 ? 0 : (i % 4 == 0 ? rng.uniform() : 1) }
    for w in [nil, weights] {
      for rows in [0..<900, 130..<870] {
        let equations = try NormalEquations(design: x, response: y, rows: rows, weights: w)
        let reference = NormalEquationsTests.direct(x, y, rows: rows, weights: w)
        #expect(NormalEquationsTests.matrixError(equations.gram, reference.gram) <= 1e-12)
        #expect(maxRelativeError(equations.crossProduct, reference.xty, floor: 1) <= 1e-12)
        #expect(relativeError(equations.responseSumOfSquares, reference.yty) <= 1e-12)
        #expect(equations.observationCount == rows.filter { (w?[$0] ?? 1) > 0 }.count)
      }
      let full = try NormalEquations(design: x, response: y, weights: w)
      let prefixes = try NormalEquations.prefixes(
        removingSuffixesFrom: full, design: x, response: y, origins: [700, 800], weights: w)
      let scratch = try NormalEquations(design: x, response: y, rows: 0..<700, weights: w)
      #expect(NormalEquationsTests.matrixError(prefixes[0].gram, scratch.gram) <= 1e-12)
    }
  }
}
