import LinearAlgebra
import Testing

/// Bad input becomes a typed `LinearAlgebraError` with a one-line message, never a crash, a
/// LAPACK `info < 0` or a silent NaN.
@Suite("Error cases")
struct ErrorTests {
  static let design = TestData.planted(rows: 20, columns: 3, noise: 1, seed: 51)

  /// Runs `body` and returns the `LinearAlgebraError` it threw, if any.
  static func caught(_ body: () throws -> Void) -> LinearAlgebraError? {
    do {
      try body()
      return nil
    } catch let error as LinearAlgebraError {
      return error
    } catch {
      return nil
    }
  }

  @Test("response length mismatch")
  func responseLength() {
    let (x, y, _) = Self.design
    let error = Self.caught { _ = try LeastSquares.solve(x, Array(y.dropLast())) }
    #expect(error == .dimensionMismatch(what: "response length", expected: 20, actual: 19))
    #expect(error.map { !$0.description.contains("\n") } == true)
  }

  @Test("non-finite design and response values are located")
  func nonFinite() {
    let (x, y, _) = Self.design
    var bad = x
    bad[4, 2] = .nan
    #expect(Self.caught { _ = try LeastSquares.solve(bad, y) }
      == .nonFiniteValue(argument: "design", index: 4 + 2 * 20))
    var badY = y
    badY[7] = .infinity
    #expect(Self.caught { _ = try LeastSquares.solve(x, badY) }
      == .nonFiniteValue(argument: "response", index: 7))
    #expect(Self.caught { _ = try RidgeRegression.fit(design: bad, response: y) }
      == .nonFiniteValue(argument: "design", index: 4 + 2 * 20))
  }

  /// A NaN met while accumulating is reported and leaves the statistics as they were.
  @Test("non-finite rows leave NormalEquations unchanged")
  func normalEquationsNonFinite() throws {
    let (x, y, _) = Self.design
    var equations = try NormalEquations(design: x, response: y, rows: 0..<10)
    let before = equations
    var bad = x
    bad[15, 1] = -.infinity
    let error = Self.caught {
      try equations.accumulate(design: bad, response: y, rows: 10..<20)
    }
    #expect(error == .nonFiniteValue(argument: "design", index: 15 + 1 * 20))
    #expect(equations == before)
  }

  @Test("invalid weights, penalties, lambdas and ranges")
  func invalidArguments() throws {
    let (x, y, _) = Self.design
    var weights = [Double](repeating: 1, count: 20)
    weights[3] = -1
    #expect(Self.caught { _ = try LeastSquares.solve(x, y, weights: weights) }
      == .invalidArgument(name: "weights[3]", reason: "-1.0 is negative"))
    #expect(Self.caught {
      _ = try LeastSquares.solve(x, y, weights: [Double](repeating: 0, count: 20))
    } == .invalidArgument(name: "weights", reason: "all weights are zero"))
    let equations = try NormalEquations(design: x, response: y)
    #expect(Self.caught { _ = try equations.solve(lambda: -1) }
      == .invalidArgument(name: "lambda", reason: "-1.0 is not a finite value >= 0"))
    #expect(Self.caught { _ = try equations.solve(lambda: 1, penalty: [1, 1]) }
      == .dimensionMismatch(what: "number of penalty factors", expected: 3, actual: 2))
    #expect(Self.caught { _ = try RidgePath(equations, penalty: [1, 1, 1]).fit(
      .generalizedCrossValidation(grid: [1, 0.5])) }
      == .invalidArgument(name: "grid", reason: "must be strictly ascending"))
    var copy = equations
    #expect(Self.caught { try copy.accumulate(design: x, response: y, rows: 5..<25) }
      == .invalidArgument(name: "rows", reason: "5..<25 is outside 0..<20"))
    #expect(Self.caught { _ = try LeastSquares.solve(x, y, method: .svd(rcond: 2)) }
      == .invalidArgument(name: "rcond", reason: "2.0 is not in [0, 1)"))
  }

  @Test("matrix construction checks sizes")
  func matrixSizes() {
    #expect(Self.caught { _ = try Matrix(rows: 2, columns: 3, columnMajor: [1, 2, 3]) }
      == .dimensionMismatch(
        what: "column-major storage of a 2x3 matrix", expected: 6, actual: 3))
    #expect(Self.caught { _ = try Matrix(columns: [[1, 2], [3]]) }
      == .dimensionMismatch(what: "length of column 1", expected: 2, actual: 1))
  }

  @Test("every error prints as one line")
  func oneLineMessages() {
    let errors: [LinearAlgebraError] = [
      .dimensionMismatch(what: "x", expected: 1, actual: 2),
      .nonFiniteValue(argument: "design", index: 3),
      .invalidArgument(name: "lambda", reason: "bad"),
      .rankDeficient(routine: "dgels", reciprocalCondition: 1e-17, threshold: 1e-12),
      .notPositiveDefinite(routine: "dpotrf", info: 4),
      .lapackFailure(routine: "dgesdd", info: 2, meaning: "the SVD did not converge"),
    ]
    for error in errors {
      #expect(!error.description.contains("\n"))
      #expect(!error.description.isEmpty)
    }
  }
}
