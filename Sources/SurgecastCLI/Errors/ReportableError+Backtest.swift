import Forecasting

extension BacktestError: ReportableError {
  /// A series too short for the requested windows is a problem of the data as given (65).
  public var exitCode: SurgecastExitCode { .dataError }
}
