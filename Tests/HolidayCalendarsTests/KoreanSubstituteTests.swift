import HolidayCalendars
import Testing

/// Korean alternative holidays (대체공휴일), era by era (DOMAIN.md "Korean public holidays").
@Suite("Korean substitute holidays")
struct KoreanSubstituteTests {
  /// The first year each holiday could have a substitute day.
  ///
  /// 2014: Seollal, Chuseok, Children's Day (Regulation on Holidays of Government Offices,
  /// amended 2013). 2021: the national days 1 March, 15 August, 3 October, 9 October. 2023:
  /// Buddha's Birthday and Christmas. 2026: Labor Day and the reinstated Constitution Day, as
  /// the `holidays` package has them (newer than DOMAIN.md).
  static let firstSubstituteYear: [String: Int] = [
    "seollal": 2014, "chuseok": 2014, "childrens_day": 2014,
    "independence_movement_day": 2021, "liberation_day": 2021,
    "national_foundation_day": 2021, "hangul_day": 2021,
    "buddhas_birthday": 2023, "christmas": 2023,
    "labor_day": 2026, "constitution_day": 2026,
  ]

  @Test("no substitute day before 2014")
  func noneBefore2014() {
    let early = allKR.filter { $0.isSubstitute && $0.date.year < 2014 }
    #expect(early.isEmpty, "\(early)")
  }

  @Test("each holiday gets substitutes only from its era on")
  func eras() {
    for holiday in allKR where holiday.isSubstitute {
      let first = Self.firstSubstituteYear[holiday.name]
      #expect(first != nil, "unexpected substitute \(holiday)")
      if let first { #expect(holiday.date.year >= first, "\(holiday) before \(first)") }
    }
  }

  @Test("each era's holidays do get substitutes: every name above has at least one")
  func erasAreUsed() {
    let named = Set(allKR.filter(\.isSubstitute).map(\.name))
    #expect(named == Set(Self.firstSubstituteYear.keys))
  }

  @Test("substitute days fall on weekdays and on no regular holiday", arguments: ["KR", "US"])
  func weekdaysOnly(_ code: String) throws {
    let country = try HolidayCountry(code: code)
    let all = HolidayCalendar.holidays(country, years: HolidayCalendar.coveredYears(country))
    let regular = regularDates(all)
    for holiday in all where holiday.isSubstitute {
      #expect(holiday.date.isoWeekday <= 5, "\(code) \(holiday) is on a weekend")
      #expect(!regular.contains(holiday.date), "\(code) \(holiday) is on another holiday")
    }
  }

  @Test("a substitute comes after the day it stands in for, within a week")
  func followsItsHoliday() {
    for holiday in allKR where holiday.isSubstitute {
      let own = days(allKR, holiday.name, in: holiday.date.year)
      let before = own.filter { $0 < holiday.date }
      let gap = before.last.map { holiday.date.daysSinceEpoch - $0.daysSinceEpoch }
      #expect(gap.map { (1...7).contains($0) } ?? false, "\(holiday): regular days \(own)")
    }
  }

  /// Re-derives every Korean substitute day from the regular days and the rules, and compares
  /// with the table in both directions, so that the rules (not just the reference points) hold.
  ///
  /// - Seollal, Chuseok: one substitute for each festival day that is a Sunday or another
  ///   holiday (Chuseok 2036 runs Friday 3 October to Sunday: two substitutes).
  /// - Children's Day: when it is a Saturday, Sunday or another holiday.
  /// - The others in ``firstSubstituteYear``: when on a Saturday or Sunday; Buddha's Birthday
  ///   also when it is Children's Day (2025: both share 6 May).
  /// The substitute is the first later weekday that is neither a regular holiday nor another
  /// substitute, counted from the festival's last day; only holidays on the same date share one.
  @Test("substitute days follow from the rules, 2014–2045")
  func rulesReproduceTable() {
    let regular = allKR.filter { !$0.isSubstitute && !$0.isOneOff }
    let regularOn = Dictionary(grouping: regular, by: \.date)
    let holidayDates = regularDates(allKR)
    var derived: Set<Holiday> = []
    // Substitute date -> the holiday (name, last day) it stands in for.
    var taken: [CivilDate: (name: String, last: CivilDate)] = [:]

    // Triggering days in date order; a festival counts from its last day.
    var triggers: [(name: String, last: CivilDate)] = []
    for year in 2014...HolidayCalendar.coveredYears(.kr).upperBound {
      for (name, first) in Self.firstSubstituteYear where year >= first {
        let own = days(allKR, name, in: year)
        guard let last = own.last else { continue }
        let others = { (day: CivilDate) in
          (regularOn[day] ?? []).contains { $0.name != name }
        }
        let weekend = { (day: CivilDate) in day.isoWeekday >= saturday }
        let count: Int
        switch name {
        case "seollal", "chuseok":
          count = own.filter { $0.isoWeekday == sunday || others($0) }.count
        case "childrens_day":
          count = own.contains { weekend($0) || others($0) } ? 1 : 0
        case "buddhas_birthday":
          count = own.contains { day in
            weekend(day) || (regularOn[day] ?? []).contains { $0.name == "childrens_day" }
          } ? 1 : 0
        default:
          count = own.contains(where: weekend) ? 1 : 0
        }
        triggers += repeatElement((name: name, last: last), count: count)
      }
    }
    triggers.sort { ($0.last, $0.name) < ($1.last, $1.name) }
    for trigger in triggers {
      var day = trigger.last.adding(days: 1)
      while day.isoWeekday >= saturday || holidayDates.contains(day)
        || (taken[day].map { $0.name == trigger.name || $0.last != trigger.last } ?? false)
      {
        day = day.adding(days: 1)
      }
      taken[day] = trigger
      derived.insert(Holiday(date: day, name: trigger.name, isSubstitute: true))
    }
    let table = Set(allKR.filter(\.isSubstitute))
    let missing = derived.subtracting(table).sorted()
    let unexplained = table.subtracting(derived).sorted()
    #expect(missing.isEmpty, "rules give these, the table lacks them: \(missing)")
    #expect(unexplained.isEmpty, "the table has these, the rules do not: \(unexplained)")
  }
}
