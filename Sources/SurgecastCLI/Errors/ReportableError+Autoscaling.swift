import Autoscaling

extension AutoscalingError: ReportableError {
  /// Every autoscaling error is an option value that does not fit the model or the data
  /// (`--now` before the data, `--granularity` off the model's grid, a replay window outside
  /// the data): a usage error.
  public var exitCode: SurgecastExitCode { .usage }
}
