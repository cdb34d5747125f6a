import Foundation
import Planning
import TimeSeries

/// The readable comparison of `surgecast plan --format text`.
enum PlanText {
  static func render(_ outcomes: [ScenarioOutcome], series: String, clock: LocalClock) -> String {
    guard let base = outcomes.first, let first = base.forecast.times.first else {
      return "empty plan\n"
    }
    let step = base.forecast.step
    let days = Double(base.forecast.count) * Double(step) / 86_400
    var text =
      "Plan for \(series): \(NumberFormatting.value(days)) days from "
      + "\(LocalTimeText.minute(first, clock: clock)) (\(clock.identifier)); "
      + "\(StepUnit.requestsPer(step)); intervals are 80%\n\n"
    var table = TextTable([
      ("scenario", .left), ("peak", .right), ("80% interval", .right), ("peak at", .left),
      ("extra requests", .right), ("80% interval", .right), ("past occurrences", .right),
      ("peak replicas", .right), ("replica-hours", .right),
    ])
    let levels = ScenarioPlanner.reportedInterval
    for outcome in outcomes {
      let peak = outcome.peak
      table.append([
        outcome.scenario.name, count(peak.expected),
        range(peak.quantiles[levels.lower], peak.quantiles[levels.upper]),
        LocalTimeText.minute(peak.time, clock: clock),
        signed(outcome.extraRequests.expected),
        outcome.scenario.events.isEmpty
          ? "" : range(outcome.extraRequests.lower, outcome.extraRequests.upper),
        past(outcome.pastOccurrences),
        outcome.peakReplicas.map { String($0) } ?? "-",
        outcome.replicaHours.map { count($0) } ?? "-",
      ])
    }
    text += table.rendered()
    text +=
      "\npast occurrences: the range of extra requests when each promotion responds like "
      + "each of its past occurrences (needs --data)\n"
    for outcome in outcomes.dropFirst() {
      text += "\n" + uplift(outcome, base: base, clock: clock)
    }
    return text
  }

  /// The hours where the scenario differs from the baseline by at least 0.1%.
  private static func uplift(_ outcome: ScenarioOutcome, base: ScenarioOutcome, clock: LocalClock)
    -> String
  {
    let events = outcome.scenario.events.map { event in
      "\(event.name) ×\(NumberFormatting.value(event.scale)) "
        + "\(LocalTimeText.minute(event.start, clock: clock))"
    }
    let text = "\(outcome.scenario.name): " + events.joined(separator: ", ") + "\n"
    var table = TextTable([
      ("hour", .left), ("baseline", .right), ("scenario", .right), ("uplift", .right),
      ("uplift %", .right), ("replicas", .right),
    ])
    let baseRows = base.hourlyRows(clock: clock)
    for (row, baseRow) in zip(outcome.hourlyRows(clock: clock), baseRows) {
      guard abs(row.uplift) >= max(0.5, 0.001 * baseRow.expected) else { continue }
      let percent = baseRow.expected > 0 ? row.uplift / baseRow.expected : .nan
      let replicas = row.replicas.map { r in
        baseRow.replicas.map { "\($0) → \(r)" } ?? String(r)
      }
      table.append([
        LocalTimeText.minute(row.time, clock: clock), count(baseRow.expected),
        count(row.expected), signed(row.uplift),
        percent.isFinite ? String(format: "%+.1f%%", percent * 100) : "-", replicas ?? "-",
      ])
    }
    return table.rows.isEmpty
      ? text + "  no hour differs from the baseline\n"
      : text + table.rendered(indent: "  ")
  }

  private static func count(_ x: Double) -> String {
    x.isFinite ? NumberFormatting.count(Int(x.rounded())) : "-"
  }

  private static func signed(_ x: Double) -> String {
    let text = count(x)
    return x.rounded() > 0 ? "+" + text : text
  }

  private static func range(_ lower: Double?, _ upper: Double?) -> String {
    guard let lower, let upper else { return "-" }
    return "\(count(lower))–\(count(upper))"
  }

  private static func past(_ spreads: [PastOccurrenceSpread]) -> String {
    guard !spreads.isEmpty else { return "-" }
    return spreads.map { spread in
      let e = spread.extraRequests
      return "\(spread.name) ×\(e.count): \(signed(e.min))…\(signed(e.max))"
    }.joined(separator: "; ")
  }
}
