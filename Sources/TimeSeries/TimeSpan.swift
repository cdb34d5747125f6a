/// A positive whole number of seconds written with a unit: `90s`, `5m`, `1h`, `7d`, `2w`.
///
/// Named `TimeSpan` so as not to shadow the standard library's `Duration`. Months and years are
/// not offered: they have no fixed length in seconds, and `Series` steps are absolute.
public struct TimeSpan: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Length in seconds (> 0).
  public let seconds: Int64

  /// A span of `seconds` (> 0).
  public init?(seconds: Int64) {
    guard seconds > 0 else { return nil }
    self.seconds = seconds
  }

  /// Units from the largest down, as used by `description`.
  static let units: [(suffix: Character, seconds: Int64)] = [
    ("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1),
  ]

  /// Parses `<positive integer><unit>` with unit `s`, `m`, `h`, `d` or `w`.
  /// - Throws: `TimeSpanError` for a missing or unknown unit, zero, a sign, or overflow.
  public init(parsing text: String) throws(TimeSpanError) {
    switch try TimeAmount(parsing: text, allowingSteps: false) {
    case .span(let span): self = span
    case .steps: throw TimeSpanError(text: text, "missing unit (use s, m, h, d or w, e.g. 5m)")
    }
  }

  /// The shortest exact spelling: `300` s → `5m`, `90` s → `90s`, `172800` s → `2d`.
  public var description: String {
    for unit in Self.units where seconds % unit.seconds == 0 {
      return "\(seconds / unit.seconds)\(unit.suffix)"
    }
    return "\(seconds)s"
  }

  public static func < (a: TimeSpan, b: TimeSpan) -> Bool { a.seconds < b.seconds }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do {
      try self.init(parsing: text)
    } catch {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  /// Encoded as its `description`, e.g. `"5m"`, so JSON stays readable.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A length given either as a time span or, where the caller allows it, as a bare count of
/// steps (`--horizon 48` meaning 48 steps of the series).
public enum TimeAmount: Sendable, Hashable, CustomStringConvertible {
  case span(TimeSpan)
  case steps(Int)

  /// Parses `5m`-style spans and, when `allowingSteps`, plain positive integers as step counts.
  public init(parsing text: String, allowingSteps: Bool) throws(TimeSpanError) {
    let trimmed = text.trimmingSpaces
    guard !trimmed.isEmpty else { throw TimeSpanError(text: text, "empty duration") }
    if trimmed.first == "-" || trimmed.first == "+" {
      throw TimeSpanError(text: text, "a duration must be a positive number without a sign")
    }
    let digitCount = trimmed.prefix { $0.isASCII && $0.isNumber }.count
    guard digitCount > 0 else {
      throw TimeSpanError(text: text, "expected a number followed by a unit, e.g. 5m or 1h")
    }
    guard let count = Int64(trimmed.prefix(digitCount)) else {
      throw TimeSpanError(text: text, "number too large")
    }
    guard count > 0 else { throw TimeSpanError(text: text, "a duration must be positive") }
    let unitText = trimmed.dropFirst(digitCount)
    if unitText.isEmpty {
      guard allowingSteps else {
        throw TimeSpanError(text: text, "missing unit (use s, m, h, d or w, e.g. 5m)")
      }
      guard let steps = Int(exactly: count) else {
        throw TimeSpanError(text: text, "number too large")
      }
      self = .steps(steps)
      return
    }
    guard unitText.count == 1,
      let unit = TimeSpan.units.first(where: { $0.suffix == unitText.first })
    else {
      throw TimeSpanError(
        text: text, "unknown unit '\(unitText)' (use s, m, h, d or w, e.g. 5m)")
    }
    let (seconds, overflow) = count.multipliedReportingOverflow(by: unit.seconds)
    // Beyond ~292 billion years Int64 overflows; anything near that is a typo anyway.
    guard !overflow, let span = TimeSpan(seconds: seconds) else {
      throw TimeSpanError(text: text, "number too large")
    }
    self = .span(span)
  }

  /// Length in seconds, given the series step that a step count refers to.
  public func seconds(step: Int64) -> Int64 {
    switch self {
    case .span(let span): return span.seconds
    case .steps(let n): return Int64(n) * step
    }
  }

  public var description: String {
    switch self {
    case .span(let span): return span.description
    case .steps(let n): return "\(n)"
    }
  }
}

/// A malformed duration such as `0m`, `-5m` or `5x`.
public struct TimeSpanError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The text as given.
  public var text: String
  public var message: String

  public init(text: String, _ message: String) {
    self.text = text
    self.message = message
  }

  /// `invalid duration '5x': unknown unit 'x' (…)`.
  public var description: String { "invalid duration '\(text)': \(message)" }
}

extension String {
  /// The string without leading and trailing spaces and tabs (Foundation-free).
  var trimmingSpaces: Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return self[first...last]
  }
}
