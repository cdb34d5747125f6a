import Foundation

/// An unknown IANA time-zone name (e.g. a typo in `--tz`).
public struct UnknownTimeZoneError: Error, Sendable, Equatable, CustomStringConvertible {
  public var identifier: String
  public init(identifier: String) { self.identifier = identifier }
  public var description: String {
    "unknown time zone '\(identifier)' (use an IANA name such as UTC, Asia/Seoul or "
      + "America/New_York)"
  }
}

/// A wall-clock reading in some zone.
public struct LocalTime: Sendable, Equatable {
  public var date: CivilDate
  /// Seconds since local midnight, 0..<86 400.
  public var secondOfDay: Int
  /// The zone's offset from UTC in effect at that instant, in seconds (east positive).
  public var utcOffset: Int
  /// ISO weekday: 1 = Monday … 7 = Sunday.
  public var isoWeekday: Int { date.isoWeekday }
}

/// How a naive wall-clock time maps to instants on a clock with daylight saving time.
public enum LocalResolution: Sendable, Equatable {
  /// Exactly one instant shows this wall time.
  case unique(Int64)
  /// The wall time was skipped by a spring-forward transition: no instant shows it. `transition`
  /// is the instant of the jump.
  case missing(transition: Int64)
  /// The wall time occurs twice around a fall-back transition (`earlier` < `later`).
  case ambiguous(earlier: Int64, later: Int64)
}

/// Fast, thread-safe conversions between epoch seconds and a zone's wall clock.
///
/// Foundation's `TimeZone` is correct but costs a lock and an ICU call per query, far too slow
/// for millions of rows; the clock therefore precomputes the zone's UTC offsets once, per
/// interval between transitions, for 1900–2100 (about 360 transitions for America/New_York,
/// a few milliseconds to build), and answers by binary search. Instants outside that span ask
/// Foundation directly. The value is immutable, hence `Sendable` and usable from any thread.
public struct LocalClock: Sendable, Equatable {
  /// The IANA identifier, e.g. `Asia/Seoul`.
  public let identifier: String
  /// `starts[k]` is the first instant of interval `k`; `starts[0]` is the table's lower bound.
  private let starts: [Int64]
  /// UTC offset in seconds during interval `k`.
  private let offsets: [Int32]
  /// Daylight-saving part of the offset during interval `k` (0 in standard time).
  private let savings: [Int32]
  private let tableEnd: Int64
  private let zone: TimeZone

  /// 1900-01-01T00:00Z and 2100-01-01T00:00Z: the span of precomputed offsets.
  private static let tableSpan: ClosedRange<Int64> = -2_208_988_800...4_102_444_800

  /// UTC, the default zone for data without another.
  public static let utc: LocalClock = {
    // "UTC" is always known to Foundation; this path cannot fail.
    (try? LocalClock(identifier: "UTC")) ?? LocalClock(fixed: TimeZone(secondsFromGMT: 0))
  }()

  /// Builds the clock of an IANA zone.
  /// - Throws: `UnknownTimeZoneError` when Foundation does not know `identifier`.
  public init(identifier: String) throws(UnknownTimeZoneError) {
    guard let zone = TimeZone(identifier: identifier) else {
      throw UnknownTimeZoneError(identifier: identifier)
    }
    self.identifier = identifier
    self.zone = zone
    var starts: [Int64] = [Self.tableSpan.lowerBound]
    var offsets: [Int32] = []
    var savings: [Int32] = []
    func record(_ instant: Date) {
      offsets.append(Int32(zone.secondsFromGMT(for: instant)))
      savings.append(Int32(zone.daylightSavingTimeOffset(for: instant)))
    }
    var cursor = Date(timeIntervalSince1970: TimeInterval(Self.tableSpan.lowerBound))
    record(cursor)
    while let next = zone.nextDaylightSavingTimeTransition(after: cursor),
      next.timeIntervalSince1970 < TimeInterval(Self.tableSpan.upperBound)
    {
      let instant = Int64(next.timeIntervalSince1970.rounded(.down))
      // Foundation also reports transitions that change nothing (e.g. a zone renaming its
      // abbreviation); merging them keeps the table minimal.
      let offset = Int32(zone.secondsFromGMT(for: next))
      let saving = Int32(zone.daylightSavingTimeOffset(for: next))
      if offset != offsets[offsets.count - 1] || saving != savings[savings.count - 1] {
        starts.append(instant)
        offsets.append(offset)
        savings.append(saving)
      }
      cursor = next
    }
    self.starts = starts
    self.offsets = offsets
    self.savings = savings
    self.tableEnd = Self.tableSpan.upperBound
  }

  private init(fixed zone: TimeZone?) {
    identifier = "UTC"
    self.zone = zone ?? TimeZone.current
    starts = [Self.tableSpan.lowerBound]
    offsets = [0]
    savings = [0]
    tableEnd = Self.tableSpan.upperBound
  }

