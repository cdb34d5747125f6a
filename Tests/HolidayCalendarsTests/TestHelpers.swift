import HolidayCalendars

/// Every built-in Korean holiday.
let allKR = HolidayCalendar.holidays(.kr, years: HolidayCalendar.coveredYears(.kr))
/// Every built-in US federal holiday.
let allUS = HolidayCalendar.holidays(.us, years: HolidayCalendar.coveredYears(.us))

/// The years every calendar guarantees (the brief asks for at least 2000–2040).
let guaranteedYears = 2000...2040

let saturday = 6
let sunday = 7

func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate { CivilDate(year, month, day) }

/// The regular (non-substitute) days named `name` in `year`, sorted.
func days(_ holidays: [Holiday], _ name: String, in year: Int) -> [CivilDate] {
  holidays.filter { $0.name == name && !$0.isSubstitute && $0.date.year == year }.map(\.date)
}

/// The substitute days standing in for `name` in `year`, sorted.
func substitutes(_ holidays: [Holiday], _ name: String, in year: Int) -> [CivilDate] {
  holidays.filter { $0.name == name && $0.isSubstitute && $0.date.year == year }.map(\.date)
}

/// Dates holding at least one regular (non-substitute) holiday.
func regularDates(_ holidays: [Holiday]) -> Set<CivilDate> {
  Set(holidays.filter { !$0.isSubstitute }.map(\.date))
}

/// The Gregorian date of the first day of `name`'s three-day festival in `year` (the day before
/// the lunar date), or nil.
func festivalStart(_ holidays: [Holiday], _ name: String, in year: Int) -> CivilDate? {
  days(holidays, name, in: year).first
}
