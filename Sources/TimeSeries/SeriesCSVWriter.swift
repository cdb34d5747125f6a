import Foundation

extension SeriesCSV {
  /// Encodes one series as `timestamp,value`: ISO 8601 times with the series' zone offset at
  /// each slot (`2025-01-01T00:00:00+09:00`), values that read back as exactly the same
  /// `Double`s, and empty values for missing slots.
  /// - Throws: `UnknownTimeZoneError` if the series' zone is unknown.
  public static func encode(_ series: Series) throws -> Data {
    try encode([series], withSeriesColumn: false)
  }

  /// Encodes several series as `series,timestamp,value`, one block per series.
  public static func encode(_ series: [Series]) throws -> Data {
    try encode(series, withSeriesColumn: true)
  }

  /// Writes `encode(series)` atomically to `path`.
  public static func write(_ series: Series, to path: String) throws {
    try AtomicFile.write(encode(series), to: path)
  }

  /// Writes `encode(series)` (with a series column) atomically to `path`.
  public static func write(_ series: [Series], to path: String) throws {
    try AtomicFile.write(encode(series), to: path)
  }

  private static func encode(_ all: [Series], withSeriesColumn: Bool) throws -> Data {
    var out: [UInt8] = []
    out.reserveCapacity(all.reduce(0) { $0 + $1.count } * 36 + 32)
    let header = withSeriesColumn ? "series,timestamp,value\n" : "timestamp,value\n"
    out.append(contentsOf: header.utf8)
    var clocks: [String: LocalClock] = [:]
    for series in all {
      let clock: LocalClock
      if let known = clocks[series.timeZone] {
        clock = known
      } else {
        clock = try LocalClock(identifier: series.timeZone)
        clocks[series.timeZone] = clock
      }
      let name = Array(csvQuoted(series.name).utf8)
      for (i, value) in series.values.enumerated() {
        if withSeriesColumn {
          out.append(contentsOf: name)
          out.append(UInt8(ascii: ","))
        }
        Timestamp.appendISO(series.time(at: i), clock: clock, to: &out)
        out.append(UInt8(ascii: ","))
        appendValue(value, to: &out)
        out.append(0x0A)
      }
    }
    return Data(out)
  }

  /// Integral values below 2^53 print as integers (`605`, not `605.0`): counts stay readable
  /// and diffable. Others use Swift's shortest round-trip representation, which `parseDecimal`
  /// reads back to the identical `Double`.
  static func appendValue(_ value: Double, to out: inout [UInt8]) {
    guard !value.isNaN else { return }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      var digits = Int64(value)
      if digits == 0 {
        out.append(0x30)
        return
      }
      if digits < 0 {
        out.append(UInt8(ascii: "-"))
        digits = -digits
      }
      // Digits are produced last first: reserve their bytes, then fill from the right.
      var width = 0
      var rest = digits
      while rest > 0 {
        width += 1
        rest /= 10
      }
      let end = out.count + width
      out.append(contentsOf: repeatElement(0x30, count: width))
      for k in 1...width {
        out[end - k] = UInt8(0x30 + digits % 10)
        digits /= 10
      }
      return
    }
    out.append(contentsOf: value.description.utf8)
  }

  /// RFC 4180 quoting, only where needed.
  public static func csvQuoted(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
