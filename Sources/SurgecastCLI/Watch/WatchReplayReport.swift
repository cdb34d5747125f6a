import Foundation
import SurgeDetection
import TimeSeries

/// The result of `surgecast watch --replay`: detection delay per labelled incident, false
/// alarms per week, and every alarm; JSON (sorted keys) or text tables.
struct WatchReplayReport: Encodable {
  struct Detection: Encodable {
    var incident: String
    var start: String
    var end: String
    var detected: Bool
    var detectedAt: String?
    var delayMinutes: Double?
    var kind: String?
    var ratio: Double?

    enum CodingKeys: String, CodingKey {
      case incident, start, end, detected
      case detectedAt = "detected_at"
      case delayMinutes = "delay_minutes"
      case kind, ratio
    }
  }

  var formatVersion = 1
  var series: String
  var model: String
  var weeks: Double
  var falseAlarms: Int
  var falseAlarmsPerWeek: Double
  var falseAlarmsPerFourWeeks: Double
  var detections: [Detection]
  var falseAlarmList: [SurgeAlert]
  var alerts: Int
  var settings: DetectorSettings

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case series, model, weeks
    case falseAlarms = "false_alarms"
    case falseAlarmsPerWeek = "false_alarms_per_week"
    case falseAlarmsPerFourWeeks = "false_alarms_per_four_weeks"
    case detections
    case falseAlarmList = "false_alarm_list"
    case alerts, settings
  }

  init(_ result: ReplayResult, model: String, settings: DetectorSettings, clock: LocalClock) {
    series = result.series
    self.model = model
    weeks = result.weeks
    falseAlarms = result.falseAlarms.count
    falseAlarmsPerWeek = result.falseAlarmsPerWeek
    falseAlarmsPerFourWeeks = result.falseAlarmsPerWeek * 4
    detections = result.detections.map { detection in
      Detection(
        incident: detection.incident.name,
        start: Timestamp.format(detection.incident.start, clock: clock),
        end: Timestamp.format(detection.incident.end, clock: clock),
        detected: detection.detectedAt != nil,
        detectedAt: detection.detectedAt.map { Timestamp.format($0, clock: clock) },
        delayMinutes: detection.delaySeconds.map { Double($0) / 60 },
        kind: detection.kind?.rawValue, ratio: detection.ratio)
    }
    falseAlarmList = result.falseAlarms
    alerts = result.alerts.count
    self.settings = settings
  }

  var text: String {
    var out = "Replay of \(series) with \(model): \(NumberFormatting.value(rounded(weeks, 1))) "
    out += "weeks outside incidents\n\nLabelled incidents\n"
    var table = TextTable([
      ("incident", .left), ("onset", .left), ("detected at", .left), ("delay", .right),
      ("as", .left), ("ratio", .right),
    ])
    for d in detections {
      table.append([
        d.incident, d.start, d.detectedAt ?? "missed",
        d.delayMinutes.map { "\(NumberFormatting.value($0)) min" } ?? "-", d.kind ?? "-",
        d.ratio.map { NumberFormatting.value(rounded($0, 2)) } ?? "-",
      ])
    }
    out += table.rendered(indent: "  ")
    out += "\nFalse alarms: \(falseAlarms) "
    out += "(\(NumberFormatting.value(rounded(falseAlarmsPerFourWeeks, 2))) per four weeks)\n"
    if !falseAlarmList.isEmpty {
      var alarms = TextTable([("onset", .left), ("detected at", .left), ("as", .left), ("ratio", .right)])
      for alert in falseAlarmList {
        alarms.append([
          alert.start, alert.detectedAt, alert.kind.rawValue,
          NumberFormatting.value(rounded(alert.ratio, 2)),
        ])
      }
      out += alarms.rendered(indent: "  ")
    }
    return out
  }

  private func rounded(_ value: Double, _ digits: Int) -> Double {
    let scale = pow(10, Double(digits))
    return (value * scale).rounded() / scale
  }
}
