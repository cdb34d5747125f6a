import HolidayCalendars
import Testing

/// US federal holidays (5 U.S.C. 6103) and their observed days (Executive Order 11582: a
/// Saturday holiday is observed on Friday, a Sunday holiday on Monday).
@Suite("US federal calendar")
struct USFederalTests {
  /// The `n`th `weekday` (ISO, 1 = Monday) of `month`; `n == -1` for the last one.
  static func nth(_ n: Int, _ weekday: Int, of month: Int, _ year: Int) -> CivilDate {
    if n > 0 {
      let first = date(year, month, 1)
      let offset = (weekday - first.isoWeekday + 7) % 7
      return first.adding(days: offset + 7 * (n - 1))
    }
    let last = date(year, month + 1, 1).adding(days: -1)
    return last.adding(days: -((last.isoWeekday - weekday + 7) % 7))
  }

  static let monday = 1
  static let thursday = 4

  /// Holidays on a weekday rule.
  static let floating: [(name: String, rule: @Sendable (Int) -> CivilDate)] = [
    ("martin_luther_king_day", { nth(3, monday, of: 1, $0) }),
    ("washingtons_birthday", { nth(3, monday, of: 2, $0) }),
    ("memorial_day", { nth(-1, monday, of: 5, $0) }),
    ("labor_day", { nth(1, monday, of: 9, $0) }),
    ("columbus_day", { nth(2, monday, of: 10, $0) }),
    ("thanksgiving", { nth(4, thursday, of: 11, $0) }),
  ]

  /// Fixed-date holidays (month, day, first year).
  static let fixed: [(name: String, month: Int, day: Int, since: Int)] = [
    ("new_years_day", 1, 1, 1995), ("juneteenth", 6, 19, 2021), ("independence_day", 7, 4, 1995),
    ("veterans_day", 11, 11, 1995), ("christmas", 12, 25, 1995),
  ]

  @Test("weekday-rule holidays: Thanksgiving 4th Thursday of November, Memorial Day last Monday")
  func floatingHolidays() {
    for year in HolidayCalendar.coveredYears(.us) {
      for entry in Self.floating {
        #expect(days(allUS, entry.name, in: year) == [entry.rule(year)], "\(entry.name) \(year)")
      }
    }
    #expect(days(allUS, "thanksgiving", in: 2024) == [date(2024, 11, 28)])
    #expect(days(allUS, "memorial_day", in: 2021) == [date(2021, 5, 31)])
  }

  @Test("fixed-date holidays with Friday/Monday observed days; Juneteenth from 2021")
  func fixedHolidays() {
    for year in HolidayCalendar.coveredYears(.us) {
      for entry in Self.fixed {
        let day = date(year, entry.month, entry.day)
        let expected = year >= entry.since ? [day] : []
        #expect(days(allUS, entry.name, in: year) == expected, "\(entry.name) \(year)")
        guard year >= entry.since else { continue }
        let observed = allUS.filter { $0.name == entry.name && $0.isSubstitute }
          .map(\.date).filter { abs($0.daysSinceEpoch - day.daysSinceEpoch) == 1 }
        switch day.isoWeekday {
        case saturday:
          // New Year's Day on a Saturday is observed on 31 December of the year before; that
          // day lies outside the table when the year is the first one covered.
          let friday = day.adding(days: -1)
          if HolidayCalendar.coveredYears(.us).contains(friday.year) {
            #expect(observed == [friday], "\(entry.name) \(year)")
          }
        case sunday: #expect(observed == [day.adding(days: 1)], "\(entry.name) \(year)")
        default: #expect(observed.isEmpty, "\(entry.name) \(year)")
        }
      }
    }
    // 2021: Juneteenth became law on 17 June, first observed on Friday 18 June.
    #expect(substitutes(allUS, "juneteenth", in: 2021) == [date(2021, 6, 18)])
    #expect(substitutes(allUS, "new_years_day", in: 2021) == [date(2021, 12, 31)])
  }

  @Test("eleven federal holidays a year from 2021, ten before")
  func counts() {
    for year in HolidayCalendar.coveredYears(.us) {
      let regular = allUS.filter { !$0.isSubstitute && $0.date.year == year }
      #expect(regular.count == (year >= 2021 ? 11 : 10), "\(year)")
    }
    #expect(HolidayCalendar.names(.us).count == 11)
  }
}
