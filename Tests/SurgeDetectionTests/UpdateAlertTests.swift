import Autoscaling
import Foundation
import Modeling
import TestSupport
import Testing
import TimeSeries

@testable import SurgeDetection

/// Update alerts while an episode lasts: the unplanned ×3 surge of `PlannedPromotionTests`'
/// scenario (day 63, 11:00, 3 hours of 15-minute slots) replayed with a 30-minute cadence.
@Suite("update alerts during a surge")
struct UpdateAlertTests {
  typealias Scenario = PlannedPromotionTests

  static func session(updateEvery: Int64?) throws -> (WatchSession, Series) {
    let (scenario, band) = try Scenario.fittedBand()
    let policy = ScalingPolicy(capacityPerStep: 200)
    let session = try WatchSession(
      band: band, series: "shop", policy: policy, updateEverySeconds: updateEvery)
    // Days 62–64: the surge of day 63 and quiet days around it (the sale of day 63 at 20:00
    // behaves as learned).
    let first = 62 * Scenario.day
    let held = Series(
      name: "shop", start: Scenario.time(day: 62, slot: 0), step: Scenario.step,
      values: Array(scenario.values[first..<(first + 2 * Scenario.day)]), timeZone: Scenario.zone)
    return (session, held)
  }

  @Test func updatesRepeatTheEpisodeAtTheCadenceUntilItEnds() throws {
    var (session, held) = try Self.session(updateEvery: 1800)
    let clock = try LocalClock(identifier: Scenario.zone)
    var alerts: [SurgeAlert] = []
    var activeDuring: [Bool] = []
    for (index, value) in held.values.enumerated() {
      let time = held.start + Int64(index) * held.step
      if let alert = try session.ingest(time: time, value: value) { alerts.append(alert) }
      activeDuring.append(try session.currentEpisode() != nil)
    }
    let kinds = alerts.map(\.kind)
    #expect(kinds.first == .surge && kinds.last == .recovered, "\(kinds)")
    let updates = alerts.filter { $0.kind == .update }
    #expect(!updates.isEmpty && kinds.dropFirst().dropLast().allSatisfy { $0 == .update })
    // Each alert of the episode at least 30 minutes after the previous one, and no more than
    // one slot later than that; all name the same onset and the surge as their episode.
    let raised = try alerts.dropLast().map { try Timestamp.parse($0.raisedAt, clock: clock) }
    for (previous, next) in zip(raised, raised.dropFirst()) {
      #expect(next - previous >= 1800 && next - previous < 1800 + Scenario.step)
    }
    for alert in alerts {
      #expect(alert.start == alerts[0].start && alert.episode == .surge)
    }
    for update in updates {
      #expect(update.ratio > 1.5, "\(update)")
      #expect((update.recommendedReplicas ?? 0) > (update.forecastReplicas ?? .max))
    }
    // The episode is current from its detection to its end, and only then.
    func index(_ text: String) throws -> Int {
      Int((try Timestamp.parse(text, clock: clock) - held.start) / held.step) - 1
    }
    let detected = try index(alerts[0].detectedAt)
    let ended = try index(try #require(alerts.last?.end))
    for (slot, active) in activeDuring.enumerated() {
      #expect(active == (slot >= detected && slot < ended), "slot \(slot)")
    }
  }

  /// Updates repeat alarms; a replay scores the same detections and false alarms with them.
  @Test func updatesAreNotAlarms() throws {
    var (withUpdates, held) = try Self.session(updateEvery: 900)
    var (without, _) = try Self.session(updateEvery: nil)
    let evaluation = ReplayEvaluation(incidents: [])
    let a = try evaluation.run(held, session: &withUpdates)
    let b = try evaluation.run(held, session: &without)
    #expect(a.alerts.count > b.alerts.count)
    #expect(a.falseAlarms == b.falseAlarms)
    #expect(b.falseAlarms.count == 1)
  }
}
