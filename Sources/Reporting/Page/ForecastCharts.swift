import Forecasting
import Planning
import TimeSeries

/// The time charts of a report: history with the forecast, scenarios, replicas, backtest.
struct ForecastCharts {
  let clock: LocalClock
  let unit: String
  let events: ReportEvents
  let width: Double

  static let plotInset = 64.0 + Chart.rightMargin

  /// Observations from `from` and the forecast with its 80% and 95% bands.
  func historyAndForecast(
    id: String, title: String, history: Series?, forecast: Forecast, from: Int64,
    height: Double = 340
  ) -> Chart {
    let origin = forecast.times.first ?? from
    let end = (forecast.times.last ?? origin) + forecast.step
    var observed: (xs: [Double], ys: [Double]) = ([], [])
    if let history {
      let first = max(0, Int((from - history.start) / history.step))
      for i in first..<history.count {
        observed.xs.append(Double(history.time(at: i)))
        observed.ys.append(history.values[i])
      }
    }
    let upper = forecast.quantile(0.975) ?? forecast.mean
    let top = max(observed.ys.filter(\.isFinite).max() ?? 0, upper.max() ?? 0)
    var chart = timeChart(id: id, title: title, from: from, to: end, top: top, height: height)
    chart.spans(events.spans(from: from, to: end))
    addForecast(&chart, forecast)
    if !observed.xs.isEmpty {
      chart.line(
        xs: observed.xs, ys: observed.ys,
        style: .init("series-history", color: Palette.observed, strokeWidth: 1),
        legend: "observed")
    }
    chart.verticalRule(
      x: Double(origin), label: "forecast →",
      style: .init("forecast-start", color: Palette.forecast, strokeWidth: 1, dash: "4 3"))
    return chart
  }

  /// Baseline and each scenario over the horizon, with the planned events marked.
  func scenarios(_ outcomes: [ScenarioOutcome]) -> Chart? {
    guard let base = outcomes.first, outcomes.count > 1,
      let origin = base.forecast.times.first
    else { return nil }
    let end = origin + Int64(base.forecast.count) * base.forecast.step
    let top = outcomes.compactMap { $0.forecast.quantile(0.975)?.max() }.max() ?? 0
    var chart = timeChart(
      id: "chart-scenarios", title: "Baseline and scenarios", from: origin, to: end, top: top,
      height: 340)
    let planned = outcomes.dropFirst().flatMap(\.scenario.events)
    chart.spans(planned.map(events.span))
    addForecast(&chart, base.forecast, label: "baseline")
    for (k, outcome) in outcomes.dropFirst().enumerated() {
      let color = Palette.scenarios[k % Palette.scenarios.count]
      let xs = outcome.forecast.times.map(Double.init)
      if let lower = outcome.forecast.quantile(0.1), let upper = outcome.forecast.quantile(0.9) {
        chart.band(
          xs: xs, lower: lower, upper: upper,
          style: .init("band-80 scenario-band", color: color, opacity: 0.15))
      }
      chart.line(
        xs: xs, ys: outcome.forecast.mean,
        style: .init("scenario-series", color: color, strokeWidth: 1.8),
        legend: outcome.scenario.name)
    }
    return chart
  }

