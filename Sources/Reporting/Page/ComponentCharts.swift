import Features
import Foundation
import Planning
import TimeSeries

/// Small charts of what the model learned, one component each.
struct ComponentCharts {
  let components: ModelComponents
  let clock: LocalClock
  let width: Double = 470
  let height: Double = 250

  var effectTitle: String {
    components.multiplicative ? "multiplier (×)" : "effect on the model scale"
  }

  /// The neutral value of an effect: 1 for multipliers, 0 otherwise.
  var neutral: Double { components.multiplicative ? 1 : 0 }

  func trend(from: Int64, to: Int64, unit: String) throws -> Chart {
    let (times, level) = try components.trend(from: from, to: to)
    let ticks = NumberTicks.nice(0, (level.max() ?? 1) * 1.05, target: 4)
    var chart = Chart(
      id: "chart-trend", width: width, height: height,
      xDomain: (Double(from), Double(to)), yDomain: (0, ticks.last ?? 1),
      xTicks: TimeTicks.ticks(
        from: from, to: to, width: width - ForecastCharts.plotInset, clock: clock),
      yTicks: labelled(ticks), xTitle: "local date", yTitle: unit,
      summary: "Trend: the traffic level with every other component at zero")
    chart.line(
      xs: times.map(Double.init), ys: level,
      style: .init("component-trend", color: Palette.forecast, strokeWidth: 2), legend: "trend")
    return chart
  }

  func daily() throws -> Chart? {
    let profiles = try components.dailyProfiles()
    guard !profiles.isEmpty else { return nil }
    let values = profiles.flatMap(\.values)
    var chart = effectChart(
      id: "chart-daily", lower: values.min() ?? 0, upper: values.max() ?? 1,
      xDomain: (0, 24),
      xTicks: stride(from: 0, through: 24, by: 3).map {
        Tick(value: Double($0), label: LocalTimeText.clock(($0 % 24) * 3600))
      }, xTitle: "local hour of day", summary: "Daily profile by kind of day")
    for (k, profile) in profiles.enumerated() {
      let name = ["weekday", "Saturday", "Sunday or holiday"][profile.kind.rawValue]
      chart.line(
        xs: profile.hours, ys: profile.values,
        style: .init(
          "component-daily daily-\(profile.kind.label)", color: Palette.dayKinds[k % 3],
          strokeWidth: 2),
        legend: name)
    }
    return chart
  }

  func weekly() throws -> Chart? {
    guard let (hours, values) = try components.weekly() else { return nil }
    let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    var chart = effectChart(
      id: "chart-weekly", lower: values.min() ?? 0, upper: values.max() ?? 1,
      xDomain: (0, 168),
      xTicks: names.enumerated().map {
        Tick(value: Double($0.offset * 24 + 12), label: $0.element)
      },
      xTitle: "local day of week", summary: "Weekly cycle")
    chart.line(
      xs: hours, ys: values,
      style: .init("component-weekly", color: Palette.forecast, strokeWidth: 2),
      legend: "weekly cycle")
    return chart
  }

  func yearly() throws -> Chart? {
    guard let (times, values) = try components.yearly(), let first = times.first,
      let last = times.last
    else { return nil }
    var chart = effectChart(
      id: "chart-yearly", lower: values.min() ?? 0, upper: values.max() ?? 1,
      xDomain: (Double(first), Double(last)),
      xTicks: TimeTicks.ticks(
        from: first, to: last, width: width - ForecastCharts.plotInset, clock: clock),
      xTitle: "local date", summary: "Yearly cycle")
    chart.line(
      xs: times.map(Double.init), ys: values,
      style: .init("component-yearly", color: Palette.forecast, strokeWidth: 2),
      legend: "yearly cycle")
    return chart
  }

