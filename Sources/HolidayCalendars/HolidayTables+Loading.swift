/// The built-in tables, parsed once on first use.
///
/// The table text lives in `Generated/HolidayTables.swift`, written by
/// `scripts/generate-holidays.py` as one string literal per country (a literal compiles in
/// milliseconds where an array literal of ~1,000 structs takes the type checker seconds).
/// `static let` gives lazy, thread-safe, once-only initialisation.
enum HolidayTables {
  static let kr = load(.kr)
  static let us = load(.us)

  static func table(_ country: HolidayCountry) -> HolidayTable {
    switch country {
    case .kr: kr
    case .us: us
    }
  }

  static func csv(_ country: HolidayCountry) -> String {
    switch country {
    case .kr: krCSV
    case .us: usCSV
    }
  }

  private static func load(_ country: HolidayCountry) -> HolidayTable {
    do {
      let holidays = try HolidayCSV.parse(csv(country))
      return HolidayTable(holidays: holidays, years: firstYear...lastYear)
    } catch {
      // The text is generated and checked by the test suite; failing here is a build defect,
      // not something a caller could handle.
      fatalError("built-in \(country.rawValue) holiday table is corrupt: \(error)")
    }
  }
}
