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
    // Split on the newline byte: splitting the String by Character runs grapheme breaking
    // over every byte of the ~1,000-row built-in tables at each process start.
    let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .map { Substring($0) }
    guard let first = lines.first, first == header else {
      throw .malformedCSV(line: 1, reason: "expected the header \"\(header)\"")
    }
    var result: [Holiday] = []
    result.reserveCapacity(lines.count)
    var sawBlank = false
    var names: [Substring: String] = [:]
    for (index, line) in lines.enumerated().dropFirst() {
      let number = index + 1
      if line.isEmpty {
        sawBlank = true
        continue
      }
      if sawBlank { throw .malformedCSV(line: number, reason: "row after a blank line") }
      // Well-formed rows (every row of the built-in tables, parsed at each process start) take
      // a byte-level path; anything it does not accept is re-read by `parseRow`, which names
      // the problem.
      if let holiday = Self.parseWellFormedRow(line, names: &names) {
        result.append(holiday)
      } else {
        result.append(try parseRow(line, line: number))
      }
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

  /// `YYYY-MM-DD,name,0|1` read from the bytes without splitting, or nil when the row is not
  /// exactly that (the caller then reports why). Names repeat every year, so each distinct one
  /// is allocated once.
  private static func parseWellFormedRow(_ row: Substring, names: inout [Substring: String])
    -> Holiday?
  {
    let bytes = row.utf8
    guard bytes.count >= 14 else { return nil }
    var digits: [Int] = []
    digits.reserveCapacity(8)
    var index = bytes.startIndex
    for position in 0..<11 {
      let byte = bytes[index]
      switch position {
      case 4, 7:
        guard byte == UInt8(ascii: "-") else { return nil }
      case 10:
        guard byte == UInt8(ascii: ",") else { return nil }
      default:
        guard (48...57).contains(byte) else { return nil }
        digits.append(Int(byte) - 48)
      }
      index = bytes.index(after: index)
    }
    let nameStart = index
    var nameEnd = index
    while nameEnd < bytes.endIndex, bytes[nameEnd] != UInt8(ascii: ",") {
      let byte = bytes[nameEnd]
      guard (97...122).contains(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "_")
      else { return nil }
      nameEnd = bytes.index(after: nameEnd)
    }
    guard nameEnd > nameStart, nameEnd < bytes.endIndex,
      bytes.index(nameEnd, offsetBy: 2) == bytes.endIndex
    else { return nil }
    let flag = bytes[bytes.index(after: nameEnd)]
    guard flag == UInt8(ascii: "0") || flag == UInt8(ascii: "1") else { return nil }
    let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
    let month = digits[4] * 10 + digits[5]
    let day = digits[6] * 10 + digits[7]
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    let date = CivilDate(year, month, day)
    guard CivilDate(daysSinceEpoch: date.daysSinceEpoch) == date else { return nil }
    let key = Substring(bytes[nameStart..<nameEnd])
    let name: String
    if let known = names[key] {
      name = known
    } else {
      name = String(key)
      names[key] = name
    }
    return Holiday(date: date, name: name, isSubstitute: flag == UInt8(ascii: "1"))
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
