import Foundation
import SurgeDetection
import TimeSeries
import TrafficSynthesis

/// The labelled incidents a replay is scored against.
enum WatchLabels {
  /// Incidents and outages of the events file, every row of `--incidents` (whatever its
  /// kind), and the surge, incident and outage of a synthetic dataset's `--truth`, one per onset.
  static func incidents(events: [Event], incidentsFile: String?, truthFile: String?, timeZone: String)
    throws -> [LabelledIncident]
  {
    var labels = LabelledIncident.from(events)
    if let incidentsFile {
      try InputFile.requireReadable(incidentsFile)
      labels += try EventsCSV.read(path: incidentsFile, timeZone: timeZone).map {
        LabelledIncident(name: $0.name, start: $0.start, end: $0.end)
      }
    }
    if let truthFile {
      labels += try fromTruth(truthFile)
    }
    // One label per onset: the truth's outage includes its retry rebound, the events file's
    // does not; the longer one is kept.
    var byStart: [Int64: LabelledIncident] = [:]
    for label in labels where (byStart[label.start]?.end ?? .min) < label.end {
      byStart[label.start] = label
    }
    return byStart.values.sorted { $0.start < $1.start }
  }

  /// The unplanned surge, the incident and the outage of a `truth.json`.
  static func fromTruth(_ path: String) throws -> [LabelledIncident] {
    try InputFile.requireReadable(path)
    let truth: GroundTruth
    do {
      truth = try JSONDecoder().decode(GroundTruth.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw DataError(file: path, "not a Surgecast ground-truth file: \(error)")
    }
    var labels: [LabelledIncident] = []
    if let surge = truth.surge {
      labels.append(
        LabelledIncident(name: surge.name, start: surge.start.epochSeconds, end: surge.end.epochSeconds))
    }
    if let incident = truth.incident {
      labels.append(
        LabelledIncident(
          name: incident.name, start: incident.start.epochSeconds, end: incident.end.epochSeconds))
    }
    if let outage = truth.outage {
      let end = outage.rebound?.end.epochSeconds ?? outage.end.epochSeconds
      labels.append(LabelledIncident(name: outage.name, start: outage.start.epochSeconds, end: end))
    }
    return labels
  }
}
