/// Why a linear-algebra operation refused its input or could not finish.
///
/// Every case carries what is needed to act on it and prints as one line. Caller mistakes
/// (`dimensionMismatch`, `nonFiniteValue`, `invalidArgument`) are separate from numerical
/// outcomes (`rankDeficient`, `notPositiveDefinite`) and from LAPACK reporting a failure that
/// validated input should never cause (`lapackFailure`, an internal invariant failure).
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Two sizes that must agree do not, e.g. the response length and the design's row count.
  case dimensionMismatch(what: String, expected: Int, actual: Int)
  /// A NaN or infinity in an input; `index` is the flat (column-major for matrices) position.
  case nonFiniteValue(argument: String, index: Int)
  /// An argument outside its domain, e.g. a negative weight or penalty.
  case invalidArgument(name: String, reason: String)
  /// The design (or the part that must be full rank) is numerically rank deficient for a path
  /// that requires full rank; `reciprocalCondition` is LAPACK's estimate, `threshold` the limit.
  case rankDeficient(routine: String, reciprocalCondition: Double, threshold: Double)
  /// A symmetric matrix that must be positive definite is not; `info` is the order of the
  /// leading minor that failed, as LAPACK reports it.
  case notPositiveDefinite(routine: String, info: Int)
  /// LAPACK returned a non-zero `info` that validated input should not produce.
  case lapackFailure(routine: String, info: Int, meaning: String)

  /// One line saying what went wrong and, where it helps, what to do.
  public var description: String {
    switch self {
    case .dimensionMismatch(let what, let expected, let actual):
      return "dimension mismatch: \(what) is \(actual), expected \(expected)"
    case .nonFiniteValue(let argument, let index):
      return "non-finite value (NaN or infinity) in \(argument) at index \(index)"
    case .invalidArgument(let name, let reason):
      return "invalid argument \(name): \(reason)"
    case .rankDeficient(let routine, let reciprocalCondition, let threshold):
      return "\(routine): matrix is numerically rank deficient "
        + "(reciprocal condition \(reciprocalCondition) < \(threshold)); "
        + "use a rank-revealing method or remove collinear columns"
    case .notPositiveDefinite(let routine, let info):
      return "\(routine): matrix is not positive definite (leading minor \(info) failed)"
    case .lapackFailure(let routine, let info, let meaning):
      return "\(routine) failed with info \(info): \(meaning)"
    }
  }
}

extension LinearAlgebraError {
  /// Maps a LAPACK `info` to an error: negative means an illegal argument (a bug on our side,
  /// since arguments are validated first), positive is routine-specific and explained by the
  /// caller in `positiveMeaning`.
  static func lapack(_ routine: String, _ info: Int32, positiveMeaning: String) -> Self {
    if info == -1010 || info == -1011 {
      return .lapackFailure(routine: routine, info: Int(info), meaning: "out of memory")
    }
    if info < 0 {
      return .lapackFailure(
        routine: routine, info: Int(info), meaning: "argument \(-info) had an illegal value")
    }
    return .lapackFailure(routine: routine, info: Int(info), meaning: positiveMeaning)
  }
}
