import Features
import Foundation
import HolidayCalendars
import Modeling
import Planning
import TimeSeries

/// What a model learned, read back as curves: the trend, the daily profile of each kind of
/// day, the weekly and yearly cycles, and the holiday and promotion effects.
///
/// Curves come from the model's own design rows (so they are exactly what forecasts use), one
/// component at a time. For a log model an additive contribution z is shown as the multiplier
/// eᶻ; for other transforms as z on the model's scale.
struct ModelComponents {
  let model: FittedModel
  let clock: LocalClock

  var multiplicative: Bool { model.transform.lambda == 0 && model.transform.offset == 0 }

  /// eᶻ for a log model, z otherwise.
  func effect(_ z: Double) -> Double { multiplicative ? exp(z) : z }

  /// Contributions per component at each of `times` (one design row per time).
  func sampled(_ times: [Int64]) throws -> [String: [Double]] {
    var result: [String: [Double]] = [:]
    for t in times {
      let (design, _) = try model.design(start: t, count: 1, events: [])
      for (name, values) in model.componentContributions(design) {
        result[name, default: []].append(values.first ?? 0)
      }
    }
    return result
  }

  /// The trend level (traffic with every other component at zero) at local noon of each day.
  func trend(from: Int64, to: Int64) throws -> (times: [Int64], level: [Double]) {
    let first = clock.localTime(at: from).date.daysSinceEpoch
    let last = clock.localTime(at: to).date.daysSinceEpoch
    let times = (first...max(first, last)).map {
      clock.startOfDay(CivilDate(daysSinceEpoch: $0)) + 12 * 3600
    }.filter { $0 >= from && $0 <= to }
    let trend = try sampled(times)[ComponentName.trend] ?? []
    return (times, trend.map(model.transform.inverse))
  }

  /// The daily profile (daily Fourier terms plus the day-kind level) on a recent day of each
  /// kind, by hour of the local day.
  func dailyProfiles() throws -> [(kind: DayKind, hours: [Double], values: [Double])] {
    let step = model.training.step
    guard step < 86_400 else { return [] }
    var result: [(kind: DayKind, hours: [Double], values: [Double])] = []
    for kind in DayKind.allCases {
      guard let day = representativeDay(kind) else { continue }
      let start = clock.startOfDay(day)
      let count = Int(86_400 / step)
      let (design, _) = try model.design(start: start, count: count, events: [])
      let parts = model.componentContributions(design)
      let daily = parts[ComponentName.seasonality("daily")] ?? []
      let level = parts[ComponentName.dayKind] ?? [Double](repeating: 0, count: count)
      guard !daily.isEmpty else { continue }
      result.append(
        (
          kind, (0..<count).map { Double($0) * Double(step) / 3600 },
          zip(daily, level).map { effect($0 + $1) }
        ))
    }
    return result
  }

  /// The weekly cycle over one local week from Monday 00:00, by hours since then.
  func weekly() throws -> (hours: [Double], values: [Double])? {
    guard let monday = recentDay(where: { $0.isoWeekday == 1 }) else { return nil }
    let step = max(model.training.step, 3600)
    let times = (0..<Int(7 * 86_400 / step)).map { clock.startOfDay(monday) + Int64($0) * step }
    guard let weekly = try sampled(times)[ComponentName.seasonality("weekly")] else { return nil }
    return (times.map { Double($0 - times[0]) / 3600 }, weekly.map(effect))
  }

  /// The yearly cycle over the calendar year of the training end, one value per day.
  func yearly() throws -> (times: [Int64], values: [Double])? {
    guard model.layout.seasonalities.contains(where: { $0.name == "yearly" }) else { return nil }
    let year = clock.localTime(at: model.training.end).date.year
    let first = CivilDate(year, 1, 1).daysSinceEpoch
    let last = CivilDate(year, 12, 31).daysSinceEpoch
    let times = (first...last).map { clock.startOfDay(CivilDate(daysSinceEpoch: $0)) }
    guard let yearly = try sampled(times)[ComponentName.seasonality("yearly")] else { return nil }
    return (times, yearly.map(effect))
  }

