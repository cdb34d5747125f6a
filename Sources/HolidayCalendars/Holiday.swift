/// One public holiday (or a day standing in for one) on one date.
///
/// Two holidays can share a date: Chuseok 2028 falls on National Foundation Day (3 October),
/// and then the table holds one value per name. Multi-day festivals (Seollal, Chuseok) have one
/// value per day, all with the same `name`, so a model learns one effect per festival.
public struct Holiday: Sendable, Hashable, Codable {
  /// The civil (local) date of the day off.
  public let date: CivilDate
  /// A stable snake_case name, e.g. `"seollal"`, `"thanksgiving"`. A substitute day carries the
  /// name of the holiday it stands in for.
  public let name: String
  /// Whether this is a substitute day: a Korean alternative holiday (대체공휴일) or a US
  /// "observed" day, given because the holiday itself fell on a weekend or another holiday.
  public let isSubstitute: Bool

  public init(date: CivilDate, name: String, isSubstitute: Bool = false) {
    self.date = date
    self.name = name
    self.isSubstitute = isSubstitute
  }

  /// Names of days off that do not recur on a rule: election days and temporary holidays
  /// declared by the government (Korea only). See ``isOneOff``.
  public static let oneOffNames: Set<String> = ["election_day", "temporary_holiday"]

  /// Whether this is a one-off day off (an election day or a temporary holiday).
  ///
  /// The built-in tables keep these because they are real days off that shape traffic in the
  /// history a model is fitted on. Future ones are only those the source knew of when the table
  /// was generated (elections on their statutory dates; temporary holidays are announced weeks
  /// ahead at best), so a feature builder may want to drop them: `filter { !$0.isOneOff }`.
  public var isOneOff: Bool { Self.oneOffNames.contains(name) }
}

extension Holiday: Comparable {
  /// Date first, then name, then regular days before substitutes: the order of every table.
  public static func < (a: Holiday, b: Holiday) -> Bool {
    if a.date != b.date { return a.date < b.date }
    if a.name != b.name { return a.name < b.name }
    return !a.isSubstitute && b.isSubstitute
  }
}

extension Holiday: CustomStringConvertible {
  /// `2024-02-12 seollal (substitute)`.
  public var description: String {
    "\(date) \(name)" + (isSubstitute ? " (substitute)" : "")
  }
}
