import TestSupport
import Testing

@testable import TimeSeries

@Suite("Timestamp parsing and formatting")
struct TimestampParsingTests {
  func parse(_ text: String) -> ParsedTime {
    Array(text.utf8).withUnsafeBufferPointer { parseTimestamp($0, 0, $0.count) }
  }

  func wall(_ y: Int, _ m: Int, _ d: Int, _ s: Int = 0) -> Int64 {
    Int64(CivilDate(y, m, d).daysSinceEpoch) * 86_400 + Int64(s)
  }

  @Test func layouts() {
    let t = wall(2025, 1, 31, 13 * 3600 + 5 * 60)
    #expect(parse("2025-01-31T13:05:00Z") == .instant(t))
    #expect(parse("2025-01-31t13:05:00z") == .instant(t))
    #expect(parse("2025-01-31T13:05Z") == .instant(t))
    #expect(parse("2025-01-31T22:05:00+09:00") == .instant(t))
    #expect(parse("2025-01-31T22:05:00+0900") == .instant(t))
    #expect(parse("2025-01-31T08:05:00-05") == .instant(t))
    #expect(parse("2025-01-31T13:35:00+00:30") == .instant(t))
    #expect(parse("2025-01-31 13:05") == .wall(t))
    #expect(parse("2025-01-31 13:05:00") == .wall(t))
    #expect(parse("2025-01-31T13:05:00.123456") == .wall(t))
    #expect(parse("2025-01-31T13:04:59,5Z") == .instant(t))
    #expect(parse("2025-01-31") == .date(CivilDate(2025, 1, 31).daysSinceEpoch))
    #expect(parse("1738328700") == .integer(t))
    #expect(parse("1738328700.25") == .instant(t))
    #expect(parse("42") == .integer(42))
  }

  @Test func validation() {
    #expect(parse("2024-02-29") == .date(CivilDate(2024, 2, 29).daysSinceEpoch))
    #expect(parse("2000-02-29") != .failure(.malformed))
    func outOfRange(_ component: String, _ value: Int, _ range: String) -> ParsedTime {
      .failure(.outOfRange(component: component, value: value, range: range))
    }
    #expect(parse("1900-02-29") == outOfRange("day", 29, "1–28"))
    #expect(parse("2025-00-10") == outOfRange("month", 0, "1–12"))
    #expect(parse("2025-04-31") == outOfRange("day", 31, "1–30"))
    for bad in ["2025-1-01", "2025-01-01T1:00", "2025-01-01T10", "2025-01-01X10:00",
      "2025-01-01T10:00:", "2025-01-01T10:00.", "2025-01-01T10:00+5:00", "-",
      "2025-01-01T10:00 Z", "1e9", "abc"]
    {
      #expect(parse(bad) == .failure(.malformed), "\(bad)")
    }
    #expect(parse("1234567890123456789") == .failure(.tooLarge))
    #expect(parse("20250101") == .integer(20_250_101))  // compact dates read as integers
  }

  @Test func publicParseAndFormat() throws {
    let seoul = try clock("Asia/Seoul")
    let t = try Timestamp.parse("2025-01-01 00:00", clock: seoul)
    #expect(t == epoch("2024-12-31T15:00:00Z"))
    #expect(Timestamp.format(t, clock: seoul) == "2025-01-01T00:00:00+09:00")
    #expect(Timestamp.format(t) == "2024-12-31T15:00:00Z")
    #expect(try Timestamp.parse("1735689600") == epoch("2025-01-01T00:00:00Z"))
    #expect(throws: TimestampError.self) { try Timestamp.parse("17") }
    #expect(throws: TimestampError.self) { try Timestamp.parse("2025-02-30") }
    let kathmandu = try clock("Asia/Kathmandu")
    #expect(Timestamp.format(t, clock: kathmandu) == "2024-12-31T20:45:00+05:45")
    let ny = try clock("America/New_York")
    #expect(throws: TimestampError.self) { try Timestamp.parse("2025-03-09 02:30", clock: ny) }
  }

  /// Seeded sweep: format then parse gives the instant back, in zones with odd offsets.
  @Test(arguments: ["UTC", "Asia/Seoul", "America/New_York", "Asia/Kathmandu"])
  func formatParseRoundTrip(_ identifier: String) throws {
    let zone = try clock(identifier)
    var random = SplitMix64(seed: 7)
    for _ in 0..<2_000 {
      let t = Int64.random(in: 0...4_000_000_000, using: &random)
      let text = Timestamp.format(t, clock: zone)
      #expect(try Timestamp.parse(text) == t, "\(text)")
    }
  }
}
