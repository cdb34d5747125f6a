import TimeSeries

/// Short wall-clock spellings for people (tables, chart labels), in a series' own zone.
public enum LocalTimeText {
  static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
  static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// `Fri 2025-12-05 21:00`.
  public static func minute(_ t: Int64, clock: LocalClock) -> String {
    let local = clock.localTime(at: t)
    return "\(weekday(local)) \(local.date) \(Self.clock(local.secondOfDay))"
  }

  /// `21:00`.
  public static func clock(_ secondOfDay: Int) -> String {
    let minutes = secondOfDay / 60
    return pad(minutes / 60) + ":" + pad(minutes % 60)
  }

  /// `Mon`, …, `Sun`.
  public static func weekday(_ local: LocalTime) -> String { weekdays[local.isoWeekday - 1] }

  /// `Jan`, …, `Dec` for month 1…12.
  public static func month(_ month: Int) -> String { months[max(1, min(12, month)) - 1] }

  static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