  /// Recommended replicas as steps, and the traffic they serve against their capacity.
  func capacity(_ view: CapacityView, forecast: Forecast) -> (demand: Chart, replicas: Chart)? {
    guard let origin = forecast.times.first, !view.replicas.isEmpty else { return nil }
    let end = origin + Int64(forecast.count) * forecast.step
    let xs = forecast.times.map(Double.init)
    let capacity = view.replicas.map { Double($0) * view.requestsPerReplica }
    var demand = timeChart(
      id: "chart-capacity", title: "Capacity against demand", from: origin, to: end,
      top: max(capacity.max() ?? 0, view.demand.max() ?? 0), height: 300)
    demand.spans(events.spans(from: origin, to: end))
    demand.line(
      xs: xs, ys: forecast.mean,
      style: .init("series-forecast", color: Palette.forecast, strokeWidth: 1.2),
      legend: "expected")
    demand.line(
      xs: xs, ys: view.demand,
      style: .init("series-demand", color: Palette.forecast, strokeWidth: 1.2, dash: "5 3"),
      legend: view.demandLabel)
    demand.steps(
      xs: xs, ys: capacity, end: Double(end),
      style: .init("capacity-line", color: Palette.capacity, strokeWidth: 1.8),
      legend: "capacity of the recommended replicas")
    // The limits are drawn only when near the replicas: a maximum of 500 would flatten a
    // schedule of 30.
    let most = Double(view.replicas.max() ?? 1)
    let showMax = view.maxReplicas.map { Double($0) <= most * 1.5 } ?? false
    let peak = showMax ? Double(view.maxReplicas ?? 0) : most
    let ticks = NumberTicks.nice(0, peak * 1.08, target: 5)
    var replicas = Chart(
      id: "chart-replicas", width: width, height: 240,
      xDomain: (Double(origin), Double(end)), yDomain: (0, ticks.last ?? peak),
      xTicks: timeTicks(origin, end),
      yTicks: ticks.map { Tick(value: $0, label: label($0, ticks)) },
      xTitle: "local time (\(clock.identifier))", yTitle: "replicas",
      summary: "Recommended replicas per step over the forecast")
    replicas.steps(
      xs: xs, ys: view.replicas.map(Double.init), end: Double(end),
      style: .init("replica-steps", color: Palette.replicas, strokeWidth: 2),
      legend: "recommended replicas")
    if let high = view.maxReplicas, showMax {
      replicas.rule(
        y: Double(high), label: "max \(high)",
        style: .init("replica-limit", color: Palette.limit, strokeWidth: 1, dash: "4 3"))
    }
    if let low = view.minReplicas, low > 0 {
      replicas.rule(
        y: Double(low), label: "min \(low)",
        style: .init("replica-limit", color: Palette.limit, strokeWidth: 1, dash: "4 3"))
    }
    return (demand, replicas)
  }

  /// Backtest forecasts against the observations.
  func backtest(_ view: BacktestView) -> Chart? {
    guard let first = view.times.first, let last = view.times.last else { return nil }
    let step = view.times.count > 1 ? view.times[1] - view.times[0] : 3600
    let top = max(
      view.actual.filter(\.isFinite).max() ?? 0, view.upper?.max() ?? 0,
      view.forecast.max() ?? 0)
    var chart = timeChart(
      id: "chart-backtest", title: "Backtest: forecast against actual", from: first,
      to: last + step, top: top, height: 300)
    let xs = view.times.map(Double.init)
    chart.spans(events.spans(from: first, to: last + step))
    if let lower = view.lower, let upper = view.upper {
      chart.band(
        xs: xs, lower: lower, upper: upper,
        style: .init("band-80", color: Palette.band, opacity: 0.3), legend: "80% interval")
    }
    // Actual underneath in a light grey, the forecast on top: where they agree the blue line
    // sits on the grey one, and every miss shows as grey outside the band.
    chart.line(
      xs: xs, ys: view.actual,
      style: .init("backtest-actual", color: Palette.past, strokeWidth: 2.2),
      legend: "actual")
    chart.line(
      xs: xs, ys: view.forecast,
      style: .init("backtest-forecast", color: Palette.forecast, strokeWidth: 1.1),
      legend: "forecast")
    return chart
  }

  // MARK: - Shared pieces

  func addForecast(_ chart: inout Chart, _ forecast: Forecast, label: String = "expected") {
    let xs = forecast.times.map(Double.init)
    if let lower = forecast.quantile(0.025), let upper = forecast.quantile(0.975) {
      chart.band(
        xs: xs, lower: lower, upper: upper,
        style: .init("band-95", color: Palette.band, opacity: 0.14), legend: "95% interval")
    }
    if let lower = forecast.quantile(0.1), let upper = forecast.quantile(0.9) {
      chart.band(
        xs: xs, lower: lower, upper: upper,
        style: .init("band-80", color: Palette.band, opacity: 0.3), legend: "80% interval")
    }
    chart.line(
      xs: xs, ys: forecast.mean,
      style: .init("series-forecast", color: Palette.forecast, strokeWidth: 1.8), legend: label)
  }

  func timeChart(
    id: String, title: String, from: Int64, to: Int64, top: Double, height: Double
  ) -> Chart {
    let ticks = NumberTicks.nice(0, max(1, top) * 1.04, target: 5)
    return Chart(
      id: id, width: width, height: height, xDomain: (Double(from), Double(to)),
      yDomain: (0, ticks.last ?? top), xTicks: timeTicks(from, to),
      yTicks: ticks.map { Tick(value: $0, label: label($0, ticks)) },
      xTitle: "local time (\(clock.identifier))", yTitle: unit, summary: title)
  }

  func timeTicks(_ from: Int64, _ to: Int64) -> [Tick] {
    TimeTicks.ticks(from: from, to: to, width: width - Self.plotInset, clock: clock)
  }

  func label(_ value: Double, _ ticks: [Double]) -> String {
    NumberTicks.label(value, step: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
  }
}
