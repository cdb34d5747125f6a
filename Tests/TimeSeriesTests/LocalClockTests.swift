import TestSupport
import Foundation
import Testing

@testable import TimeSeries

@Suite("LocalClock")
struct LocalClockTests {
  @Test func unknownZoneIsAClearError() {
    #expect(throws: UnknownTimeZoneError(identifier: "Asia/Atlantis")) {
      _ = try LocalClock(identifier: "Asia/Atlantis")
    }
    #expect(UnknownTimeZoneError(identifier: "x").description.contains("IANA"))
  }

  @Test func seoulIsFixedPlusNineNowadays() throws {
    let seoul = try clock("Asia/Seoul")
    let local = seoul.localTime(at: epoch("2025-01-01T00:00:00Z"))
    #expect(local.date == CivilDate(2025, 1, 1) && local.secondOfDay == 9 * 3600)
    #expect(local.utcOffset == 32_400 && local.isoWeekday == 3)  // a Wednesday
    #expect(seoul.resolve(wall: Int64(CivilDate(2025, 1, 1).daysSinceEpoch) * 86_400)
      == .unique(epoch("2024-12-31T15:00:00Z")))
  }

  /// US rules since 2007: second Sunday of March 02:00 → 03:00, first Sunday of November
  /// 02:00 → 01:00 (so 2025-03-09 has 23 hours and 2025-11-02 has 25).
  @Test func newYorkDayLengthsAndOffsets() throws {
    let ny = try clock("America/New_York")
    func dayLength(_ date: CivilDate) -> Int64 {
      ny.startOfDay(date.adding(days: 1)) - ny.startOfDay(date)
    }
    #expect(dayLength(CivilDate(2025, 3, 9)) == 23 * 3600)
    #expect(dayLength(CivilDate(2025, 11, 2)) == 25 * 3600)
    #expect(dayLength(CivilDate(2025, 7, 1)) == 24 * 3600)
    #expect(ny.utcOffset(at: epoch("2025-01-15T12:00:00Z")) == -18_000)
    #expect(ny.utcOffset(at: epoch("2025-07-15T12:00:00Z")) == -14_400)
    #expect(ny.standardOffset(at: epoch("2025-07-15T12:00:00Z")) == -18_000)
  }

  @Test func newYorkGapAndOverlap() throws {
    let ny = try clock("America/New_York")
    func wall(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> Int64 {
      Int64(CivilDate(y, m, d).daysSinceEpoch) * 86_400 + Int64(h * 3600 + min * 60)
    }
    #expect(ny.resolve(wall: wall(2025, 3, 9, 2, 30))
      == .missing(transition: epoch("2025-03-09T07:00:00Z")))
    #expect(ny.resolve(wall: wall(2025, 3, 9, 3, 0)) == .unique(epoch("2025-03-09T07:00:00Z")))
    #expect(ny.resolve(wall: wall(2025, 3, 9, 1, 59)) == .unique(epoch("2025-03-09T06:59:00Z")))
    #expect(ny.resolve(wall: wall(2025, 11, 2, 1, 30))
      == .ambiguous(earlier: epoch("2025-11-02T05:30:00Z"), later: epoch("2025-11-02T06:30:00Z")))
    #expect(ny.resolve(wall: wall(2025, 11, 2, 2, 0)) == .unique(epoch("2025-11-02T07:00:00Z")))
    #expect(ny.resolve(wall: wall(2025, 11, 2, 0, 59)) == .unique(epoch("2025-11-02T04:59:00Z")))
  }

  /// The table must agree with Foundation everywhere, including zones with odd histories:
  /// Dublin (negative DST in tzdb), Apia (skipped 2011-12-30), Pyongyang (+08:30 in 2015–18),
  /// Lord Howe (30-minute DST), Kathmandu (+05:45). Seeded random instants, 1900–2100.
  @Test(arguments: [
    "America/New_York", "Europe/Dublin", "Pacific/Apia", "Asia/Pyongyang",
    "Australia/Lord_Howe", "Asia/Kathmandu", "Asia/Seoul", "UTC",
  ])
  func agreesWithFoundation(_ identifier: String) throws {
    let ours = try clock(identifier)
    let zone = try #require(TimeZone(identifier: identifier))
    var random = SplitMix64(seed: 42)
    for _ in 0..<2_000 {
      let t = Int64.random(in: -2_200_000_000...4_100_000_000, using: &random)
      let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t)))
      #expect(ours.utcOffset(at: t) == offset, "\(identifier) at \(t)")
      // Round trip: the wall time of an instant resolves back to it (uniquely or as one of two).
      let local = ours.localTime(at: t)
      let wall = Int64(local.date.daysSinceEpoch) * 86_400 + Int64(local.secondOfDay)
      switch ours.resolve(wall: wall) {
      case .unique(let u): #expect(u == t)
      case .ambiguous(let a, let b): #expect(a == t || b == t)
      case .missing: Issue.record("\(identifier): wall time of \(t) reported missing")
      }
    }
  }

  @Test func apiaSkippedADay() throws {
    // Samoa moved across the date line: 2011-12-30 never happened there.
    let apia = try clock("Pacific/Apia")
    let skipped = Int64(CivilDate(2011, 12, 30).daysSinceEpoch) * 86_400 + 12 * 3600
    guard case .missing = apia.resolve(wall: skipped) else {
      Issue.record("2011-12-30 12:00 should not exist in Pacific/Apia")
      return
    }
  }

  @Test func beyondTheTableFallsBackToFoundation() throws {
    let ny = try clock("America/New_York")
    #expect(ny.utcOffset(at: epoch("2150-07-01T12:00:00Z")) == -14_400)
    let wall = Int64(CivilDate(2150, 1, 1).daysSinceEpoch) * 86_400
    #expect(ny.resolve(wall: wall) == .unique(epoch("2150-01-01T05:00:00Z")))
  }

  @Test func usableFromManyThreads() async throws {
    let ny = try clock("America/New_York")
    let sums = await withTaskGroup(of: Int.self) { group in
      for task in 0..<8 {
        group.addTask {
          var sum = 0
          for k in 0..<10_000 {
            sum += ny.localTime(at: Int64(task * 10_000 + k) * 3_600).secondOfDay
          }
          return sum
        }
      }
      return await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(sums.count == 8)
  }
}
