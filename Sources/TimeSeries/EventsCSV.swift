import Foundation

/// One event as read from a file, with what `Event` does not carry.
public struct EventRecord: Sendable, Equatable {
  public var event: Event
  /// The `scenario` column: alternatives of one plan share an event name but differ here
  /// (e.g. `baseline`, `aggressive`), so planners can group them. `nil` when absent or empty.
  public var scenario: String?
  /// The line the event came from, for messages about it later.
  public var line: Int

  public init(event: Event, scenario: String? = nil, line: Int) {
    self.event = event
    self.scenario = scenario
    self.line = line
  }
}

/// Reading events files in two formats, told apart by their header.
///
/// - Surgecast: `name,kind,start,end` plus optional `scale`, `lift`, `scenario`. `kind` is one
///   of holiday, promotion, incident, outage; `end` is exclusive; a date without a time is the
///   start of that day in the given zone; naive times are wall times there (an error where DST
///   makes them missing or ambiguous).
/// - Prophet holidays: `holiday,ds` plus optional `lower_window,upper_window` (other Prophet
///   columns such as `prior_scale` are ignored). Each row is a `holiday` covering the days
///   `ds+lower_window … ds+upper_window` inclusive, i.e. up to the next midnight.
public enum EventsCSV {
  /// Reads the events of a file, sorted by start then name.
  public static func read(path: String, timeZone: String = "UTC") throws -> [Event] {
    try readRecords(path: path, timeZone: timeZone).map(\.event)
  }

  /// Reads the events of a file with their scenario and line, sorted by start then name.
  public static func readRecords(path: String, timeZone: String = "UTC") throws
    -> [EventRecord]
  {
    try parse(readFileBytes(path), file: path, timeZone: timeZone)
  }

  /// Like `readRecords(path:timeZone:)`, for bytes in memory named `file` in errors.
  public static func parse(_ data: Data, file: String, timeZone: String = "UTC") throws
    -> [EventRecord]
  {
    let clock = try LocalClock(identifier: timeZone)
    var records = try data.withUnsafeBytes { raw in
      var reader = EventsReader(
        scanner: CSVScanner(bytes: raw.bindMemory(to: UInt8.self), file: file), clock: clock)
      return try reader.readAll()
    }
    records.sort {
      ($0.event.start, $0.event.name, $0.line) < ($1.event.start, $1.event.name, $1.line)
    }
    return records
  }
}

/// The row loop for events files; small files, so clarity over speed.
private struct EventsReader {
  var scanner: CSVScanner
  let clock: LocalClock
  var file: String { scanner.file }
  var columns: [String: Int] = [:]
  var header: [String] = []

  init(scanner: CSVScanner, clock: LocalClock) {
    self.scanner = scanner
    self.clock = clock
  }

  mutating func readAll() throws -> [EventRecord] {
    var fields: [CSVField] = []
    guard !scanner.atEndIgnoringBlankLines, try scanner.nextRecord(into: &fields) else {
      throw DataError(file: file, "file is empty (expected a header such as name,kind,start,end)")
    }
    header = fields.map { scanner.text($0) }
    for (index, name) in header.enumerated() where columns[name.lowercased()] == nil {
      columns[name.lowercased()] = index
    }
    let prophet = columns["holiday"] != nil && columns["ds"] != nil
    if !prophet {
      for required in ["name", "kind", "start", "end"] where columns[required] == nil {
        throw DataError(
          file: file, line: 1, field: required,
          "missing required column (header has \(header.joined(separator: ","))); expected "
            + "name,kind,start,end[,scale][,lift][,scenario] or Prophet's "
            + "holiday,ds[,lower_window,upper_window]")
      }
    }
    var records: [EventRecord] = []
    while try scanner.nextRecord(into: &fields) {
      let line = scanner.recordLine
      if fields.count != header.count {
        if fields.count == 1 && fields[0].isEmpty && scanner.atEndIgnoringBlankLines { break }
        throw DataError(
          file: file, line: line,
          "expected \(header.count) fields as in the header, found \(fields.count)")
      }
      let row = Row(fields: fields.map { scanner.text($0) }, line: line, reader: self)
      records.append(try prophet ? row.prophetEvent() : row.surgecastEvent())
    }
    if records.isEmpty {
      throw DataError(file: file, line: 2, "no events after the header")
    }
    return records
  }

