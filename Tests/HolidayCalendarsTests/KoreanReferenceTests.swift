import HolidayCalendars
import Testing

/// Reference points quoted in DOMAIN.md ("Korean public holidays"), taken there from the PyPI
/// `holidays` package; each must match exactly (dates, not tolerances).
@Suite("Korean lunar festivals")
struct KoreanReferenceTests {
  struct Reference: Sendable, CustomStringConvertible {
    let name: String
    let day: CivilDate
    let substitute: CivilDate?
    var description: String { "\(name) \(day)" }
  }

  static let references: [Reference] = [
    Reference(name: "seollal", day: date(2024, 2, 10), substitute: date(2024, 2, 12)),
    Reference(name: "seollal", day: date(2025, 1, 29), substitute: nil),
    Reference(name: "seollal", day: date(2026, 2, 17), substitute: nil),
    Reference(name: "seollal", day: date(2027, 2, 7), substitute: date(2027, 2, 9)),
    Reference(name: "seollal", day: date(2030, 2, 3), substitute: date(2030, 2, 5)),
    Reference(name: "chuseok", day: date(2024, 9, 17), substitute: nil),
    Reference(name: "chuseok", day: date(2025, 10, 6), substitute: date(2025, 10, 8)),
    Reference(name: "chuseok", day: date(2027, 9, 15), substitute: nil),
    Reference(name: "chuseok", day: date(2028, 10, 3), substitute: date(2028, 10, 5)),
  ]

  @Test("DOMAIN.md reference dates", arguments: references)
  func referencePoint(_ reference: Reference) {
    let year = reference.day.year
    // The festival is the lunar day with the day before and the day after.
    let expected = (-1...1).map { reference.day.adding(days: $0) }
    #expect(days(allKR, reference.name, in: year) == expected, "\(reference)")
    let expectedSubstitutes = reference.substitute.map { [$0] } ?? []
    #expect(substitutes(allKR, reference.name, in: year) == expectedSubstitutes, "\(reference)")
  }

  @Test("Chuseok 2028 coincides with National Foundation Day: both kept, one substitute")
  func chuseokOnFoundationDay() {
    let names = HolidayCalendar.holidays(.kr, on: date(2028, 10, 3)).map(\.name)
    #expect(names == ["chuseok", "national_foundation_day"])
  }

  @Test("each festival is three consecutive days, once a year", arguments: ["seollal", "chuseok"])
  func threeConsecutiveDays(_ name: String) {
    for year in HolidayCalendar.coveredYears(.kr) {
      let festival = days(allKR, name, in: year)
      #expect(festival.count == 3, "\(name) \(year): \(festival)")
      guard let first = festival.first, festival.count == 3 else { continue }
      #expect(festival == [first, first.adding(days: 1), first.adding(days: 2)], "\(name) \(year)")
    }
  }

  @Test("festivals stay in their seasons")
  func seasons() {
    for year in HolidayCalendar.coveredYears(.kr) {
      // The lunar new year falls between 21 January and 20 February; Chuseok (lunar 8/15)
      // between 8 September and 8 October. The festival starts the day before.
      if let start = festivalStart(allKR, "seollal", in: year) {
        #expect(start >= date(year, 1, 20) && start <= date(year, 2, 19), "seollal \(year)")
      }
      if let start = festivalStart(allKR, "chuseok", in: year) {
        #expect(start >= date(year, 9, 7) && start <= date(year, 10, 7), "chuseok \(year)")
      }
    }
  }

  @Test("Buddha's Birthday (lunar 4/8) follows Seollal by 3 lunar months plus 7 days")
  func buddhasBirthday() {
    for year in HolidayCalendar.coveredYears(.kr) {
      let buddha = days(allKR, "buddhas_birthday", in: year)
      #expect(buddha.count == 1, "\(year): \(buddha)")
      guard let day = buddha.first, let start = festivalStart(allKR, "seollal", in: year) else {
        continue
      }
      // Lunar 1/1 is `start + 1`; three or four lunar months (29–30 days each, a leap month
      // possibly between) plus 7 days later.
      let gap = day.daysSinceEpoch - start.adding(days: 1).daysSinceEpoch
      #expect((3 * 29 + 7)...(4 * 30 + 7) ~= gap, "\(year): gap \(gap)")
    }
  }
}
