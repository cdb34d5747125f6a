import ArgumentParser
import TimeSeries

/// Reads the one series a single-series command works on, and the events file.
enum SeriesLoading {
  struct Loaded {
    var series: Series
    /// False for integer-index timestamps, whose weekdays and dates mean nothing.
    var hasCalendar: Bool
  }

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

  /// Every series of the file (or those chosen with `--series`), in file order, in the zone of
  /// `--timezone`.
  static func every(_ data: DataOptions) throws -> (series: [Series], hasCalendar: Bool) {
    try InputFile.requireReadable(data.dataFile)
    var ingestion = try SeriesCSV.read(path: data.dataFile, options: try data.readOptions())
    if !data.seriesNames.isEmpty {
      ingestion = try InspectCommand.select(data.seriesNames, ingestion)
    }
    let series = ingestion.series.map { series in
      var zoned = series
      zoned.timeZone = data.timezone
      return zoned
    }
    let indexed = data.step != nil && data.start == nil && (ingestion.stats.first?.first ?? 0) < 100_000_000
    return (series, !indexed)
  }

  static func events(_ options: EventsOptions, timeZone: String) throws -> [Event] {
    guard let file = options.eventsFile else { return [] }
    try InputFile.requireReadable(file)
    return try EventsCSV.read(path: file, timeZone: timeZone)
  }
}
