/// The process exit codes of `surgecast`, one per kind of outcome.
///
/// The values follow BSD `sysexits.h` where a matching code exists, so that shell scripts and
/// schedulers can tell a user mistake from bad data or a bug without parsing messages.
public enum SurgecastExitCode: Int32, Sendable, CaseIterable, CustomStringConvertible {
  /// Everything succeeded.
  case success = 0
  /// A multi-series run finished, but at least one series failed (reserved: no command
  /// produces it yet). Kept apart from the sysexits range so that partial success is
  /// recognisable.
  case someSeriesFailed = 2
  /// The command line is wrong: unknown option, missing argument, bad option value
  /// (`EX_USAGE`).
  case usage = 64
  /// An input file was read but its content is wrong: bad timestamp, duplicate row, unknown
  /// event kind (`EX_DATAERR`).
  case dataError = 65
  /// An input file does not exist or cannot be read (`EX_NOINPUT`).
  case noInput = 66
  /// An internal invariant failed: a bug in Surgecast, never a user mistake (`EX_SOFTWARE`).
  case internalError = 70
  /// An output file cannot be created or written (`EX_CANTCREAT`).
  case cannotCreateOutput = 73

  /// A short name for documentation and messages.
  public var description: String {
    switch self {
    case .success: return "success"
    case .someSeriesFailed: return "some series failed"
    case .usage: return "usage error"
    case .dataError: return "data error"
    case .noInput: return "input not found or unreadable"
    case .internalError: return "internal error"
    case .cannotCreateOutput: return "output cannot be written"
    }
  }
}
