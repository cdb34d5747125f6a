import TimeSeries

/// The kind of day that decides the shape of the daily traffic profile.
///
/// Weekend traffic has a different *shape*, not only a different level (a later morning rise, a
/// broader afternoon), and public holidays behave like Sundays; so the daily Fourier terms are
/// conditioned on these three kinds.
public enum DayKind: Int, Sendable, Codable, CaseIterable {
  case weekday = 0
  case saturday = 1
  case sundayOrHoliday = 2

  /// The kind of a local date, given whether it is a public holiday.
  @inlinable public init(isoWeekday: Int, isHoliday: Bool) {
    if isHoliday || isoWeekday == 7 {
      self = .sundayOrHoliday
    } else if isoWeekday == 6 {
      self = .saturday
    } else {
      self = .weekday
    }
  }

  /// Stable name used in column labels and JSON.
  public var label: String {
    switch self {
    case .weekday: "weekday"
    case .saturday: "saturday"
    case .sundayOrHoliday: "sunday_holiday"
    }
  }
}
