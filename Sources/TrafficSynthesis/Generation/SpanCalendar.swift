import Foundation
import HolidayCalendars

/// The kind of day that selects a daily shape (public holidays behave like Sundays).
enum SyntheticDayKind: String, Sendable, Codable, CaseIterable {
  case weekday
  case saturday
  case sundayOrHoliday
}

/// Day-level facts of every local date of a scenario's span: weekday, kind of day, holidays and
/// their planted log effects.
struct SpanCalendar: Sendable {
  struct Day: Sendable {
    var date: CivilDate
    var kind: SyntheticDayKind
    /// Distinct holiday names on the date, sorted.
    var holidayNames: [String]
    var isSubstitute: Bool
    /// Sum of the planted log effects of ``holidayNames``.
    var holidayLogEffect: Double
    /// Log effect of a festival eve (0 on other days).
    var preHolidayLogEffect: Double
  }

  let days: [Day]
  let firstDay: Int

  init(_ scenario: TrafficScenario) {
    let spec = scenario.holidays
    firstDay = scenario.start.daysSinceEpoch
    // One year beyond the end: a festival starting the day after the span has its eve inside.
    let last = scenario.lastDate.adding(days: 1)
    let holidays = HolidayCalendar.holidays(spec.country, years: scenario.start.year...last.year)
    var byDay: [Int: [Holiday]] = [:]
    for holiday in holidays { byDay[holiday.date.daysSinceEpoch, default: []].append(holiday) }

    var eves: Set<Int> = []
    for name in spec.preHolidayNames {
      let festivalDays = Set(holidays.filter { $0.name == name }.map(\.date.daysSinceEpoch))
      for day in festivalDays where !festivalDays.contains(day - 1) { eves.insert(day - 1) }
    }

    days = (0..<scenario.days).map { offset in
      let date = scenario.start.adding(days: offset)
      let dayNumber = date.daysSinceEpoch
      let here = byDay[dayNumber] ?? []
      let names = Set(here.map(\.name)).sorted()
      let kind: SyntheticDayKind =
        !here.isEmpty || date.isoWeekday == 7
        ? .sundayOrHoliday : (date.isoWeekday == 6 ? .saturday : .weekday)
      return Day(
        date: date, kind: kind, holidayNames: names,
        isSubstitute: here.contains { $0.isSubstitute },
        holidayLogEffect: names.reduce(0) { $0 + log(spec.multiplier(for: $1)) },
        preHolidayLogEffect: eves.contains(dayNumber) ? log(spec.preHolidayMultiplier) : 0)
    }
  }

  /// The day at `offset` from the span's first date.
  subscript(offset: Int) -> Day { days[offset] }

  /// Offsets of the days that carry a holiday or a festival eve.
  var specialOffsets: [Int] {
    days.indices.filter { !days[$0].holidayNames.isEmpty || days[$0].preHolidayLogEffect != 0 }
  }
}