  public static func == (a: LocalClock, b: LocalClock) -> Bool { a.identifier == b.identifier }

  /// Whether the zone ever changed its offset in 1900–2100 (false for UTC).
  public var hasTransitions: Bool { starts.count > 1 }

  /// Index of the interval containing `instant` (which must lie within the table).
  @inline(__always)
  private func interval(containing instant: Int64) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= instant { low = mid } else { high = mid - 1 }
    }
    return low
  }

  @inline(__always)
  private func inTable(_ instant: Int64) -> Bool {
    instant >= starts[0] && instant < tableEnd
  }

  /// The UTC offset (seconds east) in effect at `instant`.
  public func utcOffset(at instant: Int64) -> Int {
    if starts.count == 1 && inTable(instant) { return Int(offsets[0]) }
    guard inTable(instant) else {
      return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }
    return Int(offsets[interval(containing: instant)])
  }

  /// The standard-time offset at `instant`: the UTC offset less any daylight saving.
  public func standardOffset(at instant: Int64) -> Int {
    guard inTable(instant) else {
      let date = Date(timeIntervalSince1970: TimeInterval(instant))
      return zone.secondsFromGMT(for: date) - Int(zone.daylightSavingTimeOffset(for: date))
    }
    let k = interval(containing: instant)
    return Int(offsets[k] - savings[k])
  }

  /// The wall-clock reading at `instant`.
  public func localTime(at instant: Int64) -> LocalTime {
    let offset = utcOffset(at: instant)
    let wall = instant + Int64(offset)
    let days = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
    let secondOfDay = Int(wall - days * 86_400)
    return LocalTime(
      date: CivilDate(daysSinceEpoch: Int(days)), secondOfDay: secondOfDay, utcOffset: offset)
  }

  /// Resolves a naive wall time, given as seconds since 1970-01-01T00:00 on the wall clock.
  ///
  /// The wall time `w` is shown by instant `w − offset` for each offset the zone used near it;
  /// a candidate counts if that instant really has that offset. Zero candidates: a gap; two: an
  /// overlap. Transitions are months apart, so the neighbours of one interval suffice.
  public func resolve(wall: Int64) -> LocalResolution {
    if starts.count == 1 && inTable(wall) { return .unique(wall - Int64(offsets[0])) }
    guard inTable(wall) else { return resolveWithFoundation(wall: wall) }
    let guess = interval(containing: wall)
    var first: Int64?
    var second: Int64?
    for k in max(0, guess - 2)...min(starts.count - 1, guess + 2) {
      let candidate = wall - Int64(offsets[k])
      let upper = k + 1 < starts.count ? starts[k + 1] : tableEnd
      guard candidate >= starts[k] && candidate < upper else { continue }
      if first == nil { first = candidate } else if candidate != first { second = candidate }
    }
    switch (first, second) {
    case (let a?, let b?): return .ambiguous(earlier: min(a, b), later: max(a, b))
    case (let a?, nil): return .unique(a)
    default:
      // In a gap the wall time lies between the old offset's and the new offset's reading of
      // the transition instant.
      for k in max(1, guess - 2)...max(1, min(starts.count - 1, guess + 2)) {
        let t = starts[k]
        if t + Int64(offsets[k - 1]) <= wall && wall < t + Int64(offsets[k]) {
          return .missing(transition: t)
        }
      }
      return .missing(transition: wall - Int64(offsets[guess]))
    }
  }

  /// The first instant of a local date: local midnight, or when midnight falls in a
  /// spring-forward gap (as in some South American zones) the end of that gap. When midnight
  /// repeats, the earlier one: the day begins the first time its clock reads 00:00.
  public func startOfDay(_ date: CivilDate) -> Int64 {
    switch resolve(wall: Int64(date.daysSinceEpoch) * 86_400) {
    case .unique(let t): return t
    case .ambiguous(let earlier, _): return earlier
    case .missing(let transition): return transition
    }
  }

  private func resolveWithFoundation(wall: Int64) -> LocalResolution {
    // Rare path (before 1900 or after 2100): try each offset seen within a day of `wall`.
    let nearby = [wall - 86_400, wall, wall + 86_400].map {
      zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0)))
    }
    var found: [Int64] = []
    for offset in Set(nearby) {
      let candidate = wall - Int64(offset)
      let actual = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(candidate)))
      if actual == offset && !found.contains(candidate) { found.append(candidate) }
    }
    found.sort()
    if found.count >= 2 { return .ambiguous(earlier: found[0], later: found[found.count - 1]) }
    if let only = found.first { return .unique(only) }
    return .missing(transition: wall - Int64(nearby[2]))
  }
}
