import TimeSeries

/// Wall-clock arithmetic for a zone with a fixed UTC offset (Asia/Seoul has had no DST since
/// 1988), so no time-zone database is needed and every machine agrees.
struct FixedOffsetClock: Sendable, Equatable {
  var utcOffsetSeconds: Int

  init(utcOffsetSeconds: Int) { self.utcOffsetSeconds = utcOffsetSeconds }

  /// Local wall-clock seconds since 1970-01-01T00:00 local.
  func localSeconds(_ epoch: Int64) -> Int64 {
    epoch + Int64(utcOffsetSeconds)
  }

  /// Local days since 1970-01-01 of the instant `epoch`.
  func localDay(_ epoch: Int64) -> Int {
    Int(Self.floorDiv(localSeconds(epoch), 86_400))
  }

  /// Seconds since local midnight of the instant `epoch`.
  func secondOfDay(_ epoch: Int64) -> Int {
    let local = localSeconds(epoch)
    return Int(local - Self.floorDiv(local, 86_400) * 86_400)
  }

  /// Epoch seconds of local midnight starting `date`.
  func midnight(_ date: CivilDate) -> Int64 {
    Int64(date.daysSinceEpoch) * 86_400 - Int64(utcOffsetSeconds)
  }

  /// ISO 8601 with the offset, e.g. `2024-10-01T00:00:00+09:00`.
  func iso8601(_ epoch: Int64) -> String {
    let date = CivilDate(daysSinceEpoch: localDay(epoch))
    return "\(date)T\(Self.clockText(secondOfDay(epoch)))\(offsetText)"
  }

  /// `+09:00`.
  var offsetText: String {
    let minutes = abs(utcOffsetSeconds) / 60
    let sign = utcOffsetSeconds < 0 ? "-" : "+"
    return "\(sign)\(Self.twoDigits(minutes / 60)):\(Self.twoDigits(minutes % 60))"
  }

  /// `HH:MM:SS` for a second of the day.
  static func clockText(_ second: Int) -> String {
    "\(twoDigits(second / 3600)):\(twoDigits(second / 60 % 60)):\(twoDigits(second % 60))"
  }

  static func twoDigits(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }

  static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }
}
