import ArgumentParser

/// The root `surgecast` command: a table of contents of the tool.
public struct SurgecastCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "surgecast",
    abstract: "Forecast request traffic around calendar events and size capacity ahead of it.",
    discussion: """
      Surgecast reads a traffic series (request counts per 5 minutes, per hour, …) and a \
      calendar of events (holidays, promotions, incidents, outages), and forecasts the \
      traffic with event effects, so that capacity is in place before a surge.

      Quick start:
        surgecast synth --out-dir Datasets
        surgecast inspect --data Datasets/traffic-5m.csv \\
          --events Datasets/events.csv --timezone Asia/Seoul

      Exit codes:
        0   success
        2   some series failed (multi-series runs)
        64  usage error (unknown option, bad option value)
        65  data error (a problem inside an input file, named by file and line)
        66  input file not found or unreadable
        70  internal error (a bug: please report it)
        73  output file cannot be written
      """,
    version: SurgecastCommand.version,
    subcommands: [
      // Data: make and look at inputs.
      SynthCommand.self,
      InspectCommand.self,
      // Models: learn from history, then look ahead.
      FitCommand.self,
      ForecastCommand.self,
      ModelsCommand.self,
      RetrainCommand.self,
      // Evaluation: how good the forecasts are.
      BacktestCommand.self,
      // Capacity: schedules for autoscalers, and their replay on history.
      RecommendCommand.self,
      SimulateCommand.self,
      // Planning: what-if scenarios and the visual report.
      PlanCommand.self,
      ReportCommand.self,
      // Live: surges as they start.
      WatchCommand.self,
      ServeCommand.self,
    ])

  /// The version printed by `surgecast --version`.
  public static let version = "0.1.0"

  public init() {}
}
