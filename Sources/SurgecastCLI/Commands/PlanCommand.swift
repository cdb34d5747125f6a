import ArgumentParser
import Autoscaling
import Forecasting
import Foundation
import Modeling
import Planning
import TimeSeries

/// `surgecast plan`: what-if promotion scenarios against the baseline forecast.
public struct PlanCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Compare what-if promotion scenarios with the baseline forecast.",
    discussion: """
      A scenario file is an events file (name,kind,start,end[,scale][,lift][,scenario]) of \
      planned promotions or holidays; rows with a 'scenario' value form alternatives, rows \
      without one belong to every alternative. Each scenario is forecast from the same origin \
      as the baseline (no planned events) and reported with its peak and when, the extra \
      requests over the horizon, the hour-by-hour uplift, the peak replicas and the \
      replica-hours (scheduled by the rules of 'surgecast recommend'), and their 80% \
      intervals. With \
      --data (the history the model was fitted on), each promotion is also replayed as each \
      of its past occurrences responded, which gives the spread of past occurrences. Names \
      the model never learned are refused unless the row gives a 'lift' (1.8 = +80%).

      Examples:
        surgecast plan --model traffic-1h --scenario sale.csv \\
          --capacity-per-replica 0.5/s
        surgecast plan --model out/traffic-1h.json --horizon 7d --scenario sale.csv \\
          --capacity-per-replica 0.5/s --data Datasets/traffic-1h.csv --format json \\
          --out plan.json
      """)

  @OptionGroup(title: "Inputs") public var inputs: PlanningInputOptions

  @Option(
    help: ArgumentHelp(
      "Planned events, one or more alternatives told apart by a 'scenario' column.",
      valueName: "file"))
  public var scenario: String

  @OptionGroup(title: "Capacity (the rules of 'surgecast recommend')")
  public var capacity: ScalingPolicyOptions

  @OptionGroup(title: "Output") public var output: OutputOptions

  public init() {}

  public func run() async throws {
    let loaded = try inputs.load()
    let fitted = loaded.model
    let clock = try LocalClock(identifier: fitted.training.timeZone)
    let planner = ScenarioPlanner(
      model: fitted, horizon: loaded.steps, recent: loaded.history,
      pastOccurrences: loaded.pastOccurrences,
      policy: capacity.policy(stepSeconds: fitted.training.step))
    let scenarios = try Self.readScenarios(scenario, model: fitted, planner: planner)
    let outcomes = try planner.plan(scenarios)
    switch output.format {
    case .text:
      try output.emit(PlanText.render(outcomes, series: fitted.training.series, clock: clock))
    case .json:
      try output.emit(
        JSONOutput.encode(
          PlanDocument(outcomes: outcomes, series: fitted.training.series, clock: clock)))
    }
  }

  /// Reads and checks a scenario file against the model and the forecast window.
  static func readScenarios(_ path: String, model: FittedModel, planner: ScenarioPlanner) throws
    -> [Scenario]
  {
    try InputFile.requireReadable(path)
    let records = try EventsCSV.readRecords(path: path, timeZone: model.training.timeZone)
    let origin = max(model.training.end, planner.recent?.end ?? model.training.end)
    let end = origin + Int64(planner.horizon) * model.training.step
    let scenarios = try Scenario.group(records, file: path)
    try Scenario.validate(
      records, file: path, knownNames: model.knownEventNames, window: origin..<end)
    return scenarios
  }
}
