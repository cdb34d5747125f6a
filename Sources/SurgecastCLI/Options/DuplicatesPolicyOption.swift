import ArgumentParser
import TimeSeries

/// `--duplicates`: how repeated timestamps within one series are handled.
///
/// A CLI-side mirror of TimeSeries' `DuplicatePolicy`, so that the command-line surface (and
/// its help text) is owned here and TimeSeries needs no ArgumentParser.
public enum DuplicatesPolicyOption: String, CaseIterable, Sendable, ExpressibleByArgument {
  /// Reject the file, naming the line of the repeat (the default: repeats usually mean an
  /// export bug or a restart that counts twice).
  case error
  /// Add the values (several exporters writing partial counts for the same slot).
  case sum
  /// Keep the value of the last row (a re-export that corrects earlier rows).
  case keepLast = "keep-last"

  /// The reader's policy.
  public var policy: DuplicatePolicy {
    switch self {
    case .error: return .error
    case .sum: return .sum
    case .keepLast: return .keepLast
    }
  }
}
