import TimeSeries

/// Problems inside an input file (bad timestamp, duplicate row, …): exit 65, one line naming
/// file, line and field.
extension DataError: ReportableError {
  public var exitCode: SurgecastExitCode { .dataError }
}

/// An output file that cannot be written (no such directory, no permission, disk full): exit 73.
extension AtomicFileError: ReportableError {
  public var exitCode: SurgecastExitCode { .cannotCreateOutput }
}