  /// Holiday effects as a dot plot: one row per name, the day itself and the days around it.
  func holidays() -> Chart? {
    let effects = components.holidayEffects()
    guard !effects.isEmpty else { return nil }
    let all = effects.flatMap { [$0.before, $0.on, $0.after] }
    let ticks = NumberTicks.nice(
      min(all.min() ?? neutral, neutral), max(all.max() ?? neutral, neutral), target: 5)
    let rows = Double(effects.count)
    let rowHeight = 17.0
    var chart = Chart(
      id: "chart-holidays", width: width, height: 90 + rows * rowHeight,
      xDomain: (ticks.first ?? 0, ticks.last ?? 1), yDomain: (rows - 0.5, -0.5),
      xTicks: labelled(ticks),
      yTicks: effects.enumerated().map { Tick(value: Double($0.offset), label: $0.element.name) },
      xTitle: effectTitle, yTitle: "",
      summary: "Holiday effects: the day before, the day itself and the day after")
    chart.leftMargin = 8 + (effects.map { LabelLayout.width($0.name, fontSize: 11) }.max() ?? 56)
    let ys = effects.indices.map(Double.init)
    chart.line(
      xs: [neutral, neutral], ys: [rows - 0.5, -0.5],
      style: .init("neutral", color: Palette.limit, strokeWidth: 1, dash: "3 3"))
    chart.dots(
      xs: effects.map(\.before), ys: ys, radius: 3,
      style: .init("holiday-before", color: Palette.past, opacity: 0.9), legend: "day before")
    chart.dots(
      xs: effects.map(\.after), ys: ys, radius: 3,
      style: .init("holiday-after", color: Palette.band, opacity: 0.7),
      legend: "day after")
    chart.dots(
      xs: effects.map(\.on), ys: ys, radius: 4.5,
      style: .init("holiday-effect", color: Palette.event("holiday")), legend: "on the day")
    return chart
  }

  /// One promotion's learned response profile (bars), with each past occurrence's realized
  /// profile (dots) when the history was given.
  func promotion(
    terms: PromotionTerms, labels: [String], learned: [Double], past: [PastOccurrence]
  ) -> Chart {
    let realized = past.map { $0.realizedProfile.map(components.effect) }
    let values = learned + realized.flatMap { $0.filter(\.isFinite) }
    let ticks = NumberTicks.nice(
      min(values.min() ?? neutral, neutral), max(values.max() ?? neutral, neutral), target: 5)
    let xs = learned.indices.map(Double.init)
    var chart = Chart(
      id: "chart-promotion-\(terms.name)", width: width, height: height,
      xDomain: (-0.6, Double(learned.count) - 0.4), yDomain: (ticks.first ?? 0, ticks.last ?? 1),
      xTicks: labels.enumerated().map { Tick(value: Double($0.offset), label: $0.element) },
      yTicks: labelled(ticks), xTitle: "time since the start (bucket)",
      yTitle: effectTitle + " at scale 1",
      summary: "Learned response profile of \(terms.name)")
    chart.rule(
      y: neutral, label: "", style: .init("neutral", color: Palette.limit, strokeWidth: 1))
    chart.bars(
      xs: xs, ys: learned, halfWidth: 0.32,
      style: .init("promotion-profile", color: Palette.event("promotion"), opacity: 0.85),
      legend: "learned")
    if !realized.isEmpty {
      let points = realized.flatMap { profile in profile.indices.map { (Double($0), profile[$0]) } }
      chart.dots(
        xs: points.map(\.0), ys: points.map(\.1), radius: 2.2,
        style: .init("past-occurrence", color: Palette.observed, opacity: 0.45),
        legend: "past occurrences (\(past.count))")
    }
    return chart
  }

  func effectChart(
    id: String, lower: Double, upper: Double, xDomain: (Double, Double), xTicks: [Tick],
    xTitle: String, summary: String
  ) -> Chart {
    let ticks = NumberTicks.nice(min(lower, neutral), max(upper, neutral), target: 5)
    return Chart(
      id: id, width: width, height: height, xDomain: xDomain,
      yDomain: (ticks.first ?? 0, ticks.last ?? 1), xTicks: xTicks, yTicks: labelled(ticks),
      xTitle: xTitle, yTitle: effectTitle, summary: summary)
  }

  func labelled(_ ticks: [Double]) -> [Tick] {
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    return ticks.map { Tick(value: $0, label: NumberTicks.label($0, step: step)) }
  }
}
