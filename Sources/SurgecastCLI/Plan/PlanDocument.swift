import Forecasting
import Foundation
import Planning
import TimeSeries

/// The JSON of `surgecast plan`: the baseline and each scenario, with sorted keys.
///
/// Versioned like every machine-read output: `format_version` changes with any change an
/// older reader would misread.
struct PlanDocument: Encodable {
  static let formatVersion = 1

  var format_version = PlanDocument.formatVersion
  var series: String
  var time_zone: String
  var step_seconds: Int64
  var unit: String
  var horizon_start: String
  var horizon_end: String
  /// The interval every `lower`/`upper` pair stands for.
  var interval: Double
  var scenarios: [ScenarioDocument]

  init(outcomes: [ScenarioOutcome], series: String, clock: LocalClock) {
    let first = outcomes.first?.forecast
    let step = first?.step ?? 3600
    self.series = series
    time_zone = clock.identifier
    step_seconds = step
    unit = StepUnit.requestsPer(step)
    horizon_start = Timestamp.format(first?.times.first ?? 0, clock: clock)
    horizon_end = Timestamp.format((first?.times.last ?? 0) + step, clock: clock)
    let levels = ScenarioPlanner.reportedInterval
    interval = Rounding.value(levels.upper - levels.lower)
    scenarios = outcomes.map { ScenarioDocument($0, clock: clock) }
  }
}

struct ScenarioDocument: Encodable {
  var name: String
  var events: [EventDocument]
  var peak: Double
  var peak_at: String
  var peak_interval: IntervalDocument
  var extra_requests: Double
  var extra_requests_interval: IntervalDocument
  var peak_replicas: Int?
  var replica_hours: Double?
  var past_occurrences: [PastDocument]
  var hourly: [HourDocument]

  init(_ outcome: ScenarioOutcome, clock: LocalClock) {
    let levels = ScenarioPlanner.reportedInterval
    name = outcome.scenario.name
    events = outcome.scenario.events.map { EventDocument($0, clock: clock) }
    peak = Rounding.value(outcome.peak.expected)
    peak_at = Timestamp.format(outcome.peak.time, clock: clock)
    peak_interval = IntervalDocument(
      lower: outcome.peak.quantiles[levels.lower] ?? .nan,
      upper: outcome.peak.quantiles[levels.upper] ?? .nan)
    extra_requests = Rounding.value(outcome.extraRequests.expected)
    extra_requests_interval = IntervalDocument(
      lower: outcome.extraRequests.lower, upper: outcome.extraRequests.upper)
    peak_replicas = outcome.peakReplicas
    replica_hours = outcome.replicaHours.map(Rounding.value)
    past_occurrences = outcome.pastOccurrences.map(PastDocument.init)
    hourly = outcome.hourlyRows(clock: clock).map { HourDocument($0, clock: clock) }
  }
}

struct EventDocument: Encodable {
  var name: String
  var kind: String
  var start: String
  var end: String
  var scale: Double
  var lift: Double?

  init(_ event: Event, clock: LocalClock) {
    name = event.name
    kind = event.kind.rawValue
    start = Timestamp.format(event.start, clock: clock)
    end = Timestamp.format(event.end, clock: clock)
    scale = event.scale
    lift = event.lift
  }
}

/// An interval's edges; absent when the forecast lacks the quantile (never in practice).
struct IntervalDocument: Encodable {
  var lower: Double?
  var upper: Double?

  init(lower: Double, upper: Double) {
    self.lower = Rounding.optional(lower)
    self.upper = Rounding.optional(upper)
  }
}

struct SpreadDocument: Encodable {
  var min: Double
  var median: Double
  var max: Double

  init(_ spread: Spread) {
    min = Rounding.value(spread.min)
    median = Rounding.value(spread.median)
    max = Rounding.value(spread.max)
  }
}

struct PastDocument: Encodable {
  var name: String
  var occurrences: Int
  var peak: SpreadDocument
  var extra_requests: SpreadDocument
  var peak_replicas: SpreadDocument?

  init(_ spread: PastOccurrenceSpread) {
    name = spread.name
    occurrences = spread.peak.count
    peak = SpreadDocument(spread.peak)
    extra_requests = SpreadDocument(spread.extraRequests)
    peak_replicas = spread.peakReplicas.map(SpreadDocument.init)
  }
}

struct HourDocument: Encodable {
  var time: String
  var expected: Double
  var lower: Double
  var upper: Double
  var uplift: Double
  var replicas: Int?

  init(_ row: HourlyRow, clock: LocalClock) {
    time = Timestamp.format(row.time, clock: clock)
    expected = Rounding.value(row.expected)
    lower = Rounding.value(row.lower)
    upper = Rounding.value(row.upper)
    uplift = Rounding.value(row.uplift)
    replicas = row.replicas
  }
}

/// Six significant digits, as in forecast files: far below the forecast's own uncertainty,
/// readable, and deterministic.
enum Rounding {
  static func value(_ x: Double) -> Double {
    guard x.isFinite, x != 0 else { return x }
    let magnitude = pow(10, 6 - (log10(abs(x))).rounded(.up))
    return (x * magnitude).rounded() / magnitude
  }

  /// `nil` for a value JSON cannot carry (NaN, infinity).
  static func optional(_ x: Double) -> Double? { x.isFinite ? value(x) : nil }
}
