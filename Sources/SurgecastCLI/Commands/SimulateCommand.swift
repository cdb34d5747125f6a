import ArgumentParser
import Autoscaling
import Foundation
import Modeling
import TimeSeries

/// `surgecast simulate`: replay history after a cut-off with predictive, reactive and static
/// capacity, and compare what each would have done.
public struct SimulateCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Replay history with predictive, reactive and static capacity and compare them.",
    discussion: """
      At each step after --train-until only the past is known: the predictive policy \
      forecasts (the model is refitted every --refit-every on the data so far) and requests \
      the first interval of its schedule; the reactive policy (HPA-like) follows the load \
      of the last completed step; static provisioning holds the peak before --train-until. \
      Replicas serve after the lead time. Reported per policy: overload intervals (demand \
      above ready capacity), unserved requests, peak shortfall in replicas, replica-hours and \
      cost relative to static. --trace-from/--trace-until list each step of a window.

      Examples:
        surgecast simulate --data Datasets/traffic-1h.csv --events Datasets/events.csv \\
          --holidays KR --timezone Asia/Seoul --train-until 2025-10-06 \\
          --capacity-per-replica 1800
        surgecast simulate --data Datasets/traffic-1h.csv --events Datasets/events.csv \\
          --holidays KR --timezone Asia/Seoul --train-until 2025-07-14 \\
          --until 2025-07-18 --capacity-per-replica 1800 \\
          --trace-from 2025-07-16T08:00 --trace-until 2025-07-16T15:00
      """)

  @OptionGroup(title: "Data") public var data: DataOptions
  @OptionGroup(title: "Events") public var events: EventsOptions
  @OptionGroup(title: "Model") public var model: ModelOptions
  @OptionGroup(title: "Policy") public var policy: ScalingPolicyOptions

  @Option(
    help: ArgumentHelp(
      "Replay from here; the data before it is the history.", valueName: "timestamp"))
  public var trainUntil: String

  @Option(help: ArgumentHelp("Replay until here (default: the end of the data).", valueName: "timestamp"))
  public var until: String?

  @Option(
    help: ArgumentHelp("Refit the model this often during the replay (default 1d).", valueName: "span"),
    transform: { try PolicyParsing.seconds($0, option: "--refit-every") })
  public var refitEvery: Int64 = 86_400

  @Option(
    help: ArgumentHelp(
      "Decide this often (default: the data's step); a divisor of the step, e.g. 5m on "
        + "hourly data (the rate is taken as flat within a step).",
      valueName: "span"),
    transform: { try PolicyParsing.seconds($0, option: "--granularity") })
  public var granularity: Int64?

  @Option(help: ArgumentHelp("List each interval from here (text and json).", valueName: "timestamp"))
  public var traceFrom: String?

  @Option(help: ArgumentHelp("… up to here (exclusive).", valueName: "timestamp"))
  public var traceUntil: String?

  @OptionGroup(title: "Output") public var output: OutputOptions

  public init() {}

  public func validate() throws {
    if refitEvery <= 0 { throw ValidationError("--refit-every: must be positive") }
    if granularity == 0 { throw ValidationError("--granularity: must be positive") }
    if (traceFrom == nil) != (traceUntil == nil) {
      throw ValidationError("--trace-from and --trace-until go together")
    }
  }

  public func run() async throws {
    let clock = try data.clock()
    let trainStart = try PolicyParsing.instant(trainUntil, option: "--train-until", clock: clock)
    let untilInstant = try until.map {
      try PolicyParsing.instant($0, option: "--until", clock: clock)
    }
    var traceWindow: ClosedRange<Int64>?
    if let traceFrom, let traceUntil {
      let from = try PolicyParsing.instant(traceFrom, option: "--trace-from", clock: clock)
      let to = try PolicyParsing.instant(traceUntil, option: "--trace-until", clock: clock)
      guard from < to else { throw ValidationError("--trace-from must be before --trace-until") }
      traceWindow = from...(to - 1)
    }
    let loaded = try SeriesLoading.single(data)
    let series = loaded.series
    let eventList = try SeriesLoading.events(events, timeZone: data.timezone)
    let spec = try model.resolvedSpec()
    let first = Self.slot(trainStart, in: series)
    let end = untilInstant.map { Self.slot($0, in: series) } ?? series.count
    guard first >= 1, first < min(end, series.count) else {
      throw AutoscalingError.simulationWindow(
        "--train-until/--until: the replay window must lie inside the data ("
          + "\(Timestamp.format(series.start, clock: clock)) to "
          + "\(Timestamp.format(series.end, clock: clock))) and leave history before it")
    }
    let resolved = policy.policy(stepSeconds: series.step)
    var forecaster = RefittingForecaster(
      actual: series, events: eventList, spec: spec, hasCalendar: loaded.hasCalendar,
      refitEverySeconds: refitEvery, quantile: resolved.quantile)
    let result = try Simulation(policy: resolved, decisionSeconds: granularity).run(
      actual: series, first: first, end: min(end, series.count), forecaster: &forecaster)
    let report = SimulationReport(
      result, series: series.name, clock: clock,
      policy: RecommendationDocument.PolicyRecord(
        policy: resolved, capacity: policy.capacityPerReplica,
        granularitySeconds: result.intervalSeconds, horizonSeconds: series.step),
      refitEverySeconds: refitEvery, trace: traceWindow)
    switch output.format {
    case .text: try output.emit(report.text)
    case .json: try output.emit(try JSONOutput.encode(report))
    }
  }

  /// The first slot at or after `instant`.
  static func slot(_ instant: Int64, in series: Series) -> Int {
    let offset = instant - series.start
    return Int(max(0, (offset + series.step - 1) / series.step))
  }
}
