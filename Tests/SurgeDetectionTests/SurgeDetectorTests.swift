import Foundation
import Testing

@testable import SurgeDetection

@Suite("sequential surge detector on generated streams")
struct SurgeDetectorTests {
  static let week = 7 * 288

  /// A year of noise around an exactly known expectation raises nothing: under the null the
  /// statistics drift down by d²/2 ≥ 12 per slot at σ = 0.08, so crossing 20 is a ~e⁻²⁰ event.
  @Test func aYearOfNormalTrafficRaisesNoAlarm() {
    let stream = SyntheticStream(slots: 52 * Self.week)
    let (transitions, detector) = stream.run(seed: 1)
    #expect(transitions.isEmpty, "false alarms: \(transitions.map(\.time))")
    #expect(abs(detector.level) < 0.02)
  }

  /// Twenty planted ×2 surges of two hours: each declared at the end of its second slot
  /// (10 minutes: the first slot adds at most 18 < 20), with the onset at the planted start,
  /// and each over within the hour after it ends.
  @Test func plantedSurgesAreDetectedInTwoSlots() throws {
    var stream = SyntheticStream(slots: 20 * Self.week)
    let starts = (0..<20).map { $0 * Self.week + 3 * 288 + 150 }
    for start in starts { stream.plant(2, from: start, count: 24) }
    let (transitions, _) = stream.run(seed: 2)
    let started = transitions.filter { $0.transition == .surgeStarted }
    let ended = transitions.filter { $0.transition == .ended }
    #expect(started.count == 20)
    #expect(ended.count == 20)
    for (start, step) in zip(starts, started) {
      let episode = try #require(step.episode)
      #expect(episode.start == stream.time(start))
      #expect(episode.detectedAt - episode.start == 2 * SyntheticStream.step)
    }
    for (start, step) in zip(starts, ended) {
      let end = try #require(step.episode?.end)
      #expect(end > stream.time(start + 24) && end <= stream.time(start + 36))
    }
  }

  /// A ramp like the default dataset's refund surge (log-linear to ×4 over 20 minutes) is
  /// declared within 15 minutes.
  @Test func aRampingSurgeIsDetectedWithinFifteenMinutes() throws {
    var stream = SyntheticStream(slots: 2 * Self.week)
    let onset = Self.week + 120
    for k in 0..<36 { stream.plant(exp(log(4) * min(1, Double(k + 1) / 4)), from: onset + k, count: 1) }
    let (transitions, _) = stream.run(seed: 3)
    let first = try #require(transitions.first)
    #expect(first.transition == .surgeStarted)
    let episode = try #require(first.episode)
    #expect(episode.detectedAt - stream.time(onset) <= 900)
  }

  /// One slot at ×10 is a noisy point, not a surge: a single slot adds at most 18 (`maxSlotEvidence`) < 20.
  @Test func aSingleSpikeIsNotASurge() {
    var stream = SyntheticStream(slots: 2 * Self.week)
    for k in stride(from: 100, to: 2 * Self.week, by: 97) { stream.plant(10, from: k, count: 1) }
    let (transitions, _) = stream.run(seed: 4)
    #expect(transitions.isEmpty)
  }

  /// A permanent ×1.2 shift (a new normal, like the default dataset's) raises no alarm and is
  /// absorbed by the adaptive level within a day.
  @Test func aLevelShiftIsAbsorbedWithoutAlarm() {
    var stream = SyntheticStream(slots: 3 * Self.week)
    stream.plant(1.2, from: Self.week, count: 2 * Self.week)
    let (transitions, detector) = stream.run(seed: 5)
    #expect(transitions.isEmpty)
    #expect(abs(detector.level - log(1.2)) < 0.03)
  }

  /// An outage (×0.05 for an hour) is declared a drop in two slots.
  @Test func anOutageIsADrop() throws {
    var stream = SyntheticStream(slots: Self.week)
    stream.plant(0.05, from: 1000, count: 12)
    let (transitions, _) = stream.run(seed: 6)
    let first = try #require(transitions.first)
    #expect(first.transition == .dropStarted)
    #expect(first.episode?.start == stream.time(1000))
    #expect(first.episode.map { $0.detectedAt - $0.start } == 600)
  }

  /// Missing slots and slots out of order change nothing.
  @Test func missingAndRepeatedSlotsAreIgnored() {
    var detector = SurgeDetector()
    #expect(detector.observe(time: 0, step: 300, observed: .nan, expected: 100, logSpread: 0.1) == nil)
    #expect(detector.observe(time: 0, step: 300, observed: 500, expected: 100, logSpread: 0.1) != nil)
    #expect(detector.observe(time: 0, step: 300, observed: 500, expected: 100, logSpread: 0.1) == nil)
    #expect(detector.upper > 0 && detector.upper < 20)
  }

  @Test func settingsAreChecked() {
    #expect(DetectorSettings().problem == nil)
    #expect(DetectorSettings(surgeRatio: 1).problem != nil)
    #expect(DetectorSettings(dropRatio: 1.2).problem != nil)
    #expect(DetectorSettings(threshold: 0).problem != nil)
  }
}

extension SurgeDetectorTests {
  /// A tight band (σ = 2.5%, an hourly series of ~15,000 requests) still declares a ×3 surge
  /// in two slots: the evidence per slot is capped, not the score.
  @Test func tightBandsStillDetect() throws {
    var stream = SyntheticStream(slots: Self.week)
    stream.sigma = 0.025
    stream.plant(3, from: 500, count: 6)
    let (transitions, _) = stream.run(seed: 7)
    let first = try #require(transitions.first)
    #expect(first.transition == .surgeStarted)
    #expect(first.episode.map { $0.detectedAt - $0.start } == 600)
  }
}
