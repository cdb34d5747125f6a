/// A timestamp that could not be read, outside a data file (e.g. a `--start` option).
public struct TimestampError: Error, Sendable, Equatable, CustomStringConvertible {
  public var text: String
  /// One line, already naming the text.
  public var message: String
  public var description: String { message }
}

/// Parsing and formatting of single timestamps, shared by the CSV readers and the CLI.
public enum Timestamp {
  /// Parses one timestamp to epoch seconds.
  ///
  /// Accepts what the series reader accepts: ISO 8601 with `Z` or an offset (absolute), naive
  /// `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]` (wall time on `clock`; an error where DST makes it missing
  /// or ambiguous), `YYYY-MM-DD` (the start of that local day) and epoch seconds (> 1e8).
  public static func parse(_ text: String, clock: LocalClock = .utc) throws(TimestampError)
    -> Int64
  {
    var bytes = Array(text.utf8)
    // Same trimming as CSV fields.
    while bytes.last == 0x20 || bytes.last == 0x09 { bytes.removeLast() }
    let lead = bytes.prefix { $0 == 0x20 || $0 == 0x09 }.count
    let parsed = bytes.withUnsafeBufferPointer { parseTimestamp($0, lead, $0.count) }
    switch parsed {
    case .integer(let value) where abs(value) > epochThreshold:
      return value
    case .integer:
      throw TimestampError(
        text: text, message: "'\(text)' is too small to be epoch seconds (expected > 1e8)")
    default:
      switch resolveTime(parsed, text: text, clock: clock) {
      case .success(let instant): return instant
      case .failure(let problem): throw TimestampError(text: text, message: problem.message)
      }
    }
  }

  /// Bare integers above this magnitude are epoch seconds (1e8 s ≈ 1973-03-03); smaller ones
  /// are step indices, which need a step to mean anything.
  public static let epochThreshold: Int64 = 100_000_000

  /// ISO 8601 with the clock's offset at that instant, e.g. `2025-01-01T00:00:00+09:00`, or
  /// `…Z` where the offset is zero.
  public static func format(_ instant: Int64, clock: LocalClock = .utc) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(25)
    appendISO(instant, clock: clock, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `format(instant, clock:)` as UTF-8 without building a String (for writers).
  public static func appendISO(_ instant: Int64, clock: LocalClock, to out: inout [UInt8]) {
    let local = clock.localTime(at: instant)
    appendDigits(local.date.year, 4, &out)
    out.append(UInt8(ascii: "-"))
    appendDigits(local.date.month, 2, &out)
    out.append(UInt8(ascii: "-"))
    appendDigits(local.date.day, 2, &out)
    out.append(UInt8(ascii: "T"))
    appendDigits(local.secondOfDay / 3600, 2, &out)
    out.append(UInt8(ascii: ":"))
    appendDigits(local.secondOfDay / 60 % 60, 2, &out)
    out.append(UInt8(ascii: ":"))
    appendDigits(local.secondOfDay % 60, 2, &out)
    let offset = local.utcOffset
    if offset == 0 {
      out.append(UInt8(ascii: "Z"))
      return
    }
    out.append(UInt8(ascii: offset < 0 ? "-" : "+"))
    let magnitude = abs(offset)
    appendDigits(magnitude / 3600, 2, &out)
    out.append(UInt8(ascii: ":"))
    appendDigits(magnitude / 60 % 60, 2, &out)
    // Historic zones had offsets with seconds (LMT); ISO 8601 extended format allows ±HH:MM:SS.
    if magnitude % 60 != 0 {
      out.append(UInt8(ascii: ":"))
      appendDigits(magnitude % 60, 2, &out)
    }
  }

  private static func appendDigits(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var v = value
    if v < 0 || v >= divisor * 10 {  // years outside 0…9999: write all digits
      out.append(contentsOf: String(v).utf8)
      return
    }
    while divisor > 0 {
      out.append(UInt8(0x30 + v / divisor))
      v %= divisor
      divisor /= 10
    }
  }
}

/// Turns a parsed field into an instant; naive wall times go through the clock. Integers are
/// the caller's business (their meaning depends on the whole column).
func resolveTime(
  _ parsed: ParsedTime, text: String, clock: LocalClock
) -> Result<Int64, FieldProblem> {
  switch parsed {
  case .instant(let t):
    return .success(t)
  case .date(let days):
    return .success(clock.startOfDay(CivilDate(daysSinceEpoch: days)))
  case .wall(let wall):
    return resolveWall(wall, text: text, clock: clock)
  case .integer(let value):
    return .success(value)
  case .failure(let failure):
    return .failure(FieldProblem(failure.message(for: text)))
  }
}

/// A naive wall time on `clock`, refusing (never guessing) missing and ambiguous times.
func resolveWall(_ wall: Int64, text: String, clock: LocalClock) -> Result<Int64, FieldProblem> {
  switch clock.resolve(wall: wall) {
  case .unique(let t):
    return .success(t)
  case .missing(let transition):
    return .failure(FieldProblem(
      "'\(text)' does not exist in \(clock.identifier): clocks jumped forward at "
        + "\(Timestamp.format(transition)); write timestamps with a UTC offset"))
  case .ambiguous(let earlier, let later):
    return .failure(FieldProblem(
      "'\(text)' is ambiguous in \(clock.identifier): it occurs at "
        + "\(Timestamp.format(earlier, clock: clock)) and \(Timestamp.format(later, clock: clock))"
        + "; write timestamps with a UTC offset"))
  }
}

/// A message about one field, completed into a `DataError` by the caller who knows the line.
struct FieldProblem: Error, Sendable {
  var message: String
  init(_ message: String) { self.message = message }
}
