/// How the timestamp column is written, fixed by its first row.
private enum TimestampMode {
  /// ISO 8601 dates and times (and decimal epoch seconds).
  case text
  /// Integers above 1e8: epoch seconds.
  case epoch
  /// Small integers: a step index, meaningful only with a given step.
  case stepIndex
}

/// The row loop of the series reader: tokenizes, parses timestamp and value, and appends each
/// row to its series' buffer. Kept free of allocation per row, since it runs millions of times.
struct RowReader {
  private var scanner: CSVScanner
  private let file: String
  private let options: SeriesReadOptions
  private let clock: LocalClock
  private(set) var layout: ColumnLayout
  private(set) var buffers: [SeriesBuffer] = []
  private var bufferIndex: [String: Int] = [:]
  private var mode: TimestampMode?
  private var modeLine = 0

  init(
    bytes: UnsafeBufferPointer<UInt8>, file: String, options: SeriesReadOptions,
    clock: LocalClock
  ) {
    scanner = CSVScanner(bytes: bytes, file: file)
    self.file = file
    self.options = options
    self.clock = clock
    // Replaced by `readAll` once the header is known.
    layout = ColumnLayout.placeholder
  }

  mutating func readAll() throws {
    var fields: [CSVField] = []
    fields.reserveCapacity(8)
    guard !scanner.atEndIgnoringBlankLines, try scanner.nextRecord(into: &fields) else {
      throw DataError(file: file, "file is empty (expected a header such as timestamp,value)")
    }
    let header = fields.map { scanner.text($0) }
    let first = fields.first.map { scanner.trimmed($0) } ?? (0, 0)
    let looksLikeData: Bool = {
      if case .failure = parseTimestamp(scanner.bytes, first.0, first.1) { return false }
      return true
    }()
    layout = try ColumnLayout(header: header, file: file, looksLikeData: looksLikeData)

    var currentBuffer = -1
    var currentName = (start: 0, end: 0)
    if layout.series == nil {
      buffers.append(SeriesBuffer(name: options.seriesName ?? SeriesCSV.stem(of: file)))
      currentBuffer = 0
    }
    var rows = 0
    while try scanner.nextRecord(into: &fields) {
      let line = scanner.recordLine
      if fields.count != layout.count {
        if fields.count == 1 && fields[0].isEmpty && !fields[0].wasQuoted {
          if scanner.atEndIgnoringBlankLines { break }
          throw DataError(file: file, line: line, "empty line")
        }
        throw DataError(
          file: file, line: line,
          "expected \(layout.count) fields as in the header, found \(fields.count)")
      }
      rows += 1
      if let seriesColumn = layout.series {
        let field = fields[seriesColumn]
        if currentBuffer < 0 || !scanner.equalBytes(field, currentName) {
          currentBuffer = try buffer(named: scanner.text(field), line: line)
          currentName = (field.start, field.end)
        }
      }
      let time = try timestamp(fields[layout.timestamp], line: line)
      let value = try self.value(fields[layout.value], line: line)
      buffers[currentBuffer].times.append(time)
      buffers[currentBuffer].values.append(value)
      buffers[currentBuffer].lines.append(Int32(clamping: line))
    }
    if rows == 0 {
      throw DataError(file: file, line: 2, "no data rows after the header")
    }
  }

  private mutating func buffer(named name: String, line: Int) throws -> Int {
    if let index = bufferIndex[name] { return index }
    guard !name.isEmpty else {
      throw DataError(file: file, line: line, field: layout.seriesName, "empty series name")
    }
    buffers.append(SeriesBuffer(name: name))
    bufferIndex[name] = buffers.count - 1
    return buffers.count - 1
  }

