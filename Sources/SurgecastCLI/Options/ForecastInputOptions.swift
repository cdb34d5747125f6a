import ArgumentParser

/// What a forecast starts from besides its model: observations newer than the training window
/// (a file, or a Prometheus range) and the planned events in the horizon. `forecast` and
/// `recommend` take the same inputs, so they share these options and their checks.
public struct ForecastInputOptions: ParsableArguments {
  @Option(
    name: .customLong("data"),
    help: ArgumentHelp(
      "Observations newer than the training window (same step): the forecast starts after "
        + "them and its short-term correction uses them, without refitting.",
      valueName: "file"))
  public var recentFile: String?

  @OptionGroup(title: "Prometheus (recent observations)") public var prometheus: PrometheusOptions

  @Option(
    name: .customLong("events"),
    help: ArgumentHelp(
      "Planned events in the horizon (promotions by a known name, or with a 'lift').",
      valueName: "file"))
  public var eventsFile: String?

  public init() {}

  public func validate() throws {
    try RecentData.validate(file: recentFile, prometheus: prometheus)
  }

  /// The recent observations' source (`--data` or `--prometheus`), or nil for none.
  func recentData() throws -> RecentData? {
    try RecentData.from(file: recentFile, prometheus: prometheus)
  }
}
