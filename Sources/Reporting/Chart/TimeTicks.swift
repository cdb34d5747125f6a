import Planning
import TimeSeries

/// Ticks on a time axis at round local times (midnights, Mondays, first days of months) in the
/// series' own zone, labelled on its wall clock, spaced so that no two labels overlap.
public enum TimeTicks {
  /// The spacing of ticks, from fine to coarse.
  enum Interval: CaseIterable {
    case hours1, hours3, hours6, hours12, day1, days2, week1, month1, months3, year1
  }

  /// Ticks for `[start, end]` on an axis `width` pixels wide: the finest interval whose labels
  /// (at `fontSize`) keep at least `gap` pixels apart.
  public static func ticks(
    from start: Int64, to end: Int64, width: Double, clock: LocalClock, fontSize: Double = 11,
    gap: Double = 12
  ) -> [Tick] {
    guard end > start, width > 0 else { return [] }
    let scale = LinearScale(domain: (Double(start), Double(end)), range: (0, width))
    var fallback: [Tick] = []
    for interval in Interval.allCases {
      let ticks = candidates(interval, start, end, clock)
      if ticks.count < 2 && interval != .year1 { continue }
      let centers = ticks.map { scale($0.value) }
      let widths = ticks.map { LabelLayout.width($0.label, fontSize: fontSize) }
      let kept = LabelLayout.nonOverlapping(centers: centers, widths: widths, gap: gap)
      if kept.count == ticks.count { return ticks }
      fallback = kept.map { ticks[$0] }
    }
    return fallback
  }

  /// Every tick of one interval inside `[start, end]`.
  static func candidates(_ interval: Interval, _ start: Int64, _ end: Int64, _ clock: LocalClock)
    -> [Tick]
  {
    let firstDay = clock.localTime(at: start).date.daysSinceEpoch
    let lastDay = clock.localTime(at: end).date.daysSinceEpoch
    var ticks: [Tick] = []
    func add(_ t: Int64, _ label: String) {
      if t >= start && t <= end { ticks.append(Tick(value: Double(t), label: label)) }
    }
    for day in firstDay...max(firstDay, lastDay) {
      let date = CivilDate(daysSinceEpoch: day)
      let midnight = clock.startOfDay(date)
      let local = clock.localTime(at: midnight)
      switch interval {
      case .hours1, .hours3, .hours6, .hours12:
        let every = [Interval.hours1: 1, .hours3: 3, .hours6: 6, .hours12: 12][interval] ?? 1
        add(midnight, dayLabel(local))
        for hour in stride(from: every, to: 24, by: every) {
          add(midnight + Int64(hour) * 3600, LocalTimeText.clock(hour * 3600))
        }
      case .day1:
        add(midnight, dayLabel(local))
      case .days2:
        if day % 2 == 0 { add(midnight, dateLabel(date)) }
      case .week1:
        if date.isoWeekday == 1 { add(midnight, dateLabel(date)) }
      case .month1, .months3:
        let every = interval == .month1 ? 1 : 3
        if date.day == 1 && (date.month - 1) % every == 0 {
          add(midnight, monthLabel(date, withYear: ticks.isEmpty))
        }
      case .year1:
        if date.day == 1 && date.month == 1 { add(midnight, String(date.year)) }
      }
    }
    return ticks
  }

  /// `Fri 5 Dec`.
  static func dayLabel(_ local: LocalTime) -> String {
    "\(LocalTimeText.weekday(local)) \(dateLabel(local.date))"
  }

  /// `5 Dec`.
  static func dateLabel(_ date: CivilDate) -> String {
    "\(date.day) \(LocalTimeText.month(date.month))"
  }

  /// `Dec`, or `Jan 2026` in January and on the first tick (so every axis shows its year).
  static func monthLabel(_ date: CivilDate, withYear: Bool) -> String {
    let month = LocalTimeText.month(date.month)
    return date.month == 1 || withYear ? "\(month) \(date.year)" : month
  }
}