  /// One data row, with field access by column name.
  struct Row {
    let fields: [String]
    let line: Int
    let reader: EventsReader

    func text(_ column: String) -> String? {
      guard let index = reader.columns[column] else { return nil }
      let value = fields[index].trimmingSpaces
      return value.isEmpty ? nil : String(value)
    }

    func error(_ column: String, _ message: String) -> DataError {
      let name = reader.columns[column].map { reader.header[$0] } ?? column
      return DataError(file: reader.file, line: line, field: name, message)
    }

    func required(_ column: String) throws -> String {
      guard let value = text(column) else { throw error(column, "empty value") }
      return value
    }

    func surgecastEvent() throws -> EventRecord {
      let name = try required("name")
      let kindText = try required("kind")
      guard let kind = EventKind(rawValue: kindText.lowercased()) else {
        throw error(
          "kind",
          "unknown kind '\(kindText)' (expected one of "
            + EventKind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
      }
      let start = try instant("start")
      let end = try instant("end")
      guard end > start else {
        throw error("end", "end \(try required("end")) is not after start \(try required("start"))")
      }
      let scale = try positive("scale", meaning: "a relative size such as 1 or 0.5") ?? 1
      let lift = try positive("lift", meaning: "a multiplicative lift such as 1.8 for +80%")
      let event = Event(name: name, kind: kind, start: start, end: end, scale: scale, lift: lift)
      return EventRecord(event: event, scenario: text("scenario"), line: line)
    }

    func prophetEvent() throws -> EventRecord {
      let name = try required("holiday")
      let dsText = try required("ds")
      let parsed = Array(dsText.utf8).withUnsafeBufferPointer {
        parseTimestamp($0, 0, $0.count)
      }
      guard case .date(let days) = parsed else {
        throw error("ds", "'\(dsText)' is not a date (expected YYYY-MM-DD)")
      }
      let lower = try window("lower_window", sign: -1)
      let upper = try window("upper_window", sign: 1)
      let day = CivilDate(daysSinceEpoch: days)
      let event = Event(
        name: name, kind: .holiday, start: reader.clock.startOfDay(day.adding(days: lower)),
        end: reader.clock.startOfDay(day.adding(days: upper + 1)))
      return EventRecord(event: event, line: line)
    }

    /// Prophet's windows: integers, `lower_window` ≤ 0 and `upper_window` ≥ 0; empty is 0.
    func window(_ column: String, sign: Int) throws -> Int {
      guard let text = text(column) else { return 0 }
      // Prophet's pandas output sometimes writes integers as `-1.0`.
      let number = Int(text) ?? Double(text).flatMap { $0 == $0.rounded() ? Int(exactly: $0) : nil }
      guard let number, abs(number) <= 3660 else {
        throw error(column, "'\(text)' is not a whole number of days")
      }
      guard number * sign >= 0 else {
        let rule = sign < 0 ? "≤ 0 (days before ds)" : "≥ 0 (days after ds)"
        throw error(column, "'\(text)' must be \(rule)")
      }
      return number
    }

    func instant(_ column: String) throws -> Int64 {
      let text = try required(column)
      let parsed = Array(text.utf8).withUnsafeBufferPointer { parseTimestamp($0, 0, $0.count) }
      if case .integer(let value) = parsed, abs(value) <= Timestamp.epochThreshold {
        throw error(column, "'\(text)' is too small to be epoch seconds")
      }
      switch resolveTime(parsed, text: text, clock: reader.clock) {
      case .success(let t): return t
      case .failure(let problem): throw error(column, problem.message)
      }
    }

    func positive(_ column: String, meaning: String) throws -> Double? {
      guard let text = text(column) else { return nil }
      guard let value = Double(text), value.isFinite, value > 0 else {
        throw error(column, "'\(text)' must be a positive number (\(meaning))")
      }
      return value
    }
  }
}
