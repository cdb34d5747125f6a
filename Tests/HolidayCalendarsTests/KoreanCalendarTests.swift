import HolidayCalendars
import Testing

/// The Korean table's fixed-date holidays and its one-off days.
@Suite("Korean calendar")
struct KoreanCalendarTests {
  /// Fixed solar dates (month, day) and the years they are public holidays. Sources: the
  /// Regulation on Holidays of Government Offices (Tree Planting Day dropped from 2006,
  /// Constitution Day from 2008, Hangul Day restored 2013) and the `holidays` package for Labor
  /// Day and Constitution Day from 2026.
  static let fixed: [(name: String, month: Int, day: Int, years: ClosedRange<Int>)] = [
    ("new_years_day", 1, 1, 1995...2045),
    ("independence_movement_day", 3, 1, 1995...2045),
    ("tree_planting_day", 4, 5, 1995...2005),
    ("labor_day", 5, 1, 2026...2045),
    ("childrens_day", 5, 5, 1995...2045),
    ("memorial_day", 6, 6, 1995...2045),
    ("constitution_day", 7, 17, 1995...2007),
    ("constitution_day", 7, 17, 2026...2045),
    ("liberation_day", 8, 15, 1995...2045),
    ("national_foundation_day", 10, 3, 1995...2045),
    ("hangul_day", 10, 9, 2013...2045),
    ("christmas", 12, 25, 1995...2045),
  ]

  @Test("fixed-date holidays are present in exactly their years")
  func fixedDates() {
    for entry in Self.fixed {
      for year in HolidayCalendar.coveredYears(.kr) {
        let present = HolidayCalendar.holidays(.kr, on: date(year, entry.month, entry.day))
          .contains { $0.name == entry.name && !$0.isSubstitute }
        let expected = Self.fixed.contains {
          $0.name == entry.name && $0.month == entry.month && $0.years.contains(year)
        }
        #expect(present == expected, "\(entry.name) \(year)")
      }
    }
  }

  @Test("names are the documented stable set")
  func names() {
    #expect(HolidayCalendar.names(.kr) == [
      "buddhas_birthday", "childrens_day", "christmas", "chuseok", "constitution_day",
      "election_day", "hangul_day", "independence_movement_day", "labor_day", "liberation_day",
      "memorial_day", "national_foundation_day", "new_years_day", "seollal", "temporary_holiday",
      "tree_planting_day",
    ])
  }

  @Test("one-off days are flagged and never substituted")
  func oneOffs() {
    let oneOffs = allKR.filter(\.isOneOff)
    #expect(oneOffs.allSatisfy { !$0.isSubstitute })
    // Known one-offs: the 2025 presidential election and the 2024 Armed Forces Day holiday.
    #expect(oneOffs.contains(Holiday(date: date(2025, 6, 3), name: "election_day")))
    #expect(oneOffs.contains(Holiday(date: date(2024, 10, 1), name: "temporary_holiday")))
    #expect(allUS.allSatisfy { !$0.isOneOff })
  }
}
