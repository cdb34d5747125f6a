import ModelRegistry
import PrometheusSource

extension PrometheusError: ReportableError {
  /// A refused query is a usage error (64); a server that cannot be reached or cannot answer
  /// is an input that is not available (66); an answer Surgecast cannot use is bad data (65).
  public var exitCode: SurgecastExitCode {
    switch self {
    case .badQuery, .ambiguousResult: .usage
    case .unreachable, .queryFailed, .noSamples: .noInput
    case .invalidResponse, .unusableSample: .dataError
    }
  }
}

extension RegistryError: ReportableError {
  /// A bad name is a usage error (64); a model or version that does not exist is a missing
  /// input (66); a registry that cannot be written is 73.
  public var exitCode: SurgecastExitCode {
    switch self {
    case .invalidName, .invalidReference: .usage
    case .unknownModel, .unknownVersion: .noInput
    case .notWritable: .cannotCreateOutput
    }
  }
}
