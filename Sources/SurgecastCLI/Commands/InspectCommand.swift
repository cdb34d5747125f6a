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
        surgecast inspect --prometheus http://localhost:9090 \\
          --query 'sum by (region) (rate(http_requests_total[5m]))' \\
          --start 2025-06-01T00:00Z --end 2025-06-30T23:55Z --step 5m
      """)

  @OptionGroup(title: "Data") public var data: DataOptions
  @OptionGroup(title: "Events") public var events: EventsOptions
  @OptionGroup(title: "Output") public var output: OutputOptions

  public init() {}

  public func run() async throws {
    let clock = try data.clock()
    if let eventsFile = events.eventsFile { try InputFile.requireReadable(eventsFile) }
    let ingestion = try SeriesLoading.ingest(data)
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
}
