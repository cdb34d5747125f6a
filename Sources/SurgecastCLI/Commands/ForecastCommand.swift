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

      Examples:
        surgecast forecast --model traffic-1h --horizon 7d
        surgecast forecast --model traffic-1h@v1 --registry Models --horizon 2d
        surgecast forecast --model m.json --horizon 7d --format summary
        surgecast forecast --model m.json --horizon 48h --data recent.csv \\
          --events planned.csv --quantiles 0.1,0.5,0.9,0.99 --format json --out f.json
      """)

  @Option(
    help: ArgumentHelp(
      "A model file written by 'surgecast fit --out', or a registry model NAME[@VERSION] "
        + "(latest version by default).",
      valueName: "model"))
  public var model: String

  @OptionGroup(title: "Registry") public var registry: RegistryOptions

  @Option(
    help: ArgumentHelp(
      "How far ahead: a duration (90m, 48h, 7d, 2w) or a number of steps.", valueName: "span"))
  public var horizon: String

  @Option(
    name: .customLong("data"),
    help: ArgumentHelp(
      "Observations newer than the training window (same step): the forecast starts after "
        + "them and its short-term correction uses them, without refitting.",
      valueName: "file"))
  public var recentFile: String?

  @Option(
    name: .customLong("events"),
    help: ArgumentHelp(
      "Planned events in the horizon (promotions by a known name, or with a 'lift').",
      valueName: "file"))
  public var eventsFile: String?

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

  public init() {}

  public func run() async throws {
    let fitted = try ModelLoading.read(model, registry: registry.registry)
    let steps = try HorizonParsing.steps(horizon, step: fitted.training.step)
    let recent = try recentFile.map {
      try ModelLoading.recent($0, model: fitted)
    }
    var planned: [Event] = []
    if let eventsFile {
      try InputFile.requireReadable(eventsFile)
      planned = try EventsCSV.read(path: eventsFile, timeZone: fitted.training.timeZone)
    }
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
    return Int(seconds / step)
  }
}

/// Model, recent data and output plumbing shared by the commands that use a model.
enum ModelLoading {
  /// Reads `--model`: a file when the text names an existing file, contains a `/` or ends in
  /// `.json`; otherwise a registry reference `NAME[@VERSION]`.
  static func read(_ model: String, registry: ModelRegistry) throws -> FittedModel {
    if isPath(model) {
      try InputFile.requireReadable(model)
      return try ModelFile.read(path: model)
    }
    return try registry.read(ModelReference(parsing: model)).model
  }

  static func isPath(_ model: String) -> Bool {
    model.contains("/") || model.hasSuffix(".json") || FileManager.default.fileExists(atPath: model)
  }

  /// Recent observations on the model's grid and zone.
  static func recent(_ path: String, model: FittedModel) throws -> Series {
    try InputFile.requireReadable(path)
    let options = SeriesReadOptions(
      timeZone: model.training.timeZone, step: TimeSpan(seconds: model.training.step))
    let ingestion = try SeriesCSV.read(path: path, options: options)
    let named = ingestion.series.first { $0.name == model.training.series }
    guard let series = named ?? (ingestion.series.count == 1 ? ingestion.series.first : nil)
    else {
      throw DataError(file: path, "no series named '\(model.training.series)' in the file")
    }
    var zoned = series
    zoned.timeZone = model.training.timeZone
    return zoned
  }

  static func emit(_ data: Data, to path: String?) throws {
    if let path {
      try AtomicFile.write(data, to: path)
    } else {
      StandardStreams.writeOutput(String(decoding: data, as: UTF8.self))
    }
  }
}
