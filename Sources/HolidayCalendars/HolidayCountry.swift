/// A country with a built-in holiday calendar.
public enum HolidayCountry: String, Sendable, CaseIterable, Codable {
  /// South Korea: public holidays (관공서의 공휴일), lunar festivals by the Korean calendar.
  case kr = "KR"
  /// United States: federal holidays (5 U.S.C. 6103), with Friday/Monday observed days.
  case us = "US"

  /// Parses an ISO 3166-1 alpha-2 code, case-insensitively (`"KR"`, `"kr"`, `"US"`).
  ///
  /// - Throws: ``HolidayCalendarError/unsupportedCountryCode(_:)``, whose message lists the
  ///   supported codes.
  public init(code: String) throws(HolidayCalendarError) {
    let wanted = code.uppercased()
    guard let country = Self.allCases.first(where: { $0.rawValue == wanted }) else {
      throw .unsupportedCountryCode(code)
    }
    self = country
  }
}
