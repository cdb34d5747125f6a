import Foundation
import HolidayCalendars
import Testing

/// The built-in tables against the committed CSVs, plus the API's contracts.
@Suite("Built-in tables")
struct TableIntegrityTests {
  /// `Datasets/calendars/<code>.csv`, found from this file's path (Tests/HolidayCalendarsTests).
  static func committedCSV(_ country: HolidayCountry) throws -> String {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("Datasets/calendars/\(country.rawValue).csv")
    return try String(contentsOf: url, encoding: .utf8)
  }

  @Test("embedded table equals the committed CSV", arguments: HolidayCountry.allCases)
  func embeddedEqualsCSV(_ country: HolidayCountry) throws {
    let committed = try Self.committedCSV(country)
    let embedded = HolidayCalendar.csv(country)
    // Compare as booleans and report only the first differing line: the tables are ~1,000 rows.
    let same = embedded == committed
    #expect(same, "\(Self.firstDifference(embedded, committed))")
    let fromFile = try HolidayCSV.parse(committed)
    let all = HolidayCalendar.holidays(country, years: HolidayCalendar.coveredYears(country))
    let sameRows = all == fromFile
    #expect(sameRows, "parsed rows differ")
    let roundTrips = HolidayCSV.render(all) == committed
    #expect(roundTrips, "\(Self.firstDifference(HolidayCSV.render(all), committed))")
  }

  /// `line N: "embedded" vs "committed"` for the first line where two texts differ.
  static func firstDifference(_ embedded: String, _ committed: String) -> String {
    let a = embedded.split(separator: "\n", omittingEmptySubsequences: false)
    let b = committed.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
      let left = index < a.count ? String(a[index]) : "<end>"
      let right = index < b.count ? String(b[index]) : "<end>"
      if left != right { return "line \(index + 1): \"\(left)\" vs committed \"\(right)\"" }
    }
    return "no difference"
  }

  @Test("tables are sorted, free of duplicates, and span their covered years",
    arguments: HolidayCountry.allCases)
  func sortedAndCovering(_ country: HolidayCountry) {
    let years = HolidayCalendar.coveredYears(country)
    #expect(years.lowerBound <= 1995 && years.upperBound >= 2045)
    let all = HolidayCalendar.holidays(country, years: years)
    #expect(zip(all, all.dropFirst()).allSatisfy { $0 < $1 })
    #expect(Set(all.map(\.date.year)) == Set(years))
    let names = Dictionary(grouping: all, by: \.date).values.map { $0.map(\.name) }
    #expect(names.allSatisfy { Set($0).count == $0.count }, "a name twice on one date")
  }

  @Test("every guaranteed year has exactly one Seollal and one Chuseok")
  func festivalsEveryYear() {
    for year in guaranteedYears {
      #expect(days(allKR, "seollal", in: year).count == 3, "seollal \(year)")
      #expect(days(allKR, "chuseok", in: year).count == 3, "chuseok \(year)")
    }
  }

  @Test("year filtering: inclusive bounds, out-of-range years give nothing")
  func yearFiltering() {
    let y2024 = HolidayCalendar.holidays(.kr, years: 2024...2024)
    #expect(!y2024.isEmpty && y2024.allSatisfy { $0.date.year == 2024 })
    let span = HolidayCalendar.holidays(.us, years: 2020...2022)
    #expect(span == allUS.filter { (2020...2022).contains($0.date.year) })
    #expect(HolidayCalendar.holidays(.kr, years: 1800...1900).isEmpty)
    #expect(HolidayCalendar.holidays(.us, years: 3000...3001).isEmpty)
  }

  @Test("country codes parse case-insensitively; unknown ones list the supported codes")
  func countryCodes() throws {
    #expect(try HolidayCountry(code: "KR") == .kr)
    #expect(try HolidayCountry(code: "kr") == .kr)
    #expect(try HolidayCountry(code: "Us") == .us)
    #expect(throws: HolidayCalendarError.unsupportedCountryCode("JP")) {
      try HolidayCountry(code: "JP")
    }
    let message = HolidayCalendarError.unsupportedCountryCode("JP").description
    #expect(message == "unsupported holiday country code \"JP\" (supported: KR, US)")
  }

  @Test("malformed CSV rows name their line", arguments: [
    ("date,name\n", 1),
    ("date,name,substitute\n2024-02-30,x,0\n", 2),
    ("date,name,substitute\n2024-02-10,Seollal,0\n", 2),
    ("date,name,substitute\n2024-02-10,seollal,2\n", 2),
    ("date,name,substitute\n2024-02-10,seollal,0\n\n2024-02-11,seollal,0\n", 4),
    ("date,name,substitute\n2024-2-10,seollal,0\n", 2),
  ])
  func malformed(_ text: String, _ line: Int) {
    do {
      _ = try HolidayCSV.parse(text)
      Issue.record("parsed \(text.debugDescription)")
    } catch {
      guard case .malformedCSV(let actual, _) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(actual == line)
    }
  }

  @Test("Holiday's Codable form round-trips")
  func codable() throws {
    let holiday = Holiday(date: date(2027, 2, 9), name: "seollal", isSubstitute: true)
    let data = try JSONEncoder().encode(holiday)
    #expect(try JSONDecoder().decode(Holiday.self, from: data) == holiday)
    #expect(holiday.description == "2027-02-09 seollal (substitute)")
  }
}
