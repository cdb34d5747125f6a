import Foundation

/// Reading and writing series CSV files (`timestamp,value`, Prophet's `ds,y`, M4's
/// `series,t,value`).
public enum SeriesCSV {
  /// Header names accepted for each role, compared case-insensitively. `t` is M4's step index;
  /// `unique_id` is what Nixtla's libraries call the series column.
  static let timestampNames = ["timestamp", "ds", "t", "time"]
  static let valueNames = ["value", "y"]
  static let seriesNames = ["series", "unique_id"]

  /// Reads a series CSV file into regular series with explicit `.nan` gaps.
  ///
  /// Rows of different series may interleave (as a database export sorted by time writes
  /// them); within one series timestamps must increase, unless `options.unsorted` is `.sort`.
  /// Series come out in order of first appearance. Columns other than timestamp, value and
  /// series are ignored, so exports with extra columns need no preprocessing.
  ///
  /// Cost: one pass over the bytes with no per-row allocation (a String is built only when the
  /// series name changes), then one pass per series; memory about 20 bytes per row plus the
  /// output. Every user-data problem throws a `DataError` naming file, line and field.
  public static func read(path: String, options: SeriesReadOptions = .init()) throws
    -> IngestionResult
  {
    try parse(readFileBytes(path), file: path, options: options)
  }

  /// Like `read(path:options:)`, for bytes already in memory; `file` names them in errors and
  /// gives single-series files their name (its stem).
  public static func parse(_ data: Data, file: String, options: SeriesReadOptions = .init())
    throws -> IngestionResult
  {
    let clock = try LocalClock(identifier: options.timeZone)
    return try data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var reader = RowReader(bytes: bytes, file: file, options: options, clock: clock)
      try reader.readAll()
      var series: [Series] = []
      var stats: [IngestionStats] = []
      for buffer in reader.buffers {
        let assembled = try assemble(
          buffer, file: file, field: reader.layout.timestampName, options: options, clock: clock)
        series.append(assembled.series)
        stats.append(assembled.stats)
      }
      return IngestionResult(series: series, stats: stats)
    }
  }

  /// The file name without directory and extension: `data/web.csv` → `web`.
  static func stem(of file: String) -> String {
    let base = file.split(separator: "/").last.map(String.init) ?? file
    guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
    return String(base[..<dot])
  }
}

/// Where the roles sit in a header.
struct ColumnLayout {
  var count: Int
  var timestamp: Int
  var value: Int
  var series: Int?
  /// The header's own spelling, so errors name the column as the user wrote it.
  var timestampName: String
  var valueName: String
  var seriesName: String

  init(header: [String], file: String, looksLikeData: Bool) throws {
    var timestamp: Int?
    var value: Int?
    var series: Int?
    func claim(_ slot: inout Int?, _ index: Int, _ role: String) throws {
      if let existing = slot {
        throw DataError(
          file: file, line: 1, field: header[index],
          "two \(role) columns ('\(header[existing])' and '\(header[index])')")
      }
      slot = index
    }
    for (index, name) in header.enumerated() {
      let key = name.lowercased()
      if SeriesCSV.timestampNames.contains(key) { try claim(&timestamp, index, "timestamp") }
      if SeriesCSV.valueNames.contains(key) { try claim(&value, index, "value") }
      if SeriesCSV.seriesNames.contains(key) { try claim(&series, index, "series") }
    }
    if timestamp == nil && value == nil && series == nil && looksLikeData {
      throw DataError(
        file: file, line: 1,
        "missing header: the first line looks like data; add a header line such as "
          + "timestamp,value")
    }
    guard let timestamp else {
      throw DataError(
        file: file, line: 1, field: "timestamp",
        "missing required column (header has \(header.joined(separator: ",")); expected one of "
          + SeriesCSV.timestampNames.joined(separator: ", ") + ")")
    }
    guard let value else {
      throw DataError(
        file: file, line: 1, field: "value",
        "missing required column (header has \(header.joined(separator: ",")); expected one of "
          + SeriesCSV.valueNames.joined(separator: ", ") + ")")
    }
    self.count = header.count
    self.timestamp = timestamp
    self.value = value
    self.series = series
    self.timestampName = header[timestamp]
    self.valueName = header[value]
    self.seriesName = series.map { header[$0] } ?? "series"
  }
}

/// The rows of one series as read, before sorting, merging and gridding.
struct SeriesBuffer {
  var name: String
  var times: [Int64] = []
  var values: [Double] = []
  /// Physical line of each row, for errors found after reading (duplicates, grid).
  var lines: [Int32] = []
}
