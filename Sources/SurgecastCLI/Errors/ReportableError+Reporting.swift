import Reporting

extension ReportError: ReportableError {
  /// An empty forecast comes from a usage mistake (a zero horizon).
  public var exitCode: SurgecastExitCode { .usage }
}
