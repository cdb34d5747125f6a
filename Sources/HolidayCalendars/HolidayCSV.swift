/// The plain CSV form of a holiday table: `date,name,substitute`.
///
/// `date` is `YYYY-MM-DD`, `name` is snake_case (`[a-z0-9_]+`), `substitute` is `0` or `1`.
/// The first line is exactly the header; no quoting, no comments, blank lines only at the end.
/// This is the format of `Datasets/calendars/*.csv` and of the tables built into this module.
public enum HolidayCSV {
  /// The required first line.
  public static let header = "date,name,substitute"

  /// Parses a table, keeping the order of its rows.
  ///
  /// - Throws: ``HolidayCalendarError/malformedCSV(line:reason:)`` naming the first bad line.
  /// - Complexity: O(n) in the length of `text`.
  public static func parse(_ text: String) throws(HolidayCalendarError) -> [Holiday] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first, first == header else {
      throw .malformedCSV(line: 1, reason: "expected the header \"\(header)\"")
    }
    var result: [Holiday] = []
    result.reserveCapacity(lines.count)
    var sawBlank = false
    for (index, line) in lines.enumerated().dropFirst() {
      let number = index + 1
      if line.isEmpty {
        sawBlank = true
        continue
      }
      if sawBlank { throw .malformedCSV(line: number, reason: "row after a blank line") }
      result.append(try parseRow(line, line: number))
    }
    return result
  }

  /// Renders holidays as a table that ``parse(_:)`` reads back, one row per holiday, in the
  /// given order, ending with a newline.
  public static func render(_ holidays: [Holiday]) -> String {
    var text = header + "\n"
    for holiday in holidays {
      text += "\(holiday.date),\(holiday.name),\(holiday.isSubstitute ? 1 : 0)\n"
    }
    return text
  }

  private static func parseRow(_ row: Substring, line: Int) throws(HolidayCalendarError)
    -> Holiday
  {
    let fields = row.split(separator: ",", omittingEmptySubsequences: false)
    guard fields.count == 3 else {
      throw .malformedCSV(line: line, reason: "expected 3 fields, found \(fields.count)")
    }
    guard let date = parseDate(fields[0]) else {
      throw .malformedCSV(line: line, reason: "invalid date \"\(fields[0])\"")
    }
    let name = fields[1]
    let nameIsValid = !name.isEmpty && name.utf8.allSatisfy { byte in
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
    guard nameIsValid else {
      throw .malformedCSV(line: line, reason: "invalid name \"\(name)\" (want [a-z0-9_]+)")
    }
    let isSubstitute: Bool
    switch fields[2] {
    case "0": isSubstitute = false
    case "1": isSubstitute = true
    default:
      throw .malformedCSV(line: line, reason: "substitute must be 0 or 1, not \"\(fields[2])\"")
    }
    return Holiday(date: date, name: String(name), isSubstitute: isSubstitute)
  }

  /// `YYYY-MM-DD` with a real calendar date (so `2023-02-29` is rejected).
  private static func parseDate(_ text: Substring) -> CivilDate? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let date = CivilDate(year, month, day)
    // Round-tripping through the day count normalises 31 April to 1 May; reject such dates.
    guard CivilDate(daysSinceEpoch: date.daysSinceEpoch) == date else { return nil }
    return date
  }
}
