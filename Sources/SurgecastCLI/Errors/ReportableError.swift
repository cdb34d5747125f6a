/// An error that knows which exit status it stands for and how to say itself in one line.
///
/// `SurgecastMain` maps every error a command throws through this protocol. Error types of
/// lower modules (such as TimeSeries' `DataError`) get their conformance in
/// `ReportableError+Conformances.swift`, so that those modules stay free of CLI concerns.
public protocol ReportableError: Error {
  /// The process exit status this error leads to.
  var exitCode: SurgecastExitCode { get }
  /// One line for stderr, without the `surgecast: error: ` prefix.
  var oneLineMessage: String { get }
}

extension ReportableError where Self: CustomStringConvertible {
  public var oneLineMessage: String { description.singleLine }
}

extension String {
  /// The text with line breaks replaced by spaces, so that every message stays on one line.
  var singleLine: String {
    split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
