import Foundation
import Modeling
import TestSupport
import Testing
import TimeSeries

@testable import SurgeDetection

/// The acceptance on the default dataset at 5-minute resolution: a model fitted on the
/// data before 2025-07-01 (so the refund surge of 2025-07-16 is out of sample), the whole year
/// replayed as if live. The refund surge must be declared within 15 minutes of its onset, and
/// there must be at most one false alarm per four weeks elsewhere (planned promotions
/// included). `make watch-replay` prints the same figures from the command line.
@Suite("acceptance: replay of the default 5-minute dataset")
struct DefaultDatasetAcceptanceTests {
  static let zone = DefaultData.timeZone

  @Test func refundSurgeWithinFifteenMinutesAndFewFalseAlarms() throws {
    let series = DefaultData.fiveMinute
    let events = DefaultData.events
    let clock = try LocalClock(identifier: Self.zone)
    let cut = try Timestamp.parse("2025-07-01T00:00:00+09:00", clock: clock)
    let trainingCount = Int((cut - series.start) / series.step)
    var training = series
    training.values = Array(series.values.prefix(trainingCount))
    var spec = ModelSpec()
    spec.holidays = "KR"
    let model = try spec.fit(training, events: events.filter { $0.start < cut })

    // The refund surge is not in events.csv (it is unplanned); its onset is in truth.json.
    let refund = LabelledIncident(
      name: "refund_request_surge",
      start: try Timestamp.parse("2025-07-16T10:00:00+09:00", clock: clock),
      end: try Timestamp.parse("2025-07-17T00:00:00+09:00", clock: clock))
    let band = try NormalBand(model: model, plannedEvents: events)
    var session = try WatchSession(band: band, series: series.name)
    let evaluation = ReplayEvaluation(incidents: LabelledIncident.from(events) + [refund])
    let result = try evaluation.run(series, session: &session)

    let surge = try #require(result.detections.first { $0.incident.name == refund.name })
    let delay = try #require(surge.delaySeconds, "the refund surge was missed")
    #expect(delay <= 900)
    #expect(surge.kind == .surge)
    #expect(result.weeks > 55)
    #expect(result.falseAlarmsPerWeek * 4 <= 1, "false alarms: \(result.falseAlarms.map(\.start))")
    // The labelled bot attack and outage are found too.
    #expect(result.detections.allSatisfy { $0.detectedAt != nil })
  }
}
