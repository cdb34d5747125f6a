/// A problem with the inputs of an accuracy summary or a baseline forecast, on one line.
///
/// The free-standing metric kernels in ``Accuracy`` treat mismatched lengths as a programming
/// error (a precondition), because they sit in backtest hot loops; the entry points that take
/// assembled data (``ForecastAccuracy/init(actual:forecast:quantiles:history:period:)`` and the
/// baselines) validate and throw these instead.
public enum EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// An array has the wrong length; `what` names it (for example `"forecast"`).
  case lengthMismatch(what: String, expected: Int, actual: Int)
  /// A quantile or interval level outside the open interval (0, 1).
  case invalidLevel(Double)
  /// A seasonal period below 1.
  case invalidPeriod(Int)
  /// A forecast horizon below 0.
  case invalidHorizon(Int)
  /// The history is shorter than the method needs.
  case historyTooShort(required: Int, actual: Int)
  /// Every actual value is missing (`.nan`), so no metric is defined.
  case noObservedActuals

  public var description: String {
    switch self {
    case .lengthMismatch(let what, let expected, let actual):
      return "\(what) has \(actual) values, expected \(expected)"
    case .invalidLevel(let level):
      return "level \(level) is outside (0, 1)"
    case .invalidPeriod(let period):
      return "seasonal period \(period) must be at least 1"
    case .invalidHorizon(let horizon):
      return "horizon \(horizon) must not be negative"
    case .historyTooShort(let required, let actual):
      return "history has \(actual) values, the method needs at least \(required)"
    case .noObservedActuals:
      return "every actual value is missing; no accuracy metric is defined"
    }
  }
}
