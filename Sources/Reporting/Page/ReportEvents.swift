import HolidayCalendars
import Modeling
import Planning
import TimeSeries

/// The events a report marks on its time axes: the model's training events, the public
/// holidays of its calendar, events given alongside, and planned scenario events.
struct ReportEvents {
  let events: [Event]
  let clock: LocalClock

  init(input: ReportInput, clock: LocalClock, range: Range<Int64>) {
    var all = input.model.trainingEvents + input.extraEvents
    if let code = input.model.layout.holidays.country, let country = try? HolidayCountry(code: code)
    {
      let first = clock.localTime(at: range.lowerBound).date.year
      let last = clock.localTime(at: range.upperBound).date.year
      let covered = HolidayCalendar.coveredYears(country)
      let years = max(first, covered.lowerBound)...max(min(last, covered.upperBound), first)
      let named = Set(all.filter { $0.kind == .holiday }.map { "\($0.name)@\($0.start)" })
      for holiday in HolidayCalendar.holidays(country, years: years) {
        let start = clock.startOfDay(holiday.date)
        let end = clock.startOfDay(holiday.date.adding(days: 1))
        guard !named.contains("\(holiday.name)@\(start)") else { continue }
        all.append(Event(name: holiday.name, kind: .holiday, start: start, end: end))
      }
    }
    var seen = Set<String>()
    events = all.filter { event in
      event.end > range.lowerBound && event.start < range.upperBound
        && seen.insert("\(event.kind)|\(event.name)|\(event.start)").inserted
    }.sorted { ($0.start, $0.name) < ($1.start, $1.name) }
    self.clock = clock
  }

  /// Chart spans for the events overlapping `[from, to)`.
  func spans(from: Int64, to: Int64, planned: [Event] = []) -> [Chart.Span] {
    (events + planned).filter { $0.end > from && $0.start < to }.map(span)
  }

  func span(_ event: Event) -> Chart.Span {
    let scale =
      event.kind == .promotion && event.scale != 1
      ? " ×" + NumberTicks.fixed(event.scale, decimals: event.scale == event.scale.rounded() ? 0 : 1)
      : ""
    let lift = event.lift.map { ", lift ×\(NumberTicks.fixed($0, decimals: 2))" } ?? ""
    let detail =
      "\(event.kind.rawValue): \(event.name)\(scale)\(lift), "
      + "\(LocalTimeText.minute(event.start, clock: clock)) – "
      + "\(LocalTimeText.minute(event.end, clock: clock))"
    return Chart.Span(
      from: Double(event.start), to: Double(event.end), label: event.name + scale,
      detail: detail, kind: event.kind.rawValue, color: Palette.event(event.kind.rawValue))
  }
}
