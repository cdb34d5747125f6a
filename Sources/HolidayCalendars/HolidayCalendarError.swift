/// A mistake in input given to this module: an unknown country code or a malformed CSV table.
public enum HolidayCalendarError: Error, Equatable, CustomStringConvertible {
  /// The code names no built-in calendar.
  case unsupportedCountryCode(String)
  /// A holiday CSV table (`date,name,substitute`) is malformed at 1-based `line`.
  case malformedCSV(line: Int, reason: String)

  public var description: String {
    switch self {
    case .unsupportedCountryCode(let code):
      let supported = HolidayCountry.allCases.map(\.rawValue).joined(separator: ", ")
      return "unsupported holiday country code \"\(code)\" (supported: \(supported))"
    case .malformedCSV(let line, let reason):
      return "holiday table line \(line): \(reason)"
    }
  }
}
