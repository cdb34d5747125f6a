import Autoscaling
import TimeSeries

/// The result of `surgecast simulate` as JSON (`policies` keyed `predictive`, `reactive`,
/// `static`) and as a table.
struct SimulationReport: Encodable {
  var schemaVersion = 1
  var series: String
  var timeZone: String
  var stepSeconds: Int64
  var intervalSeconds: Int64
  var trainUntil: String
  var until: String
  var intervals: Int
  var refitEverySeconds: Int64
  var fits: Int
  var historicalPeak: Double
  var policy: RecommendationDocument.PolicyRecord
  var policies: [String: Outcome]
  var trace: [TraceRow]?

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version", series, timeZone = "time_zone"
    case stepSeconds = "step_seconds", intervalSeconds = "interval_seconds", trainUntil = "train_until", until, intervals
    case refitEverySeconds = "refit_every_seconds", fits, historicalPeak = "historical_peak"
    case policy, policies, trace
  }

  struct Outcome: Encodable {
    var overloadIntervals: Int
    var unservedRequests: Double
    var peakShortfallReplicas: Int
    var replicaHours: Double
    var costVsStatic: Double
    enum CodingKeys: String, CodingKey {
      case overloadIntervals = "overload_intervals", unservedRequests = "unserved_requests"
      case peakShortfallReplicas = "peak_shortfall_replicas", replicaHours = "replica_hours"
      case costVsStatic = "cost_vs_static"
    }
  }

  /// One interval of the trace window: demand and each policy's requested and ready replicas.
  struct TraceRow: Encodable {
    var start: String
    var demand: Double
    var requested: [String: Int]
    var ready: [String: Double]
  }

  static let names = ["predictive", "reactive", "static"]

  init(
    _ result: Simulation.Result, series: String, clock: LocalClock,
    policy: RecommendationDocument.PolicyRecord, refitEverySeconds: Int64,
    trace: ClosedRange<Int64>?
  ) {
    func time(_ t: Int64) -> String { Timestamp.format(t, clock: clock) }
    self.series = series
    timeZone = clock.identifier
    stepSeconds = result.stepSeconds
    intervalSeconds = result.intervalSeconds
    trainUntil = time(result.times.first ?? 0)
    until = time((result.times.last ?? 0) + result.intervalSeconds)
    intervals = result.times.count
    self.refitEverySeconds = refitEverySeconds
    fits = result.fits
    historicalPeak = Self.rounded(result.historicalPeak)
    self.policy = policy
    let outcomes = [result.predictive, result.reactive, result.staticPeak]
    let staticHours = result.staticPeak.replicaHours
    policies = Dictionary(
      uniqueKeysWithValues: zip(Self.names, outcomes).map { name, outcome in
        (
          name,
          Outcome(
            overloadIntervals: outcome.overloadIntervals,
            unservedRequests: Self.rounded(outcome.unservedRequests),
            peakShortfallReplicas: outcome.peakShortfallReplicas,
            replicaHours: Self.rounded(outcome.replicaHours),
            costVsStatic: staticHours > 0 ? Self.rounded(outcome.replicaHours / staticHours) : 0)
        )
      })
    if let trace {
      self.trace = result.times.indices.filter { trace.contains(result.times[$0]) }.map { k in
        TraceRow(
          start: time(result.times[k]), demand: result.demand[k],
          requested: Dictionary(
            uniqueKeysWithValues: zip(Self.names, outcomes.map { $0.requested[k] })),
          ready: Dictionary(
            uniqueKeysWithValues: zip(Self.names, outcomes.map { Self.rounded($0.ready[k]) })))
      }
    }
  }

  static func rounded(_ value: Double) -> Double {
    value.isFinite ? (value * 1000).rounded() / 1000 : 0
  }

  var text: String {
    var lines = [
      "simulation of \(series): \(intervals) decisions every \(intervalSeconds / 60) min from "
        + "\(trainUntil) to \(until), \(fits) model fits (refit every "
        + "\(refitEverySeconds / 3600) h); capacity \(NumberFormatting.value(policy.capacityPerStep)) "
        + "requests per step per replica at \(NumberFormatting.percent(policy.targetUtilization)), "
        + "lead \(policy.leadTimeSeconds / 60) min",
      "",
    ]
    var table = TextTable([
      ("policy", .left), ("overload intervals", .right), ("unserved requests", .right),
      ("peak shortfall", .right), ("replica-hours", .right), ("cost vs static", .right),
    ])
    for name in Self.names {
      guard let outcome = policies[name] else { continue }
      table.append([
        name, String(outcome.overloadIntervals),
        NumberFormatting.count(Int(outcome.unservedRequests.rounded())),
        String(outcome.peakShortfallReplicas),
        NumberFormatting.count(Int(outcome.replicaHours.rounded())),
        NumberFormatting.percent(outcome.costVsStatic),
      ])
    }
    lines.append(table.rendered().trimmingTrailingNewlines)
    if let trace, !trace.isEmpty {
      var detail = TextTable([
        ("start", .left), ("demand", .right), ("predictive", .right), ("reactive", .right),
        ("static", .right),
      ])
      for row in trace {
        detail.append(
          [row.start, NumberFormatting.value(row.demand)]
            + Self.names.map { name in
              let ready = NumberFormatting.value(((row.ready[name] ?? 0) * 10).rounded() / 10)
              let capacity = (row.ready[name] ?? 0) * policy.capacityPerStep
              return "\(row.requested[name] ?? 0) / \(ready)\(row.demand > capacity ? " !" : "")"
            })
      }
      lines += [
        "", "trace: replicas requested / ready on average ('!' = demand above ready capacity)",
        detail.rendered().trimmingTrailingNewlines,
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
