import ArgumentParser
import TimeSeries

/// `--unsorted`: how rows out of time order are handled (mirror of TimeSeries'
/// `UnsortedPolicy`).
public enum UnsortedPolicyOption: String, CaseIterable, Sendable, ExpressibleByArgument {
  /// Reject the file, naming the first line that goes back in time (the default).
  case error
  /// Sort each series by time before building it.
  case sort

  /// The reader's policy.
  public var policy: UnsortedPolicy {
    switch self {
    case .error: return .error
    case .sort: return .sort
    }
  }
}
