@testable import LinearAlgebra
import TestSupport
import Testing

/// Per-class sums for periodic columns against the row-by-row Gram.
@Suite("Periodic columns in the Gram")
struct PeriodicBlockTests {
  /// A design like an hourly traffic model's: intercept and trend, level-shift steps, a block
  /// of "Fourier" columns that depend only on the row's class (hour × kind of day, 24 × 3),
  /// a dense extra column, and sparse event columns at the end.
  static func design(rows n: Int, seed: UInt64) -> (Matrix, [Double], PeriodicBlock) {
    var rng = SplitMix64(seed: seed)
    let steps = 9
    let block = 12
    let firstBlock = 2 + steps
    let events = 5
    let columns = firstBlock + block + 1 + events
    let classes = 72
    let table = (0..<(classes * block)).map { _ in rng.uniform() * 2 - 1 }
    var rowClass = [Int32](repeating: 0, count: n)
    var x = Matrix(rows: n, columns: columns)
    for i in 0..<n {
      let kind = (i / 24) % 7 == 6 ? 2 : ((i / 24) % 7 == 5 ? 1 : 0)
      let c = kind * 24 + i % 24
      rowClass[i] = Int32(c)
      x[i, 0] = 1
      x[i, 1] = Double(i) / Double(n)
      for s in 0..<steps where i >= (s + 1) * n / (steps + 2) { x[i, 2 + s] = 1 + Double(s % 3) }
      for a in 0..<block { x[i, firstBlock + a] = table[c + a * classes] }
      x[i, firstBlock + block] = rng.normal()
    }
    for e in 0..<events {
      let start = Int(rng.uniform() * Double(n - 10))
      for i in start..<(start + 6) { x[i, columns - events + e] = 1 }
    }
    let y = (0..<n).map { i in (0..<columns).reduce(0) { $0 + x[i, $1] * 0.3 } + rng.normal() }
    let periodic = PeriodicBlock(
      columns: firstBlock..<(firstBlock + block), rowClass: rowClass, classCount: classes)
    return (x, y, periodic)
  }

  /// Weighted (zeros and fractions) and unweighted, over all rows and over a sub-range: the
  /// Gram, XᵀWy and yᵀWy with the periodic block equal the ones without it to 1e-12 relative.
  @Test("periodic block gives the same normal equations")
  func periodicEqualsRowByRow() throws {
    let (x, y, periodic) = Self.design(rows: 2_400, seed: 101)
    var rng = SplitMix64(seed: 102)
    let weights = (0..<2_400).map { i in i % 13 == 0 ? 0 : (i % 5 == 0 ? rng.uniform() : 1) }
    // The per-class path is really taken: the rows agree with their classes.
    #expect(
      PeriodicSums.classTable(design: x, range: 0..<2_400, weights: weights, periodic: periodic)
        != nil)
    for (w, rows) in [(nil, 0..<2_400), (weights, 0..<2_400), (weights, 300..<2_100)] {
      let fast = try NormalEquations(
        design: x, response: y, rows: rows, weights: w, periodic: periodic)
      let plain = try NormalEquations(design: x, response: y, rows: rows, weights: w)
      #expect(NormalEquationsTests.matrixError(fast.gram, plain.gram) <= 1e-12)
      #expect(maxRelativeError(fast.crossProduct, plain.crossProduct, floor: 1) <= 1e-12)
      #expect(relativeError(fast.responseSumOfSquares, plain.responseSumOfSquares) <= 1e-12)
      #expect(fast.observationCount == plain.observationCount)
    }
  }

  /// A row that disagrees with its class (the block is not periodic after all) falls back to
  /// the row-by-row products: still the right Gram, never a wrong one.
  @Test("a row that breaks its class falls back to exact products")
  func brokenClassFallsBack() throws {
    var (x, y, periodic) = Self.design(rows: 1_200, seed: 103)
    x[777, periodic.columns.lowerBound + 3] += 0.5
    #expect(
      PeriodicSums.classTable(design: x, range: 0..<1_200, weights: nil, periodic: periodic)
        == nil)
    let fast = try NormalEquations(design: x, response: y, periodic: periodic)
    let plain = try NormalEquations(design: x, response: y)
    #expect(NormalEquationsTests.matrixError(fast.gram, plain.gram) <= 1e-12)
    #expect(maxRelativeError(fast.crossProduct, plain.crossProduct, floor: 1) <= 1e-12)
  }

  /// A NaN inside the block is still reported with its place.
  @Test("a NaN in a periodic column is reported")
  func nanInPeriodicColumn() throws {
    var (x, y, periodic) = Self.design(rows: 600, seed: 104)
    let column = periodic.columns.lowerBound + 1
    x[50, column] = .nan
    #expect(throws: LinearAlgebraError.nonFiniteValue(argument: "design", index: 50 + column * 600)) {
      _ = try NormalEquations(design: x, response: y, periodic: periodic)
    }
  }

  /// A periodic column that is also a level-shift step (its class changes once, half-way) is
  /// left to the step path: the products are counted once, not twice.
  @Test("a periodic column that is a step is counted once")
  func periodicStepColumnCountedOnce() throws {
    var (x, y, _) = Self.design(rows: 1_200, seed: 105)
    let column = 2 + 9 + 4
    for i in 0..<1_200 { x[i, column] = i >= 600 ? 1 : 0 }
    let rowClass = (0..<1_200).map { Int32($0 >= 600 ? 1 : 0) }
    let periodic = PeriodicBlock(columns: column..<(column + 1), rowClass: rowClass, classCount: 2)
    let fast = try NormalEquations(design: x, response: y, periodic: periodic)
    let plain = try NormalEquations(design: x, response: y)
    #expect(NormalEquationsTests.matrixError(fast.gram, plain.gram) <= 1e-12)
    #expect(maxRelativeError(fast.crossProduct, plain.crossProduct, floor: 1) <= 1e-12)
  }
}

