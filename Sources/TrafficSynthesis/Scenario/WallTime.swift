import TimeSeries

/// A wall-clock instant in the scenario's time zone: a local date and minutes after midnight.
///
/// Scenario events are stated the way people plan them ("10:00 on 16 July"), not as epoch
/// seconds; the generator converts with the zone's fixed UTC offset.
public struct WallTime: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
  public var date: CivilDate
  public var hour: Int
  public var minute: Int

  public init(_ date: CivilDate, hour: Int, minute: Int = 0) {
    self.date = date
    self.hour = hour
    self.minute = minute
  }

  /// Seconds since 1970-01-01T00:00 on the local wall clock (not an absolute instant).
  public var localSeconds: Int64 {
    Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60)
  }

  /// The absolute instant (epoch seconds) for a zone `utcOffsetSeconds` east of UTC.
  public func epochSeconds(utcOffsetSeconds: Int) -> Int64 {
    localSeconds - Int64(utcOffsetSeconds)
  }

  public static func < (a: WallTime, b: WallTime) -> Bool { a.localSeconds < b.localSeconds }

  /// `2025-07-16 10:00`.
  public var description: String {
    "\(date) \(FixedOffsetClock.twoDigits(hour)):\(FixedOffsetClock.twoDigits(minute))"
  }
}
