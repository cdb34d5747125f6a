import Modeling

extension ModelingError: ReportableError {
  /// Model problems caused by the data or the model file are data errors (65); a numerical
  /// failure on a well-posed design is a bug (70).
  public var exitCode: SurgecastExitCode {
    switch self {
    case .numerical: .internalError
    default: .dataError
    }
  }
}
