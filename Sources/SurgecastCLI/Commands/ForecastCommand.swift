import ArgumentParser
import Forecasting
import Foundation
import ModelRegistry
import Modeling
import TimeSeries

/// `surgecast forecast`: the coming minutes to weeks from a fitted model.
public struct ForecastCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "forecast",
    abstract: "Forecast traffic with calibrated quantiles from a fitted model.",
    discussion: """
      Columns: timestamp (in the model's zone), forecast (the expected count), one column per \
      quantile named by percent (p10, p50, p90, …) and, with --components, the additive \
      contribution of each component on the model's scale (trend, seasonality:daily, …, \
      short_term). Quantiles come from the model's own rolling-origin errors at each lead.

      Several series: --model NAME where the registry holds NAME.SERIES models (what \
      'fit --name NAME' stores for several series), or a pattern such as 'web.api-*', \
      forecasts every model (its latest version) in parallel into one output: CSV with a \
      leading 'series' column, JSON keyed by series ({"series": {…}, "models": {…}, \
      "failures": {…}}), or one summary per series. The models must share one step and time \
      zone; --data may then hold several series (a 'series' column). A model that fails is \
      reported on stderr and the others are written (exit 2).

      Recent observations come from --data or from Prometheus: --prometheus URL --query \
      PROMQL --end T reads the range from the end of the training window to --end on the \
      model's step (a series per label set, matched to the model's series by name).

      Examples:
        surgecast forecast --model traffic-1h --horizon 7d
        surgecast forecast --model traffic-1h@v1 --registry Models --horizon 2d
        surgecast forecast --model m.json --horizon 7d --format summary
        surgecast forecast --model m.json --horizon 48h --data recent.csv \\
          --events planned.csv --quantiles 0.1,0.5,0.9,0.99 --format json --out f.json
        surgecast forecast --model web --registry /srv/models --horizon 1d \\
          --data recent.csv
        surgecast forecast --model 'web.api-*' --horizon 6h \\
          --prometheus http://localhost:9090 --query 'sum by (service) (up)' \\
          --end 2025-08-01T12:00Z
      """)

  @Option(
    help: ArgumentHelp(
      "A model file written by 'surgecast fit --out', a registry model NAME[@VERSION] "
        + "(latest version by default), or a group: NAME of NAME.* models, or a pattern.",
      valueName: "model"))
  public var model: String

  @OptionGroup(title: "Registry") public var registry: RegistryOptions

  @Option(
    help: ArgumentHelp(
      "How far ahead: a duration (90m, 48h, 7d, 2w) or a number of steps.", valueName: "span"))
  public var horizon: String

  @OptionGroup public var inputs: ForecastInputOptions

  @Option(
    help: ArgumentHelp("Comma-separated quantile levels in (0, 1).", valueName: "levels"),
    transform: QuantileList.parse)
  public var quantiles: [Double] = [0.1, 0.5, 0.9, 0.95, 0.99]

  @Flag(help: "Add the contribution of each component.") public var components = false

  @Option(
    help: ArgumentHelp(
      "Output format: csv, json, or summary (the peak, its hour and its interval).",
      valueName: "format"))
  public var format: TableFormat = .csv

  @Option(name: .customLong("out"), help: ArgumentHelp("Write here.", valueName: "file"))
  public var outputFile: String?

  @Flag(help: "No progress bar for a group of models.") public var quiet = false

  public init() {}

  public func run() async throws {
    let registry = registry.registry
    switch try ModelSelection.resolve(model, registry: registry) {
    case .file(let path):
      try forecastOne(try ModelLoading.read(path, registry: registry))
    case .one(let reference):
      try forecastOne(try registry.read(reference).model)
    case .group(let names):
      try await forecastGroup(names, registry: registry)
    }
  }

  private func forecastOne(_ fitted: FittedModel) throws {
    let steps = try HorizonParsing.steps(horizon, step: fitted.training.step)
    let recent = try inputs.recentData()?.series(for: fitted)
    let planned = try SeriesLoading.events(
      file: inputs.eventsFile, timeZone: fitted.training.timeZone)
    let forecast = try fitted.forecast(
      ForecastRequest(
        horizon: steps, recent: recent, plannedEvents: planned, quantiles: quantiles,
        components: components))
    let data: Data
    switch format {
    case .csv: data = try ForecastEncoding.csv(forecast)
    case .json: data = try ForecastEncoding.json(forecast)
    case .summary: data = Data(try ForecastSummary.text(forecast, series: fitted.training.series).utf8)
    }
    try ModelLoading.emit(data, to: outputFile)
  }

  private func forecastGroup(_ names: [String], registry: ModelRegistry) async throws {
    let group = try await ModelGroup.prepare(
      names: names, registry: registry, recent: try inputs.recentData(),
      eventsFile: inputs.eventsFile)
    var outcome = ModelGroup.Outcome<Forecast>(results: [], failures: [])
    if !group.isEmpty {
      let request = ForecastRequest(
        horizon: try HorizonParsing.steps(horizon, step: group.step), quantiles: quantiles,
        components: components)
      outcome = await group.run(quiet: quiet) { input in
        var own = request
        own.recent = input.recent
        own.plannedEvents = input.plannedEvents
        return try input.model.forecast(own)
      }
    }
    // Nothing forecast: no output file, only the reasons.
    if !outcome.results.isEmpty {
      try ModelLoading.emit(try GroupForecastOutput.encode(outcome, format: format), to: outputFile)
    }
    try SeriesBatch.reportFailures(outcome.failures, total: names.count)
  }
}

