import ArgumentParser
import Foundation
import ModelRegistry
import Modeling
import TimeSeries

/// `surgecast retrain`: refit a registered model on new data, and keep the result only if it
/// forecasts the most recent data about as well as the old one.
public struct RetrainCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "retrain",
    abstract: "Refit a registry model on new data; store it only if it is not worse.",
    discussion: """
      Refits with the model's resolved spec (every automatic choice of the first fit kept) on \
      the new window, then compares old and new on the last --origins windows of --horizon \
      of the new data, which must lie after the old model's training window: the old model \
      forecasts each window as it stands (its short-term correction fed with the new \
      observations), the new spec is refitted at each origin on the data before it. Both \
      are scored by MASE. The new version is written only if its mean MASE is not worse by \
      more than --max-regression, and if the new data are consistent with the old model: \
      the old model forecasts the whole span after its training window, and when more than \
      half of the new observations lie above its 99% quantile (or below its 1%) at a median \
      level beyond --max-level-change times its median forecast, the data are refused as a \
      likely unit or scaling error (one that covers the newest data too would otherwise \
      pass the MASE comparison). --force writes it anyway; the comparison is printed either \
      way, and a refusal exits with 65 and leaves the registry unchanged.

      Examples:
        surgecast retrain --model traffic-1h --data new-traffic-1h.csv \\
          --events Datasets/events.csv --timezone Asia/Seoul
        surgecast retrain --model web@v3 --registry /srv/models --data web.csv \\
          --horizon 7d --origins 4 --max-regression 2%
      """)

  @Option(help: ArgumentHelp("Registry model NAME or NAME@VERSION to retrain.", valueName: "model"))
  public var model: String

  @OptionGroup(title: "Registry") public var registry: RegistryOptions
  @OptionGroup(title: "Data") public var data: DataOptions
  @OptionGroup(title: "Events") public var events: EventsOptions

  @Option(
    help: ArgumentHelp(
      "Length of each comparison window: a duration (24h, 7d) or a number of steps.",
      valueName: "span"))
  public var horizon = "1d"

  @Option(help: ArgumentHelp("Number of comparison windows.", valueName: "K"))
  public var origins = 7

  @Option(
    name: .customLong("max-regression"),
    help: ArgumentHelp(
      "Largest tolerated relative worsening of mean MASE (5% or 0.05).", valueName: "share"),
    transform: RetrainCommand.parseShare)
  public var maxRegression = 0.05

  @Option(
    name: .customLong("max-level-change"),
    help: ArgumentHelp(
      "Largest tolerated change of level (either way) of the new data against the old "
        + "model's forecast, when most of them also leave its 98% band (3 or 3x).",
      valueName: "factor"),
    transform: RetrainCommand.parseFactor)
  public var maxLevelChange = LevelDrift.defaultMaxLevelChange

  @Flag(help: "Store the new version even if a guard refuses it.") public var force = false

  @OptionGroup(title: "Output") public var output: OutputOptions

  public init() {}

  public func validate() throws {
    guard origins >= 1 else { throw ValidationError("--origins: must be at least 1") }
    _ = try ModelReference(parsing: model)
  }

  static func parseShare(_ text: String) throws -> Double {
    let percent = text.hasSuffix("%")
    guard let number = Double(percent ? String(text.dropLast()) : text), number.isFinite,
      number >= 0
    else {
      throw ValidationError("--max-regression: '\(text)' is not a share such as 5% or 0.05")
    }
    return percent ? number / 100 : number
  }

  static func parseFactor(_ text: String) throws -> Double {
    let digits = text.hasSuffix("x") ? String(text.dropLast()) : text
    guard let factor = Double(digits), factor.isFinite, factor > 1 else {
      throw ValidationError("--max-level-change: '\(text)' is not a factor above 1 such as 3")
    }
    return factor
  }

  public func run() async throws {
    let registry = registry.registry
    let reference = try ModelReference(parsing: model)
    let stored = try registry.read(reference)
    let old = stored.model
    let loaded = try SeriesLoading.every(data)
    let named = loaded.series.first { $0.name == old.training.series }
    guard let series = named ?? (loaded.series.count == 1 ? loaded.series.first : nil) else {
      throw ValidationError(
        "\(data.dataFile) has no series named '\(old.training.series)'; choose one with --series")
    }
    let eventList = try SeriesLoading.events(events, timeZone: data.timezone)
    let steps = try HorizonParsing.steps(horizon, step: series.step)
    let comparison = try RetrainComparison(
      old: old, series: series, events: eventList, hasCalendar: loaded.hasCalendar,
      horizon: steps, origins: origins)
    let drift = try LevelDrift(
      old: old, series: series, events: eventList, maxLevelChange: maxLevelChange)
    let accepted = comparison.regression <= maxRegression && drift.consistent
    var written: Int?
    if accepted || force {
      var fitted = try old.spec.asSpec.fit(
        series, events: eventList, hasCalendar: loaded.hasCalendar)
      fitted.training.series = old.training.series
      written = try registry.publish(
        fitted, as: reference.name,
        metrics: [
          "retrain.parentVersion": Double(stored.version),
          "retrain.oldMASE": comparison.oldMASE, "retrain.newMASE": comparison.newMASE,
          "retrain.origins": Double(origins), "retrain.horizonSteps": Double(steps),
          "retrain.drift.shareAbove": drift.shareAbove, "retrain.drift.shareBelow": drift.shareBelow,
        ])
    }
    let report = RetrainReport(
      model: stored.label, comparison: comparison, drift: drift, maxRegression: maxRegression,
      accepted: accepted, forced: force && !accepted,
      written: written.map { "\(reference.name)@v\($0)" }, clock: try data.clock())
    switch output.format {
    case .text: try output.emit(report.text)
    case .json: try output.emit(try JSONOutput.encode(report))
    }
    if written == nil { throw RetrainRefusal(report: report) }
  }
}

/// A guard refused the new version (exit 65: the new data are suspect or make a worse model).
struct RetrainRefusal: ReportableError, CustomStringConvertible {
  var report: RetrainReport
  var exitCode: SurgecastExitCode { .dataError }
  var description: String {
    var reasons: [String] = []
    if !report.drift.consistent {
      reasons.append(
        "the new data are inconsistent with \(report.model): they run at "
          + "\(report.drift.summary) (a unit or scaling error?)")
    }
    if report.regression > report.maxRegression {
      reasons.append(
        "mean MASE \(RetrainReport.format(report.newMASE)) vs "
          + "\(RetrainReport.format(report.oldMASE)) is "
          + "\(NumberFormatting.percent(report.regression)) worse "
          + "(limit \(NumberFormatting.percent(report.maxRegression)))")
    }
    return "retrain refused: " + reasons.joined(separator: "; and ")
      + "; the registry is unchanged (--force writes it anyway)"
  }
}
