import TimeSeries

/// Runs a watch session over a historical series as if live and scores it against labelled
/// incidents: detection delay per incident and false alarms per week.
///
/// An alarm (a declared surge or drop) detects an incident when it is declared between the
/// incident's onset and `grace` after its end: the tail of an incident (an outage's retry
/// rebound, a surge's slow decay) belongs to it. Every other alarm is a false alarm. False
/// alarms are counted per week of observed slots outside the incidents (and their grace).
public struct ReplayEvaluation: Sendable {
  public var incidents: [LabelledIncident]
  /// Seconds after an incident's end during which alarms still belong to it (default 2 h).
  public var graceSeconds: Int64

  public init(incidents: [LabelledIncident], graceSeconds: Int64 = 7200) {
    self.incidents = incidents.sorted { $0.start < $1.start }
    self.graceSeconds = graceSeconds
  }

  /// Replays `series` through `session` (which should start fresh) and scores it.
  /// - Throws: `ModelingError.incompatibleData` when the series is off the model's grid.
  /// Incidents outside the series' span are left out of the result.
  public func run(_ series: Series, session: inout WatchSession) throws -> ReplayResult {
    let incidents = self.incidents.filter { $0.start >= series.start && $0.start < series.end }
    var alerts: [SurgeAlert] = []
    var alarms: [(episode: Episode, alert: SurgeAlert)] = []
    var observedSlots = 0
    var excludedSlots = 0
    for (index, value) in series.values.enumerated() {
      let time = series.start + Int64(index) * series.step
      if value.isFinite {
        observedSlots += 1
        if incidents.contains(where: { covers(time, $0) }) { excludedSlots += 1 }
      }
      guard let alert = try session.ingest(time: time, value: value) else { continue }
      alerts.append(alert)
      if alert.kind == .surge || alert.kind == .drop, let episode = session.lastStep?.episode {
        alarms.append((episode, alert))
      }
    }
    var detections = incidents.map { IncidentDetection(incident: $0) }
    var falseAlarms: [SurgeAlert] = []
    for alarm in alarms {
      if let index = incidents.firstIndex(where: { matches(alarm.episode.detectedAt, $0) }) {
        if detections[index].detectedAt == nil {
          detections[index].detectedAt = alarm.episode.detectedAt
          detections[index].kind = alarm.episode.kind
          detections[index].ratio = alarm.alert.ratio
        }
      } else {
        falseAlarms.append(alarm.alert)
      }
    }
    let weeks = Double(observedSlots - excludedSlots) * Double(series.step) / (7 * 86_400)
    return ReplayResult(
      series: series.name, weeks: weeks, detections: detections, falseAlarms: falseAlarms,
      alerts: alerts)
  }

  private func matches(_ detectedAt: Int64, _ incident: LabelledIncident) -> Bool {
    detectedAt > incident.start && detectedAt <= incident.end + graceSeconds
  }

  private func covers(_ time: Int64, _ incident: LabelledIncident) -> Bool {
    time >= incident.start && time < incident.end + graceSeconds
  }
}

/// Whether and how fast one labelled incident was detected.
public struct IncidentDetection: Sendable, Equatable {
  public var incident: LabelledIncident
  /// End of the slot whose evidence declared it (nil = missed).
  public var detectedAt: Int64?
  public var kind: DetectorState?
  public var ratio: Double?

  public init(incident: LabelledIncident) {
    self.incident = incident
  }

  /// Seconds from the labelled onset to the detection.
  public var delaySeconds: Int64? { detectedAt.map { $0 - incident.start } }
}

/// What a replay found.
public struct ReplayResult: Sendable {
  public var series: String
  /// Weeks of observed slots outside incidents (the false-alarm exposure).
  public var weeks: Double
  public var detections: [IncidentDetection]
  public var falseAlarms: [SurgeAlert]
  /// Every alert, in order (surges, drops, updates and recoveries).
  public var alerts: [SurgeAlert]

  public var falseAlarmsPerWeek: Double { weeks > 0 ? Double(falseAlarms.count) / weeks : 0 }
}
