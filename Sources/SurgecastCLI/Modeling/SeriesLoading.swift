import ArgumentParser
import Foundation
import PrometheusSource
import TimeSeries

/// Reads the series of `DataOptions` (a CSV file or a Prometheus range query) and the events
/// file, for every command that takes `--data`.
enum SeriesLoading {
  struct Loaded {
    var series: Series
    /// False for integer-index timestamps, whose weekdays and dates mean nothing.
    var hasCalendar: Bool
  }

  /// The one series a single-series command works on.
  static func single(_ data: DataOptions) throws -> Loaded {
    let all = try every(data)
    guard all.series.count == 1, let series = all.series.first else {
      let names = all.series.prefix(3).map(\.name).joined(separator: ", ")
      throw ValidationError(
        "\(data.dataFile) holds \(all.series.count) series (\(names), …); "
          + "choose one with --series NAME")
    }
    return Loaded(series: series, hasCalendar: all.hasCalendar)
  }

  /// Every series of the input (or those chosen with `--series`), in input order, in the zone
  /// of `--timezone`.
  static func every(_ data: DataOptions) throws -> (series: [Series], hasCalendar: Bool) {
    let ingestion = try ingest(data)
    let series = ingestion.series.map { series in
      var zoned = series
      zoned.timeZone = data.timezone
      return zoned
    }
    let indexed =
      data.file != nil && data.step != nil && data.start == nil
      && (ingestion.stats.first?.first ?? 0) < 100_000_000
    return (series, !indexed)
  }

  /// The series and their stats, from the file or from Prometheus, filtered by `--series`.
  static func ingest(_ data: DataOptions) throws -> IngestionResult {
    var ingestion: IngestionResult
    if let url = try data.prometheus.serverURL() {
      ingestion = try fromPrometheus(url, data)
    } else {
      let file = data.dataFile
      try InputFile.requireReadable(file)
      ingestion = try SeriesCSV.read(path: file, options: try data.readOptions())
    }
    if !data.seriesNames.isEmpty {
      ingestion = try SeriesSelection.select(data.seriesNames, ingestion)
    }
    return ingestion
  }

  private static func fromPrometheus(_ url: URL, _ data: DataOptions) throws -> IngestionResult {
    let clock = try data.clock()
    guard let expression = data.prometheus.query, let startText = data.start,
      let endText = data.prometheus.end, let step = data.step
    else { throw InternalError("--prometheus passed validation without its options") }
    let start: Int64
    let end: Int64
    do {
      start = try Timestamp.parse(startText, clock: clock)
      end = try Timestamp.parse(endText, clock: clock)
    } catch {
      throw InternalError("--start/--end passed validation but do not parse: \(error)")
    }
    guard step.seconds > 0, end >= start else {
      throw ValidationError("--end must not be before --start")
    }
    let query = PrometheusQuery(
      server: url, expression: expression, start: start, end: end, step: step.seconds)
    let series = try PrometheusClient().fetch(query, timeZone: data.timezone)
    return IngestionResult(
      series: series, stats: series.map { IngestionStats(describing: $0, stepWasGiven: true) })
  }

  static func events(_ options: EventsOptions, timeZone: String) throws -> [Event] {
    try events(file: options.eventsFile, timeZone: timeZone)
  }

  /// The events of an optional events file (none without one), read in `timeZone` after
  /// checking that the file is readable, so a missing file exits 66 like every input.
  static func events(file: String?, timeZone: String) throws -> [Event] {
    guard let file else { return [] }
    try InputFile.requireReadable(file)
    return try EventsCSV.read(path: file, timeZone: timeZone)
  }
}
