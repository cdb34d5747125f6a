import Planning
import TimeSeries

/// The scenario comparison as an HTML table.
enum ScenarioTable {
  static func html(_ input: ReportInput, clock: LocalClock) -> String {
    let sized = input.outcomes.contains { $0.replicas != nil }
    var out = "<div class=\"table-wrap\"><table class=\"scenario-table\"><thead><tr>"
    out += "<th>scenario</th><th>peak</th>"
    out += "<th>80% interval</th><th>peak at</th><th>extra requests</th><th>80% interval</th>"
    out += "<th>extra as past occurrences</th>"
    if sized { out += "<th>peak replicas</th><th>replica-h</th>" }
    out += "</tr></thead><tbody>"
    for outcome in input.outcomes {
      let peak = outcome.peak
      let extra = outcome.extraRequests
      let past = outcome.pastOccurrences.map {
        "\($0.name): \(count($0.extraRequests.min))…\(count($0.extraRequests.max))"
      }.joined(separator: "; ")
      out += "<tr><td>\(Markup.escape(outcome.scenario.name))</td>"
      out += "<td>\(count(peak.expected))</td>"
      out += "<td>\(count(peak.quantiles[0.1] ?? .nan))–"
      out += "\(count(peak.quantiles[0.9] ?? .nan))</td>"
      out +=
        "<td>\(TimeTicks.dayLabel(clock.localTime(at: peak.time))) "
        + "\(LocalTimeText.clock(clock.localTime(at: peak.time).secondOfDay))</td>"
      out += "<td>\(count(extra.expected))</td>"
      let extraRange =
        outcome.scenario.events.isEmpty ? "" : "\(count(extra.lower))–\(count(extra.upper))"
      out += "<td>\(extraRange)</td>"
      out += "<td>\(Markup.escape(past))</td>"
      if sized {
        out += "<td>\(outcome.peakReplicas.map(String.init) ?? "")</td>"
        out += "<td>\(outcome.replicaHours.map { NumberTicks.fixed($0, decimals: 0) } ?? "")</td>"
      }
      out += "</tr>"
    }
    return out + "</tbody></table></div>"
  }

  static func count(_ x: Double) -> String {
    x.isFinite ? NumberTicks.label(x, step: x.magnitude >= 1e4 ? 100 : 1) : "–"
  }
}

/// Backtest metrics as an HTML table.
enum BacktestTable {
  static func html(_ view: BacktestView) -> String {
    var out = "<table class=\"backtest-metrics\"><thead><tr>"
    for metric in view.metrics { out += "<th>\(Markup.escape(metric.name))</th>" }
    out += "</tr></thead><tbody><tr>"
    for metric in view.metrics { out += "<td>\(Markup.escape(metric.value))</td>" }
    return out + "</tr></tbody></table>"
  }
}