/// Xβ and Xᵀv with the periodic block evaluated per class.
@Suite("Periodic columns in the structured product")
struct PeriodicProductTests {
  /// Both products equal the dense ones, and the per-class path is really taken.
  @Test("products with a periodic block equal the dense products")
  func periodicProductsMatchDense() {
    let (x, _, periodic) = PeriodicBlockTests.design(rows: 2_400, seed: 106)
    var rng = SplitMix64(seed: 107)
    let beta = (0..<x.columns).map { _ in rng.normal() }
    let v = (0..<x.rows).map { _ in rng.normal() }
    let product = StructuredProduct(x, periodic: periodic)
    #expect(product.periodic != nil)
    #expect(!product.denseRuns.contains { $0.overlaps(periodic.columns) })
    let dense = StructuredProduct(x)
    #expect(maxRelativeError(product.multiply(x, by: beta), TestData.multiply(x, beta), floor: 1) <= 1e-12)
    let transposed = (0..<x.columns).map { j in (0..<x.rows).reduce(0.0) { $0 + x[$1, j] * v[$1] } }
    #expect(maxRelativeError(product.transposedMultiply(x, by: v), transposed, floor: 1) <= 1e-12)
    #expect(maxRelativeError(dense.transposedMultiply(x, by: v), transposed, floor: 1) <= 1e-12)
  }

  /// The unit-weight Gram built on the product's structure (its steps, tail and class table)
  /// is bit for bit the one that scans the design itself, with and without a usable block.
  @Test("a Gram on the product's structure equals the scanned one exactly")
  func gramOnProductStructureIsIdentical() throws {
    var (x, y, periodic) = PeriodicBlockTests.design(rows: 2_400, seed: 109)
    for breaksClass in [false, true] {
      if breaksClass { x[977, periodic.columns.lowerBound + 1] -= 0.5 }
      let product = StructuredProduct(x, periodic: periodic)
      #expect((product.periodic == nil) == breaksClass)
      #expect(!product.steps.isEmpty && !product.tail.isEmpty)
      let reused = try NormalEquations(unitWeightsOf: x, response: y, structure: product)
      let scanned = try NormalEquations(design: x, response: y, periodic: periodic)
      #expect(reused.upperGram == scanned.upperGram)
      #expect(reused.crossProduct == scanned.crossProduct)
      #expect(reused.responseSumOfSquares == scanned.responseSumOfSquares)
      #expect(reused.observationCount == scanned.observationCount)
    }
  }

  /// A row that breaks its class leaves the block to `dgemv`: still the exact product.
  @Test("a block that a row contradicts is read densely")
  func brokenClassIsReadDensely() {
    var (x, _, periodic) = PeriodicBlockTests.design(rows: 1_200, seed: 108)
    x[411, periodic.columns.lowerBound + 2] += 0.25
    let product = StructuredProduct(x, periodic: periodic)
    #expect(product.periodic == nil)
    let beta = (0..<x.columns).map { Double($0 % 5) - 2 }
    #expect(maxRelativeError(product.multiply(x, by: beta), TestData.multiply(x, beta), floor: 1) <= 1e-12)
  }
}