/// `csv`, `json` or a human `summary`.
public enum TableFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
  case csv
  case json
  case summary
}

/// Parses `0.1,0.5,0.9` into levels strictly inside (0, 1), sorted and deduplicated.
enum QuantileList {
  static func parse(_ text: String) throws -> [Double] {
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    var levels: [Double] = []
    for part in parts {
      guard let value = Double(part), value > 0, value < 1 else {
        throw ValidationError("--quantiles: '\(part)' is not a level strictly between 0 and 1")
      }
      levels.append(value)
    }
    guard !levels.isEmpty else { throw ValidationError("--quantiles: give at least one level") }
    return Array(Set(levels)).sorted()
  }
}

/// Turns `--horizon` into a number of steps of the model.
enum HorizonParsing {
  /// Upper bound on a horizon: ten years of steps, so that a typo cannot allocate without end.
  static let maximumSeconds: Int64 = 10 * 366 * 86_400
  /// Upper bound on the steps of one forecast: its design holds a row of the model's columns
  /// per step (measured ~0.8 KB per step: ten years of 5-minute steps, 1,051,200, took 830 MB
  /// and 7.6 s), so two million steps stay under 2 GB; ten years of seconds would need 250 GB.
  static let maximumSteps = 2_000_000

  static func steps(_ text: String, step: Int64) throws -> Int {
    let amount: TimeAmount
    do {
      amount = try TimeAmount(parsing: text, allowingSteps: true)
    } catch {
      throw ValidationError("--horizon: \(error)")
    }
    let seconds = amount.seconds(step: step)
    guard seconds > 0 else { throw ValidationError("--horizon: must be positive") }
    guard seconds <= maximumSeconds else {
      throw ValidationError("--horizon: \(text) is longer than the 10-year limit")
    }
    guard seconds % step == 0 else {
      throw ValidationError(
        "--horizon: \(text) is not a whole number of the model's \(step)-second steps")
    }
    guard seconds / step <= Int64(maximumSteps) else {
      throw ValidationError(
        "--horizon: \(text) is \(seconds / step) steps of \(step) s; at most \(maximumSteps) "
          + "steps can be forecast at once")
    }
    return Int(seconds / step)
  }
}

/// Model, recent data and output plumbing shared by the commands that use a model.
enum ModelLoading {
  /// Reads one model named by `--model`: a file (see `isPath`), or a registry reference
  /// `NAME[@VERSION]`.
  static func read(_ model: String, registry: ModelRegistry) throws -> FittedModel {
    if isPath(model) {
      try InputFile.requireReadable(model)
      return try ModelFile.read(path: model)
    }
    return try registry.read(ModelReference(parsing: model)).model
  }

  /// Recent observations of a file on the model's grid and zone: the series named like its
  /// training series, or the only one.
  static func recent(_ path: String, model: FittedModel) throws -> Series {
    try RecentData(source: .file(path)).series(for: model)
  }

  /// Whether `--model` names a file: it names an existing file, contains a `/` or ends in
  /// `.json` (otherwise it is a registry reference).
  static func isPath(_ model: String) -> Bool {
    model.contains("/") || model.hasSuffix(".json") || FileManager.default.fileExists(atPath: model)
  }

  static func emit(_ data: Data, to path: String?) throws {
    if let path {
      try AtomicFile.write(data, to: path)
    } else {
      StandardStreams.writeOutput(String(decoding: data, as: UTF8.self))
    }
  }
}
