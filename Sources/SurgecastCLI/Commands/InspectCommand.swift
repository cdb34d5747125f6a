import ArgumentParser
import Foundation
import TimeSeries

/// `surgecast inspect`: what is in a data file (and an events file) before fitting anything.
public struct InspectCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Summarise a series CSV (step, span, gaps, range) and check an events file.",
    discussion: """
      Per series: the step (inferred from the most common gap unless --step is given), the \
      first and last timestamp in --timezone, rows, slots of the regular grid, gaps (runs of \
      missing slots), the missing share, and min/mean/max of the present values. With \
      --events: occurrences per kind and per name, and the events outside the data span.

      Examples:
        surgecast inspect --data Datasets/traffic-5m.csv \\
          --events Datasets/events.csv --timezone Asia/Seoul
        surgecast inspect --data train.csv --step 1h --format json --out inspect.json
      """)

  @OptionGroup(title: "Data") public var data: DataOptions
  @OptionGroup(title: "Events") public var events: EventsOptions
  @OptionGroup(title: "Output") public var output: OutputOptions

  public init() {}

  public func run() async throws {
    let clock = try data.clock()
    try InputFile.requireReadable(data.dataFile)
    if let eventsFile = events.eventsFile { try InputFile.requireReadable(eventsFile) }

    var ingestion = try SeriesCSV.read(path: data.dataFile, options: try data.readOptions())
    if !data.seriesNames.isEmpty { ingestion = try Self.select(data.seriesNames, ingestion) }
    let eventList = try events.eventsFile.map {
      (file: $0, records: try EventsCSV.readRecords(path: $0, timeZone: data.timezone))
    }
    let report = InspectReport(
      dataFile: data.dataFile, ingestion: ingestion, events: eventList, clock: clock)
    switch output.format {
    case .text: try output.emit(report.text)
    case .json: try output.emit(try JSONOutput.encode(report))
    }
  }

  /// Keeps the series named by `--series`, in the order given.
  static func select(_ names: [String], _ ingestion: IngestionResult) throws -> IngestionResult {
    var selected = ingestion
    selected.series = []
    selected.stats = []
    for name in names {
      guard let index = ingestion.series.firstIndex(where: { $0.name == name }) else {
        let known = ingestion.series.prefix(5).map(\.name).joined(separator: ", ")
        let more = ingestion.series.count > 5 ? ", …" : ""
        throw ValidationError("--series: no series named '\(name)' (the file has \(known)\(more))")
      }
      selected.series.append(ingestion.series[index])
      selected.stats.append(ingestion.stats[index])
    }
    return selected
  }
}
