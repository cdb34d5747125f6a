import ArgumentParser
import Autoscaling
import Foundation
import ModelRegistry
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

      Several series: --model NAME of NAME.SERIES registry models, or a pattern such as \
      'web.api-*', recommends for every model in parallel: text blocks per series, json as \
      {"recommendations": {SERIES: document}, "models": {…}, "failures": {…}, \
      "schema_version": 1} (each document as for one series; \
      docs/schemas/recommendation-group.schema.json), keda as {"series": {SERIES: …}} (a \
      scaler reads 'series.NAME.replicas'); hpa patches one autoscaler and takes one model. \
      Recent observations come from --data (a 'series' column for several) or from \
      --prometheus URL --query PROMQL --end T, as for forecast. A model that fails is \
      reported on stderr and the others are written (exit 2).

      Examples:
        surgecast recommend --model traffic-1h --horizon 24h \\
          --capacity-per-replica 1800
        surgecast recommend --model web --registry /srv/models --data recent.csv \\
          --capacity-per-replica 50/s --format keda --out keda.json
        surgecast recommend --model m.json --data recent.csv --events planned.csv \\
          --horizon 48h --capacity-per-replica 0.5/s --no-predictive-scale-in \\
          --now 2025-12-01T09:00:00+09:00 --format json --out rec.json
      """)

  @Option(
    help: ArgumentHelp(
      "A model file written by 'surgecast fit --out', a registry model NAME[@VERSION], or a "
        + "group: NAME of NAME.* models, or a pattern.",
      valueName: "model"))
  public var model: String

  @OptionGroup(title: "Registry") public var registry: RegistryOptions

  @Option(
    help: ArgumentHelp("How far ahead: a duration (24h, 2d) or a number of steps.", valueName: "span"))
  public var horizon: String = "24h"

  @OptionGroup public var inputs: ForecastInputOptions

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

  @Flag(help: "No progress bar for a group of models.") public var quiet = false

  public init() {}

  public func validate() throws {
    if granularity == 0 { throw ValidationError("--granularity: must be positive") }
  }

  public func run() async throws {
    let registry = registry.registry
    let recent = try inputs.recentData()
    switch try ModelSelection.resolve(model, registry: registry) {
    case .file(let path):
      try recommendOne(try ModelLoading.read(path, registry: registry), recent: recent)
    case .one(let reference):
      try recommendOne(try registry.read(reference).model, recent: recent)
    case .group(let names):
      guard format != .hpa else {
        throw ValidationError(
          "--format hpa patches one HorizontalPodAutoscaler: give one model, not the group "
            + "'\(model)' (or use json or keda)")
      }
      try await recommendGroup(names, registry: registry, recent: recent)
    }
  }

  private func recommendOne(_ fitted: FittedModel, recent: RecentData?) throws {
    let planned = try SeriesLoading.events(
      file: inputs.eventsFile, timeZone: fitted.training.timeZone)
    let job = try RecommendJob(self, step: fitted.training.step, zone: fitted.training.timeZone)
    let document = try job.document(
      fitted, recent: try recent?.series(for: fitted), planned: planned,
      name: Self.modelName(model))
    let text: String
    switch format {
    case .text: text = RecommendationText.render(document)
    case .json: text = try JSONOutput.encode(document) + "\n"
    case .keda: text = try JSONOutput.encode(KEDAMetricDocument(document)) + "\n"
    case .hpa: text = try HPAPatch.render(document, clock: try LocalClock(identifier: fitted.training.timeZone))
    }
    try ModelLoading.emit(Data(text.utf8), to: outputFile)
  }

  private func recommendGroup(_ names: [String], registry: ModelRegistry, recent: RecentData?)
    async throws
  {
    let group = try await ModelGroup.prepare(
      names: names, registry: registry, recent: recent, eventsFile: inputs.eventsFile)
    var outcome = ModelGroup.Outcome<RecommendationDocument>(results: [], failures: [])
    if !group.isEmpty {
      let job = try RecommendJob(self, step: group.step, zone: group.timeZone)
      outcome = await group.run(quiet: quiet) { input in
        try job.document(
          input.model, recent: input.recent, planned: input.plannedEvents,
          name: "\(input.member.name)@v\(input.member.version)")
      }
    }
    if !outcome.results.isEmpty {
      let text = try GroupRecommendationOutput.render(outcome, format: format)
      try ModelLoading.emit(Data(text.utf8), to: outputFile)
    }
    try SeriesBatch.reportFailures(outcome.failures, total: names.count)
  }

  /// How the document names the model: a registry reference as given (`traffic-1h@v1`), a
  /// file by its name without `.json` (`out/traffic-1h.json` → `traffic-1h`), and a file of
  /// a registry folder by name and version (`Models/traffic-1h/v1.json` → `traffic-1h@v1`).
  static func modelName(_ model: String) -> String {
    guard ModelLoading.isPath(model) else { return model }
    let url = URL(fileURLWithPath: model)
    let file = url.lastPathComponent
    let name = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
    let parent = url.deletingLastPathComponent().lastPathComponent
    let isVersion = name.first == "v" && name.dropFirst().allSatisfy(\.isNumber) && name.count > 1
    return isVersion && !parent.isEmpty ? "\(parent)@\(name)" : name
  }
}

/// `--format` of `recommend`.
public enum RecommendationFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
  case text, json, keda, hpa
}
