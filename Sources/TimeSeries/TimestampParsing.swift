/// A timestamp field as written, before any time-zone interpretation.
enum ParsedTime: Sendable, Equatable {
  /// An absolute instant (an ISO 8601 time with `Z` or an offset, or decimal epoch seconds).
  case instant(Int64)
  /// A naive wall-clock time, as seconds since 1970-01-01T00:00 on the local clock; it needs a
  /// zone (`LocalClock.resolve`) to become an instant.
  case wall(Int64)
  /// A date without a time (`YYYY-MM-DD`), as days since 1970-01-01.
  case date(Int)
  /// A bare integer: epoch seconds or a step index, which only the whole column can tell.
  case integer(Int64)
  case failure(TimestampFailure)
}

/// Why a timestamp field could not be read.
enum TimestampFailure: Sendable, Equatable {
  case malformed
  /// A component outside its range, e.g. `("month", 13, "1–12")`.
  case outOfRange(component: String, value: Int, range: String)
  /// A plain number too small to be epoch seconds but not an integer step index either.
  case smallDecimal
  case tooLarge

  func message(for text: String) -> String {
    switch self {
    case .malformed:
      return "'\(text)' is not a timestamp (expected ISO 8601 such as 2025-01-31T13:05:00Z, "
        + "2025-01-31 13:05, 2025-01-31, or epoch seconds)"
    case .outOfRange(let component, let value, let range):
      return "'\(text)': \(component) \(value) is out of range (\(range))"
    case .smallDecimal:
      return "'\(text)' is a fraction too small to be epoch seconds"
    case .tooLarge:
      return "'\(text)' is too large for a timestamp"
    }
  }
}

/// Days in `month` of `year` (proleptic Gregorian).
@inline(__always)
func daysInMonth(_ year: Int, _ month: Int) -> Int {
  switch month {
  case 2:
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    return leap ? 29 : 28
  case 4, 6, 9, 11: return 30
  default: return 31
  }
}

