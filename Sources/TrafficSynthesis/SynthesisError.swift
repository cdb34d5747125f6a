/// Why a data set could not be generated or written; one line each.
public enum SynthesisError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The scenario (or a command-line option feeding it) is unusable: a user mistake.
  case invalidScenario(field: String, message: String)
  /// A file could not be written.
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidScenario(let field, let message): "invalid scenario: \(field): \(message)"
    case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
    }
  }
}
