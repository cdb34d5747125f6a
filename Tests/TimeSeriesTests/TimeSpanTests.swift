import Foundation
import Testing

@testable import TimeSeries

@Suite("TimeSpan")
struct TimeSpanTests {
  @Test(arguments: [
    ("90s", 90), ("5m", 300), ("15m", 900), ("1h", 3600), ("48h", 172_800), ("7d", 604_800),
    ("2w", 1_209_600), (" 5m ", 300),
  ] as [(String, Int64)])
  func parses(_ text: String, _ seconds: Int64) throws {
    #expect(try TimeSpan(parsing: text).seconds == seconds)
  }

  @Test(arguments: [
    ("0m", "positive"), ("-5m", "without a sign"), ("5x", "unknown unit 'x'"),
    ("5", "missing unit"), ("", "empty"), ("m", "expected a number"),
    ("99999999999999999999m", "too large"), ("9999999999999999w", "too large"),
    ("5mm", "unknown unit 'mm'"), ("1.5h", "unknown unit '.5h'"),
  ])
  func rejects(_ text: String, _ fragment: String) {
    do {
      let span = try TimeSpan(parsing: text)
      Issue.record("'\(text)' parsed as \(span)")
    } catch {
      #expect(error.message.contains(fragment), "\(error)")
      #expect(error.description.hasPrefix("invalid duration '\(text)'"))
    }
  }

  @Test func bareIntegersAreStepCountsWhereAllowed() throws {
    #expect(try TimeAmount(parsing: "48", allowingSteps: true) == .steps(48))
    #expect(try TimeAmount(parsing: "48h", allowingSteps: true).seconds(step: 60) == 172_800)
    #expect(TimeAmount.steps(48).seconds(step: 3600) == 172_800)
    #expect(throws: TimeSpanError.self) { try TimeAmount(parsing: "0", allowingSteps: true) }
  }

  @Test func formatsWithTheShortestUnit() throws {
    let cases: [(Int64, String)] = [
      (300, "5m"), (90, "90s"), (3600, "1h"), (5400, "90m"), (86_400, "1d"), (172_800, "2d"),
      (604_800, "1w"), (1_209_600, "2w"), (1, "1s"), (90_000, "25h"),
    ]
    for (seconds, text) in cases {
      let span = try #require(TimeSpan(seconds: seconds))
      #expect(span.description == text)
      #expect(try TimeSpan(parsing: text) == span)
    }
    #expect(TimeSpan(seconds: 0) == nil)
  }

  @Test func codableAsText() throws {
    let span = try TimeSpan(parsing: "15m")
    let json = try JSONEncoder().encode([span])
    #expect(String(decoding: json, as: UTF8.self) == "[\"15m\"]")
    #expect(try JSONDecoder().decode([TimeSpan].self, from: json) == [span])
    #expect(throws: DecodingError.self) {
      _ = try JSONDecoder().decode([TimeSpan].self, from: Data("[\"0m\"]".utf8))
    }
  }
}
