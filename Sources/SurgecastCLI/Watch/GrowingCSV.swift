import Foundation
import TimeSeries

/// A series CSV that another process keeps appending to (`watch --data FILE --follow`).
///
/// Each poll re-reads the file up to its last complete line with the strict reader (so a bad
/// row is reported by file and line as everywhere else) and hands over the slots newer than
/// those already seen. A half-written last line is left for the next poll. Re-reading is
/// O(file) per poll; at a 5-minute step a year of data is ~4 MB, read in milliseconds.
struct GrowingCSV {
  let path: String
  let options: SeriesReadOptions
  /// The series to follow in a multi-series file (nil: the file's only series).
  let seriesName: String?
  /// Start of the last slot handed over.
  private(set) var lastTime: Int64?

  init(path: String, options: SeriesReadOptions, seriesName: String?) {
    self.path = path
    self.options = options
    self.seriesName = seriesName
  }

  /// Slots (start, value) newer than the last poll's, oldest first; empty when nothing new.
  mutating func poll() throws -> [(time: Int64, value: Double)] {
    let bytes: Data
    do {
      bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CommandError.inputUnreadable(path: path, reason: error.localizedDescription)
    }
    guard let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
    let complete = bytes[bytes.startIndex...lastNewline]
    // A header alone is not a series yet.
    guard complete.filter({ $0 == UInt8(ascii: "\n") }).count >= 2 else { return [] }
    let ingestion = try SeriesCSV.parse(Data(complete), file: path, options: options)
    let chosen = ingestion.series.first { $0.name == seriesName }
    guard let series = chosen ?? (ingestion.series.count == 1 ? ingestion.series.first : nil)
    else {
      throw DataError(file: path, "no series named '\(seriesName ?? "")' in the file")
    }
    var fresh: [(time: Int64, value: Double)] = []
    for (index, value) in series.values.enumerated() {
      let time = series.start + Int64(index) * series.step
      if let lastTime, time <= lastTime { continue }
      fresh.append((time, value))
    }
    if let last = fresh.last { lastTime = last.time }
    return fresh
  }
}