  /// Per holiday name: the effect the day before, on the day(s) (mean), and the day after,
  /// including the pooled public-holiday term for the country's own holidays.
  func holidayEffects() -> [(name: String, before: Double, on: Double, after: Double)] {
    let terms = model.layout.holidays
    let columns = model.layout.columns
    guard var j = columns.firstIndex(where: { $0.component == ComponentName.holidays }) else {
      return []
    }
    var pooled = 0.0
    var publicNames: Set<String> = []
    if terms.pooled, let code = terms.country, let country = try? HolidayCountry(code: code) {
      pooled = model.coefficients[j]
      publicNames = Set(HolidayCalendar.names(country) + [EventCalendar.substituteName])
      j += 1
    }
    var result: [(name: String, before: Double, on: Double, after: Double)] = []
    for name in terms.names {
      let block = Array(model.coefficients[j..<(j + terms.width(of: name))])
      j += terms.width(of: name)
      let shared = publicNames.contains(name.name) ? pooled : 0
      let days = block[terms.daysBefore..<(terms.daysBefore + name.length)]
      let on = days.reduce(0, +) / Double(max(1, days.count)) + shared
      let before = terms.daysBefore > 0 ? block[terms.daysBefore - 1] : 0
      let after = terms.daysAfter > 0 ? block[terms.daysBefore + name.length] : 0
      result.append((name.name, effect(before), effect(on), effect(after)))
    }
    return result
  }

  /// Each promotion's learned response per bucket (per unit of scale), with short bucket
  /// labels: `-1h`, `+0h`, …, `rest`, then `end`, `end+1h`, … for the hours after it ends.
  func promotionProfiles() -> [(terms: PromotionTerms, labels: [String], learned: [Double])] {
    let columns = model.layout.columns
    return model.layout.promotions.map { terms in
      let component = ComponentName.promotion(terms.name)
      let block = columns.indices.filter { columns[$0].component == component }
      return (
        terms, (0..<terms.width).map { shortLabel(terms.bucketLabel($0)) },
        block.map { effect(model.coefficients[$0]) }
      )
    }
  }

  /// `after+0h` → `end`, `after+2h` → `end+2h`: short enough for a small chart's axis.
  func shortLabel(_ label: String) -> String {
    guard label.hasPrefix("after+") else { return label }
    let rest = label.dropFirst("after+".count)
    return rest.first == "0" && rest.count == 2 ? "end" : "end+" + rest
  }

  // MARK: - Days to draw

  /// The latest day of `kind` in the last five weeks of training that no holiday touches
  /// (a Sunday for the Sunday/holiday kind).
  func representativeDay(_ kind: DayKind) -> CivilDate? {
    recentDay { date in
      switch kind {
      case .weekday: date.isoWeekday <= 5 && !isHoliday(date)
      case .saturday: date.isoWeekday == 6 && !isHoliday(date)
      case .sundayOrHoliday: date.isoWeekday == 7
      }
    }
  }

  func recentDay(where accept: (CivilDate) -> Bool) -> CivilDate? {
    let last = clock.localTime(at: model.training.end - 1).date.daysSinceEpoch
    for day in stride(from: last, to: last - 35, by: -1) {
      let date = CivilDate(daysSinceEpoch: day)
      if accept(date) { return date }
    }
    return nil
  }

  func isHoliday(_ date: CivilDate) -> Bool {
    if let code = model.layout.holidays.country, let country = try? HolidayCountry(code: code),
      !HolidayCalendar.holidays(country, on: date).isEmpty
    {
      return true
    }
    let start = clock.startOfDay(date)
    return model.trainingEvents.contains {
      $0.kind == .holiday && $0.start < start + 86_400 && $0.end > start
    }
  }
}
