import HolidayCalendars
import TimeSeries

/// One run of consecutive local days carrying the same holiday name (Seollal: 3 days).
public struct HolidayOccurrence: Sendable, Equatable {
  public var name: String
  /// Local date of the first day, as days since 1970-01-01.
  public var firstDay: Int
  public var length: Int
}

/// Every calendar fact the design builder needs, resolved to local days and absolute times.
///
/// Built once per fit or forecast from the built-in public holidays of a country and the events
/// file; public holidays make a day a Sunday-like day, the other event kinds stay events.
public struct EventCalendar: Sendable {
  /// Local days (since 1970-01-01) that are public holidays of the country.
  public let publicHolidayDays: Set<Int>
  /// Holiday occurrences, public and from the events file, sorted by first day then name.
  public let holidays: [HolidayOccurrence]
  /// Promotion occurrences by name, each sorted by start.
  public let promotions: [String: [Event]]
  /// Labelled incidents, sorted by start.
  public let incidents: [Event]
  /// Intervals whose observations are not demand.
  public let outages: [Event]

  /// The name under which all substitute (alternative) holidays share one effect.
  public static let substituteName = "substitute_holiday"

  /// - Parameters:
  ///   - country: built-in public-holiday calendar, or `nil`.
  ///   - events: the events file's occurrences (any kinds).
  ///   - localDays: the range of local days the calendar must cover (with margin for windows).
  ///   - utcOffset: seconds east of UTC at an instant, for turning event times into local days.
  public init(
    country: HolidayCountry?, events: [Event], localDays: ClosedRange<Int>,
    utcOffset: (Int64) -> Int
  ) {
    var occurrences: [HolidayOccurrence] = []
    var publicDays = Set<Int>()
    if let country {
      let first = CivilDate(daysSinceEpoch: localDays.lowerBound).year
      let last = CivilDate(daysSinceEpoch: localDays.upperBound).year
      let covered = HolidayCalendar.coveredYears(country)
      let years = max(first, covered.lowerBound)...max(min(last, covered.upperBound), first)
      let days = HolidayCalendar.holidays(country, years: years).map { holiday in
        (day: holiday.date.daysSinceEpoch,
         name: holiday.isSubstitute ? Self.substituteName : holiday.name)
      }
      for entry in days where localDays.contains(entry.day) { publicDays.insert(entry.day) }
      occurrences += Self.groupConsecutive(days)
    }
    var promotions: [String: [Event]] = [:]
    var incidents: [Event] = []
    var outages: [Event] = []
    for event in events {
      switch event.kind {
      case .holiday:
        let first = Self.localDay(event.start, utcOffset)
        let last = Self.localDay(max(event.start, event.end - 1), utcOffset)
        occurrences.append(
          HolidayOccurrence(name: event.name, firstDay: first, length: last - first + 1))
      case .promotion: promotions[event.name, default: []].append(event)
      case .incident: incidents.append(event)
      case .outage: outages.append(event)
      }
    }
    let byStart: (Event, Event) -> Bool = { ($0.start, $0.name) < ($1.start, $1.name) }
    self.publicHolidayDays = publicDays
    self.holidays = occurrences.sorted { ($0.firstDay, $0.name) < ($1.firstDay, $1.name) }
    self.promotions = promotions.mapValues { $0.sorted(by: byStart) }
    self.incidents = incidents.sorted(by: byStart)
    self.outages = outages.sorted(by: byStart)
  }

  /// Local day of an instant.
  static func localDay(_ t: Int64, _ utcOffset: (Int64) -> Int) -> Int {
    Int(floorDiv(t + Int64(utcOffset(t)), 86_400))
  }

  /// Runs of consecutive days with the same name become one occurrence.
  static func groupConsecutive(_ days: [(day: Int, name: String)]) -> [HolidayOccurrence] {
    var result: [HolidayOccurrence] = []
    var open: [String: Int] = [:]  // name → index in result of its latest occurrence
    for entry in days.sorted(by: { ($0.day, $0.name) < ($1.day, $1.name) }) {
      if let index = open[entry.name],
        result[index].firstDay + result[index].length == entry.day
      {
        result[index].length += 1
      } else if let index = open[entry.name],
        entry.day < result[index].firstDay + result[index].length
      {
        continue  // the same day listed twice
      } else {
        open[entry.name] = result.count
        result.append(HolidayOccurrence(name: entry.name, firstDay: entry.day, length: 1))
      }
    }
    return result
  }
}
