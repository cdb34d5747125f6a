import Planning

extension PlanningError: ReportableError {
  /// A scenario the planner refuses is a problem inside an input file.
  public var exitCode: SurgecastExitCode { .dataError }
}