/// Hand-written byte-level timestamp parser: no Strings, no Foundation, no allocation.
///
/// Accepts `YYYY-MM-DD`, then optionally `T`/`t`/space, `HH:MM`, optional `:SS`, optional
/// fraction (`.` or `,` then digits), then optionally `Z`/`z` or an offset `±HH:MM`, `±HHMM`,
/// `±HH` or `±HH:MM:SS`. Fractions are rounded to the nearest second because `Series` has
/// one-second resolution (exports often write `.000`, or jitter by milliseconds). Also accepts plain
/// integers (`.integer`) and decimals beyond 1e8 (epoch seconds with a fraction, rounded).
@inline(__always)
func parseTimestamp(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ParsedTime {
  let n = end - start
  guard n > 0 else { return .failure(.malformed) }
  if n >= 10 && b[start + 4] == UInt8(ascii: "-") && b[start + 7] == UInt8(ascii: "-") {
    return parseISO(b, start, end)
  }
  return parseEpochNumber(b, start, end)
}

/// Reads `count` ASCII digits at `at`, or -1 if any is not a digit.
@inline(__always)
private func digits(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int {
  var value = 0
  for k in 0..<count {
    let d = b[at + k] &- 0x30
    if d >= 10 { return -1 }
    value = value * 10 + Int(d)
  }
  return value
}

@inline(__always)
private func parseISO(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ParsedTime {
  let year = digits(b, start, 4)
  let month = digits(b, start + 5, 2)
  let day = digits(b, start + 8, 2)
  guard year >= 0, month >= 0, day >= 0 else { return .failure(.malformed) }
  guard month >= 1 && month <= 12 else {
    return .failure(.outOfRange(component: "month", value: month, range: "1–12"))
  }
  let monthDays = daysInMonth(year, month)
  guard day >= 1 && day <= monthDays else {
    return .failure(.outOfRange(component: "day", value: day, range: "1–\(monthDays)"))
  }
  let days = CivilDate(year, month, day).daysSinceEpoch
  var i = start + 10
  if i == end { return .date(days) }

  let separator = b[i]
  guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20,
    end - i >= 6, b[i + 3] == UInt8(ascii: ":")
  else { return .failure(.malformed) }
  let hour = digits(b, i + 1, 2)
  let minute = digits(b, i + 4, 2)
  guard hour >= 0, minute >= 0 else { return .failure(.malformed) }
  i += 6
  var second = 0
  if i < end && b[i] == UInt8(ascii: ":") {
    guard end - i >= 3 else { return .failure(.malformed) }
    second = digits(b, i + 1, 2)
    guard second >= 0 else { return .failure(.malformed) }
    i += 3
  }
  guard hour <= 23 else {
    return .failure(.outOfRange(component: "hour", value: hour, range: "0–23"))
  }
  guard minute <= 59 else {
    return .failure(.outOfRange(component: "minute", value: minute, range: "0–59"))
  }
  guard second <= 59 else {
    return .failure(.outOfRange(component: "second", value: second, range: "0–59"))
  }
  var roundUp = 0
  if i < end && (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",")) {
    i += 1
    let fractionStart = i
    while i < end && b[i] &- 0x30 < 10 { i += 1 }
    guard i > fractionStart else { return .failure(.malformed) }
    roundUp = b[fractionStart] >= UInt8(ascii: "5") ? 1 : 0
  }
  let wall = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second + roundUp)
  if i == end { return .wall(wall) }

  let zone = b[i]
  if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
    return i + 1 == end ? .instant(wall) : .failure(.malformed)
  }
  guard zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") else {
    return .failure(.malformed)
  }
  i += 1
  let rest = end - i
  // `±HH:MM:SS` is what `Timestamp.format` writes for historic (LMT) offsets with seconds.
  guard rest == 2 || rest == 4 || rest == 5 || rest == 8 else { return .failure(.malformed) }
  let offsetHours = digits(b, i, 2)
  var offsetMinutes = 0
  var offsetSeconds = 0
  if rest == 4 {
    offsetMinutes = digits(b, i + 2, 2)
  } else if rest >= 5 {
    guard b[i + 2] == UInt8(ascii: ":") else { return .failure(.malformed) }
    offsetMinutes = digits(b, i + 3, 2)
    if rest == 8 {
      guard b[i + 5] == UInt8(ascii: ":") else { return .failure(.malformed) }
      offsetSeconds = digits(b, i + 6, 2)
      guard offsetSeconds <= 59 else { return .failure(.malformed) }
    }
  }
  guard offsetHours >= 0, offsetMinutes >= 0, offsetSeconds >= 0 else {
    return .failure(.malformed)
  }
  // Real offsets span −12:00…+14:00; ±18:00 is the conventional hard limit.
  guard offsetHours <= 18 else {
    return .failure(.outOfRange(component: "offset hour", value: offsetHours, range: "0–18"))
  }
  guard offsetMinutes <= 59 else {
    return .failure(
      .outOfRange(component: "offset minute", value: offsetMinutes, range: "0–59"))
  }
  let offset = Int64(offsetHours * 3600 + offsetMinutes * 60 + offsetSeconds)
  return .instant(zone == UInt8(ascii: "+") ? wall - offset : wall + offset)
}

/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the instants of four-digit ISO 8601 years.
let earliestEpochSecond: Int64 = -62_135_596_800
let latestEpochSecond: Int64 = 253_402_300_799

/// Plain numbers: integers (epoch seconds or step index) and decimals (epoch seconds only).
private func parseEpochNumber(
  _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
) -> ParsedTime {
  var i = start
  let negative = b[i] == UInt8(ascii: "-")
  if negative || b[i] == UInt8(ascii: "+") { i += 1 }
  let digitsStart = i
  var value: Int64 = 0
  while i < end {
    let d = b[i] &- 0x30
    guard d < 10 else { break }
    // 18 digits always fit in Int64; more is no plausible timestamp.
    guard i - digitsStart < 18 else { return .failure(.tooLarge) }
    value = value * 10 + Int64(d)
    i += 1
  }
  guard i > digitsStart else { return .failure(.malformed) }
  // Epoch seconds beyond years 1…9999 would print as timestamps (`606617-12-04T…`) that no
  // reader, this one included, accepts back; no step index is that large either.
  guard value <= (negative ? -earliestEpochSecond : latestEpochSecond) else {
    return .failure(.tooLarge)
  }
  if i == end { return .integer(negative ? -value : value) }
  guard b[i] == UInt8(ascii: ".") else { return .failure(.malformed) }
  i += 1
  let fractionStart = i
  while i < end && b[i] &- 0x30 < 10 { i += 1 }
  guard i == end else { return .failure(.malformed) }
  guard value > 100_000_000 else { return .failure(.smallDecimal) }
  if i > fractionStart && b[fractionStart] >= UInt8(ascii: "5") { value += 1 }
  return .instant(negative ? -value : value)
}
