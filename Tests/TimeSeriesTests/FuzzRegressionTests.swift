import Foundation
import Testing

@testable import TimeSeries

/// Inputs found by the libFuzzer targets in `Fuzz/` (`make fuzz`), kept so a fix stays fixed.
/// Each case names the target that found it.
@Suite struct FuzzRegressionTests {
  /// fuzz-timestamps: `0001-01-01` in New York is 00:00 at the LMT offset −04:56:02; `format`
  /// wrote `…-04:56:02`, which `parse` refused, so a written timestamp could not be read back.
  @Test func historicOffsetWithSecondsRoundTrips() throws {
    for zone in ["America/New_York", "Asia/Seoul"] {
      let clock = try LocalClock(identifier: zone)
      let instant = try Timestamp.parse("0001-01-01", clock: clock)
      let printed = Timestamp.format(instant, clock: clock)
      #expect(printed.hasPrefix("0001-01-01T00:00:00"))
      #expect(try Timestamp.parse(printed, clock: clock) == instant, "\(zone): \(printed)")
    }
    #expect(try Timestamp.parse("2025-01-01T00:00:00+08:27:52") == epoch("2024-12-31T15:32:08Z"))
    #expect(throws: TimestampError.self) { try Timestamp.parse("2025-01-01T00:00:00+08:27:60") }
    #expect(throws: TimestampError.self) { try Timestamp.parse("2025-01-01T00:00:00+08:2752") }
  }
}

extension FuzzRegressionTests {
  /// fuzz-timestamps: epoch seconds `19080845458379` were accepted as the year 606617, which
  /// `format` prints and nothing reads back. Epoch seconds now stop at years 1…9999.
  @Test func epochSecondsBeyondYear9999AreRefused() throws {
    #expect(try Timestamp.parse("253402300799") == 253_402_300_799)
    #expect(try Timestamp.parse("-62135596800") == -62_135_596_800)
    for text in ["19080845458379", "253402300800", "-62135596801", "253402300800.4"] {
      #expect(throws: TimestampError.self, "\(text)") { try Timestamp.parse(text) }
    }
    expectDataError(line: 3, field: "timestamp", "too large") {
      _ = try ingest("timestamp,value\n1735689600,1\n19080845458379,2\n")
    }
  }
}
