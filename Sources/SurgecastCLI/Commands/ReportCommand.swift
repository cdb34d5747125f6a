import ArgumentParser
import Autoscaling
import Forecasting
import Foundation
import Modeling
import Planning
import Reporting
import TimeSeries

/// `surgecast report`: one self-contained HTML page for planners.
public struct ReportCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a self-contained HTML report: history, forecast, what the model learned.",
    discussion: """
      The page holds inline SVG charts and CSS only (no scripts, no network fetches), so it \
      opens anywhere and can be mailed around: history and forecast with 80%/95% bands at a \
      quarter's and at a week's scale with events marked, the trend, the daily profile by \
      kind of day, the weekly and yearly cycles, holiday effects and each promotion's learned \
      response profile (with its past occurrences when --data is given), and the recommended \
      replicas as steps with the capacity they provide. With --scenario, \
      the baseline and each scenario side by side with the comparison table of \
      'surgecast plan'. With --backtest, the metrics of the model's method re-fitted at past \
      origins (as 'surgecast backtest') and its forecasts against what happened. Times are \
      local to the model's zone. Prints the path it wrote.

      Examples:
        surgecast report --model traffic-1h --data Datasets/traffic-1h.csv \\
          --capacity-per-replica 1800 --out report.html
        surgecast report --model m.json --data Datasets/traffic-1h.csv --horizon 14d \\
          --capacity-per-replica 0.5/s --scenario sale.csv --events Datasets/events.csv \\
          --backtest --origins 4 --out report.html
      """)

  @OptionGroup(title: "Inputs") public var inputs: PlanningInputOptions

  @Option(
    help: ArgumentHelp(
      "Planned events to compare with the baseline (the format of 'surgecast plan').",
      valueName: "file"))
  public var scenario: String?

  @Option(
    name: .customLong("events"),
    help: ArgumentHelp(
      "More events to mark on the time axes (e.g. the incidents and outages of the events "
        + "file; the model's own promotions and holidays are always marked).",
      valueName: "file"))
  public var eventsFile: String?

  @Flag(
    help: ArgumentHelp(
      "Add a backtest: the model's method re-fitted before each of the last --origins "
        + "windows of the history (needs --data), with its metrics and forecast-vs-actual chart."))
  public var backtest = false

  @Option(help: ArgumentHelp("Backtest windows (with --backtest).", valueName: "K"))
  public var origins = 4

  @OptionGroup(title: "Capacity (the rules of 'surgecast recommend')")
  public var capacity: ScalingPolicyOptions

  @Option(
    name: .customLong("out"),
    help: ArgumentHelp("Write the HTML page here (atomically).", valueName: "file"))
  public var outputFile: String

  public init() {}

  public func validate() throws {
    if backtest && inputs.historyFile == nil {
      throw ValidationError("--backtest needs the history: give --data")
    }
    guard origins >= 1 else { throw ValidationError("--origins: must be at least 1") }
  }

  public func run() async throws {
    let loaded = try inputs.load()
    let (fitted, steps, history, past) = (
      loaded.model, loaded.steps, loaded.history, loaded.pastOccurrences
    )
    let extraEvents = try SeriesLoading.events(file: eventsFile, timeZone: fitted.training.timeZone)
    let policy = capacity.policy(stepSeconds: fitted.training.step)
    let planner = ScenarioPlanner(
      model: fitted, horizon: steps, recent: history, pastOccurrences: past, policy: policy,
      components: true)
    let scenarios =
      try scenario.map {
        try PlanCommand.readScenarios($0, model: fitted, planner: planner)
      } ?? []
    let outcomes = try planner.plan(scenarios)
    let base = outcomes[0].forecast
    let view = outcomes[0].replicas.map { replicas in
      CapacityView(
        replicas: replicas, demand: base.quantile(policy.quantile) ?? base.mean,
        demandLabel: "\(QuantileForecast(level: policy.quantile, values: []).columnName) demand",
        requestsPerReplica: policy.capacityPerStep,
        targetUtilization: policy.targetUtilization, minReplicas: policy.minReplicas,
        maxReplicas: policy.maxReplicas)
    }
    var backtestView: BacktestView?
    if backtest, let history {
      backtestView = try ReportBacktest.view(
        model: fitted, history: history,
        events: extraEvents.isEmpty ? fitted.trainingEvents : extraEvents, horizon: steps,
        origins: origins)
    }
    let input = ReportInput(
      model: fitted, history: history, outcomes: outcomes, pastOccurrences: past,
      capacity: view, backtest: backtestView, extraEvents: extraEvents,
      generator: "surgecast \(SurgecastCommand.version)")
    try OutputFile.write(try ReportPage.html(input), to: outputFile)
    StandardStreams.writeOutput("report: \(outputFile)\n")
  }
}
