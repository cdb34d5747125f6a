import TestSupport
import LinearAlgebra
import Testing

/// Collinear designs: the rank-revealing paths must report the rank and return the
/// minimum-norm solution, never the ±1e16 coefficients a plain QR produces.
@Suite("Rank-deficient designs")
struct RankDeficiencyTests {
  /// [1, x] and the same design with x duplicated, from a planted line y = 2 + 3x + noise.
  static func duplicatedDesign() throws -> (full: Matrix, duplicated: Matrix, y: [Double]) {
    var rng = SplitMix64(seed: 11)
    let n = 60
    let x = (0..<n).map { _ in rng.uniform() * 10 }
    let y = x.map { 2 + 3 * $0 + 0.1 * rng.normal() }
    let ones = [Double](repeating: 1, count: n)
    return (try Matrix(columns: [ones, x]), try Matrix(columns: [ones, x, x]), y)
  }

  static let rankRevealing: [LeastSquaresMethod] = [
    .default, .svd(rcond: LeastSquaresMethod.defaultRcond),
  ]

  /// Closed form: the minimum-norm solution of [1, x, x] splits the OLS slope b of [1, x]
  /// equally (b/2, b/2) and keeps the intercept; relative tolerance 1e-10 (both are backward
  /// stable solves of a κ ≈ 10 problem).
  @Test("duplicate column: equal split, rank 2, one column dropped", arguments: rankRevealing)
  func duplicateColumn(method: LeastSquaresMethod) throws {
    let (full, duplicated, y) = try Self.duplicatedDesign()
    let reference = try LeastSquares.solve(full, y)
    let fit = try LeastSquares.solve(duplicated, y, method: method)
    #expect(fit.rank == 2)
    #expect(fit.droppedColumns.count == 1)
    #expect(fit.droppedColumns == [1] || fit.droppedColumns == [2])
    let slope = reference.coefficients[1]
    let expected = [reference.coefficients[0], slope / 2, slope / 2]
    #expect(maxRelativeError(fit.coefficients, expected) <= 1e-10)
    #expect(fit.coefficients.allSatisfy { abs($0) < 10 })
    #expect(relativeError(fit.residualSumOfSquares, reference.residualSumOfSquares) <= 1e-10)
    #expect(fit.residualDegreesOfFreedom == 58)
    // The covariance is the pseudo-inverse one: finite, and the duplicated pair's variances
    // are equal (closed form: both are a quarter of the slope's variance).
    let se = try fit.standardErrors()
    let referenceSE = try reference.standardErrors()
    #expect(se.allSatisfy { $0.isFinite })
    #expect(relativeError(se[1], referenceSE[1] / 2) <= 1e-8)
    #expect(relativeError(se[2], referenceSE[1] / 2) <= 1e-8)
  }

  /// Columns x and 2x: the minimum norm is taken in equilibrated coordinates, where both
  /// columns become the same vector (their power-of-two scales differ by exactly 2), so the
  /// closed form is β = (b/2, b/4) with b the OLS slope on x; relative tolerance 1e-10.
  @Test("proportional columns: minimum norm in equilibrated coordinates")
  func proportionalColumns() throws {
    let (full, _, y) = try Self.duplicatedDesign()
    let x = Array(full.column(1))
    let design = try Matrix(columns: [Array(full.column(0)), x, x.map { 2 * $0 }])
    let reference = try LeastSquares.solve(full, y)
    let fit = try LeastSquares.solve(design, y)
    let b = reference.coefficients[1]
    #expect(fit.rank == 2)
    #expect(maxRelativeError(fit.coefficients, [reference.coefficients[0], b / 2, b / 4]) <= 1e-10)
  }

  /// A zero column carries no information: rank p − 1, that column reported, coefficient 0.
  @Test("zero column is dropped with coefficient 0", arguments: rankRevealing)
  func zeroColumn(method: LeastSquaresMethod) throws {
    let (full, _, y) = try Self.duplicatedDesign()
    let zeros = [Double](repeating: 0, count: full.rows)
    let design = try Matrix(columns: [Array(full.column(0)), zeros, Array(full.column(1))])
    let fit = try LeastSquares.solve(design, y, method: method)
    #expect(fit.rank == 2)
    #expect(fit.droppedColumns == [1])
    #expect(fit.coefficients[1] == 0)
  }

  /// Plain Householder QR must refuse, not return huge coefficients.
  @Test("householderQR throws rankDeficient on a duplicate column")
  func householderRefuses() throws {
    let (_, duplicated, y) = try Self.duplicatedDesign()
    #expect {
      _ = try LeastSquares.solve(duplicated, y, method: .householderQR(rcond: 1e-12))
    } throws: { error in
      guard case .rankDeficient(let routine, _, let threshold) = error as? LinearAlgebraError
      else { return false }
      return routine == "dgels" && threshold == 1e-12
    }
  }

  /// Many-column sweep: for each position of a duplicated column in a 12-column planted
  /// design the default path finds rank 11 and keeps every coefficient bounded.
  @Test("duplicate at every position of a 12-column design")
  func duplicateSweep() throws {
    let (x, y, _) = TestData.planted(rows: 100, columns: 12, noise: 0.1, seed: 5)
    for position in 1..<12 {
      var columns = (0..<12).map { Array(x.column($0)) }
      columns.insert(columns[position], at: position + 1)
      let fit = try LeastSquares.solve(try Matrix(columns: columns), y)
      #expect(fit.rank == 12, "duplicate of column \(position)")
      #expect(fit.droppedColumns.count == 1, "duplicate of column \(position)")
      #expect(fit.coefficients.allSatisfy { abs($0) < 100 }, "duplicate of column \(position)")
    }
  }
}
