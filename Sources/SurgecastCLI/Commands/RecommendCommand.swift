import ArgumentParser
import Autoscaling
import Foundation
import Modeling
import TimeSeries

/// `surgecast recommend`: a replica schedule for the coming hours from a fitted model.
public struct RecommendCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract: "Turn a forecast into a replica schedule for autoscalers.",
    discussion: """
      Each interval gets ceil(q / (R × u)) replicas for the forecast quantile q, the \
      capacity R of one replica and the target utilisation u, within min and max; scale-up \
      is moved ahead by the lead time, scale-in waits for the scale-in delay, step limits \
      apply, and capped intervals report the traffic that would go unserved. Each interval \
      says why (reason). The same model, data, options and --now give the same bytes.

      Formats: text (a table), json (the versioned contract, \
      docs/schemas/recommendation.schema.json), keda (the document KEDA's metrics-api \
      scaler reads: the replicas for now at 'replicas'), hpa (a merge patch of a \
      HorizontalPodAutoscaler's minReplicas, with the later changes as cron lines).

      Examples:
        surgecast recommend --model Models/traffic-1h/v1.json --horizon 24h \\
          --capacity-per-replica 1800
        surgecast recommend --model m.json --data recent.csv --events planned.csv \\
          --horizon 48h --capacity-per-replica 0.5/s --no-predictive-scale-in \\
          --now 2025-12-01T09:00:00+09:00 --format json --out rec.json
      """)

  @Option(
    help: ArgumentHelp(
      "A model file written by 'surgecast fit --out', or a registry model NAME[@VERSION].",
      valueName: "model"))
  public var model: String

  @OptionGroup(title: "Registry") public var registry: RegistryOptions

  @Option(
    help: ArgumentHelp("How far ahead: a duration (24h, 2d) or a number of steps.", valueName: "span"))
  public var horizon: String = "24h"

  @Option(
    name: .customLong("data"),
    help: ArgumentHelp(
      "Observations newer than the training window (same step): the schedule starts after them.",
      valueName: "file"))
  public var recentFile: String?

  @Option(
    name: .customLong("events"),
    help: ArgumentHelp(
      "Planned events in the horizon (promotions by a known name, or with a 'lift').",
      valueName: "file"))
  public var eventsFile: String?

  @OptionGroup(title: "Policy") public var policy: ScalingPolicyOptions

  @Option(
    help: ArgumentHelp(
      "Interval length of the schedule (default: the model's step); a multiple or a divisor "
        + "of the step.",
      valueName: "span"),
    transform: { try PolicyParsing.seconds($0, option: "--granularity") })
  public var granularity: Int64?

  @Option(
    help: ArgumentHelp(
      "The decision time (default: the end of the data); the schedule starts with the "
        + "interval that holds it.",
      valueName: "timestamp"))
  public var now: String?

  @Option(help: ArgumentHelp("Output format.", valueName: "format"))
  public var format: RecommendationFormat = .text

  @Option(name: .customLong("out"), help: ArgumentHelp("Write here.", valueName: "file"))
  public var outputFile: String?

  public init() {}

  public func validate() throws {
    if granularity == 0 { throw ValidationError("--granularity: must be positive") }
  }

  public func run() async throws {
    let fitted = try ModelLoading.read(model, registry: registry.registry)
    let step = fitted.training.step
    let horizonSeconds = Int64(try HorizonParsing.steps(horizon, step: step)) * step
    let recent = try recentFile.map { try ModelLoading.recent($0, model: fitted) }
    var planned: [Event] = []
    if let eventsFile {
      try InputFile.requireReadable(eventsFile)
      planned = try EventsCSV.read(path: eventsFile, timeZone: fitted.training.timeZone)
    }
    let clock = try LocalClock(identifier: fitted.training.timeZone)
    let instant = try now.map { try PolicyParsing.instant($0, option: "--now", clock: clock) }
    let resolved = policy.policy(stepSeconds: step)
    let result = try Recommender(policy: resolved, granularitySeconds: granularity).recommend(
      model: fitted, recent: recent, plannedEvents: planned, horizonSeconds: horizonSeconds,
      now: instant)
    let document = try RecommendationDocument(
      result: result, model: fitted, modelName: Self.modelName(model), policy: resolved,
      capacity: policy.capacityPerReplica, horizonSeconds: horizonSeconds)
    let text: String
    switch format {
    case .text: text = RecommendationText.render(document)
    case .json: text = try JSONOutput.encode(document) + "\n"
    case .keda: text = try JSONOutput.encode(KEDAMetricDocument(document)) + "\n"
    case .hpa: text = try HPAPatch.render(document, clock: clock)
    }
    try ModelLoading.emit(Data(text.utf8), to: outputFile)
  }

  /// The model's file name without directory and `.json`: `Models/traffic-1h.json` →
  /// `traffic-1h`.
  static func modelName(_ path: String) -> String {
    let file = URL(fileURLWithPath: path).lastPathComponent
    return file.hasSuffix(".json") ? String(file.dropLast(5)) : file
  }
}

/// `--format` of `recommend`.
public enum RecommendationFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
  case text, json, keda, hpa
}