  @inline(__always)
  private mutating func timestamp(_ field: CSVField, line: Int) throws -> Int64 {
    let (start, end) = scanner.trimmed(field)
    let parsed = parseTimestamp(scanner.bytes, start, end)
    switch parsed {
    case .instant(let t):
      if mode == nil { setMode(.text, line) }
      guard mode != .stepIndex else { throw mixedFormats(field, line) }
      return t
    case .integer(let value):
      return try integerTimestamp(value, field, line)
    case .date(let days):
      if mode == nil { setMode(.text, line) }
      guard mode == .text else { throw mixedFormats(field, line) }
      return dailySlot(days)
    case .wall(let wall):
      if mode == nil { setMode(.text, line) }
      guard mode == .text else { throw mixedFormats(field, line) }
      switch resolveWall(wall, text: scanner.text(field), clock: clock) {
      case .success(let t): return t
      case .failure(let problem):
        throw DataError(file: file, line: line, field: layout.timestampName, problem.message)
      }
    case .failure(let failure):
      throw DataError(
        file: file, line: line, field: layout.timestampName,
        failure.message(for: scanner.text(field)))
    }
  }

  private mutating func setMode(_ newMode: TimestampMode, _ line: Int) {
    mode = newMode
    modeLine = line
  }

  private func mixedFormats(_ field: CSVField, _ line: Int) -> DataError {
    DataError(
      file: file, line: line, field: layout.timestampName,
      "'\(scanner.text(field))' is written differently from the first timestamp (line "
        + "\(modeLine)); use one format for the whole column")
  }

  private mutating func integerTimestamp(_ value: Int64, _ field: CSVField, _ line: Int) throws
    -> Int64
  {
    let large = value > Timestamp.epochThreshold || value < -Timestamp.epochThreshold
    if mode == nil { setMode(large ? .epoch : .stepIndex, line) }
    switch mode {
    case .epoch where large:
      return value
    case .stepIndex:
      guard let step = options.step else {
        throw DataError(
          file: file, line: line, field: layout.timestampName,
          "integer timestamps look like a step index (0, 1, 2, …): pass --step (e.g. "
            + "--step 1h) and optionally --start to give them a meaning")
      }
      let (offset, overflow) = value.multipliedReportingOverflow(by: step.seconds)
      let (time, overflow2) = (options.start ?? 0).addingReportingOverflow(offset)
      guard !overflow, !overflow2 else {
        throw DataError(
          file: file, line: line, field: layout.timestampName,
          "step index \(value) × \(step) is out of range")
      }
      return time
    default:
      throw mixedFormats(field, line)
    }
  }

  /// Daily data (`YYYY-MM-DD`) sits at midnight *standard* time: local midnights are 23 or 25
  /// hours apart across DST, so they do not form a regular grid, whereas standard-time
  /// midnights are exactly 24 h apart and still fall on their own local date (reading 01:00 in
  /// summer). In UTC and zones without DST this is plain local midnight.
  @inline(__always)
  private func dailySlot(_ days: Int) -> Int64 {
    let midnight = Int64(days) * 86_400
    guard clock.hasTransitions else { return midnight - Int64(clock.utcOffset(at: midnight)) }
    return midnight - Int64(clock.standardOffset(at: midnight - 12 * 3600))
  }

  @inline(__always)
  private func value(_ field: CSVField, line: Int) throws -> Double {
    let (start, end) = scanner.trimmed(field)
    if start == end { return .nan }  // empty = missing
    switch parseDecimal(scanner.bytes, start, end) {
    case .success(let v):
      if v < 0 {
        throw DataError(
          file: file, line: line, field: layout.valueName,
          "negative value \(scanner.text(field)): counts cannot be negative")
      }
      return v + 0  // turns -0.0 into 0
    case .failure(let failure):
      throw DataError(
        file: file, line: line, field: layout.valueName,
        failure.message(for: scanner.text(field)))
    }
  }
}

extension ColumnLayout {
  /// A stand-in before the header has been read.
  static let placeholder = ColumnLayout(
    count: 0, timestamp: 0, value: 0, series: nil, timestampName: "timestamp",
    valueName: "value", seriesName: "series")

  private init(
    count: Int, timestamp: Int, value: Int, series: Int?, timestampName: String,
    valueName: String, seriesName: String
  ) {
    self.count = count
    self.timestamp = timestamp
    self.value = value
    self.series = series
    self.timestampName = timestampName
    self.valueName = valueName
    self.seriesName = seriesName
  }
}
