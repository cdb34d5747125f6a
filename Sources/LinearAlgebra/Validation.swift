/// Input checks shared by the solvers: every public entry point validates before any LAPACK call,
/// so a bad argument becomes a typed error rather than a LAPACK `info < 0` or a NaN result.
enum Validation {
  /// Throws `.nonFiniteValue` naming the first NaN or infinity in `values`.
  static func requireFinite(
    _ values: UnsafeBufferPointer<Double>, argument: String
  ) throws(LinearAlgebraError) {
    // Four independent accumulators of x·0 (NaN exactly when x is not finite) let the loop run
    // without a branch per element; the slow scan for the index happens only on failure.
    var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
    let count = values.count
    var i = 0
    while i + 4 <= count {
      a0 += values[i] * 0
      a1 += values[i + 1] * 0
      a2 += values[i + 2] * 0
      a3 += values[i + 3] * 0
      i += 4
    }
    while i < count {
      a0 += values[i] * 0
      i += 1
    }
    if (a0 + a1 + a2 + a3).isNaN {
      let index = values.firstIndex { !$0.isFinite } ?? 0
      throw .nonFiniteValue(argument: argument, index: index)
    }
  }

  /// Throws `.nonFiniteValue` naming the first NaN or infinity in `values`.
  static func requireFinite(_ values: [Double], argument: String) throws(LinearAlgebraError) {
    try values.withUnsafeBufferPointer { (buffer) throws(LinearAlgebraError) in
      try requireFinite(buffer, argument: argument)
    }
  }

  /// Throws `.dimensionMismatch` unless `actual == expected`.
  static func requireCount(
    _ actual: Int, _ expected: Int, _ what: String
  ) throws(LinearAlgebraError) {
    guard actual == expected else {
      throw .dimensionMismatch(what: what, expected: expected, actual: actual)
    }
  }

  /// Checks observation weights: one per row, finite and non-negative, at least one positive.
  /// Returns the number of rows with positive weight (the effective observation count).
  static func checkWeights(_ weights: [Double], rows: Int) throws(LinearAlgebraError) -> Int {
    try requireCount(weights.count, rows, "number of weights")
    try requireFinite(weights, argument: "weights")
    var positive = 0
    for (i, w) in weights.enumerated() {
      guard w >= 0 else {
        throw .invalidArgument(name: "weights[\(i)]", reason: "\(w) is negative")
      }
      if w > 0 { positive += 1 }
    }
    return positive
  }

  /// Checks a diagonal penalty: one factor per column, finite and non-negative.
  static func checkPenalty(_ penalty: [Double], columns: Int) throws(LinearAlgebraError) {
    try requireCount(penalty.count, columns, "number of penalty factors")
    try requireFinite(penalty, argument: "penalty factors")
    for (j, d) in penalty.enumerated() where d < 0 {
      throw .invalidArgument(name: "penalty[\(j)]", reason: "\(d) is negative")
    }
  }

  /// Checks a ridge parameter: finite and non-negative.
  static func checkLambda(_ lambda: Double) throws(LinearAlgebraError) {
    guard lambda.isFinite, lambda >= 0 else {
      throw .invalidArgument(name: "lambda", reason: "\(lambda) is not a finite value >= 0")
    }
  }

  /// Checks a reciprocal-condition threshold: finite and in [0, 1).
  static func checkRcond(_ rcond: Double) throws(LinearAlgebraError) {
    guard rcond.isFinite, rcond >= 0, rcond < 1 else {
      throw .invalidArgument(name: "rcond", reason: "\(rcond) is not in [0, 1)")
    }
  }

  /// Converts a dimension to LAPACK's 32-bit integer, refusing sizes it cannot index.
  static func lapackInt(_ value: Int, _ what: String) throws(LinearAlgebraError) -> Int32 {
    guard let converted = Int32(exactly: value) else {
      throw .invalidArgument(name: what, reason: "\(value) exceeds LAPACK's 32-bit index range")
    }
    return converted
  }
}
