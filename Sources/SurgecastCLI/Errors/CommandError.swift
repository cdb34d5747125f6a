/// A user-facing failure of a command that is not about the content of the data: a file that
/// cannot be read or written, or series that failed in a multi-series run.
///
/// Problems inside a file are TimeSeries' `DataError`; bugs are `InternalError`.
public enum CommandError: ReportableError, Sendable, Equatable, CustomStringConvertible {
  /// An input file does not exist.
  case inputNotFound(path: String)
  /// An input file exists but cannot be read (a directory, no permission).
  case inputUnreadable(path: String, reason: String)
  /// An output file cannot be created or written.
  case outputNotWritable(path: String, reason: String)
  /// `failed` of `total` series failed; the others succeeded.
  case someSeriesFailed(failed: Int, total: Int)

  public var exitCode: SurgecastExitCode {
    switch self {
    case .inputNotFound, .inputUnreadable: return .noInput
    case .outputNotWritable: return .cannotCreateOutput
    case .someSeriesFailed: return .someSeriesFailed
    }
  }

  public var description: String {
    switch self {
    case .inputNotFound(let path):
      return "\(path): no such file"
    case .inputUnreadable(let path, let reason):
      return "\(path): cannot read: \(reason)"
    case .outputNotWritable(let path, let reason):
      return "\(path): cannot write: \(reason)"
    case .someSeriesFailed(let failed, let total):
      return "\(failed) of \(total) series failed (see the messages above)"
    }
  }
}
