import Foundation
import Modeling
import TestSupport
import Testing
import TimeSeries

@testable import SurgecastCLI

/// The retrain level check on a planted series: the level ratio of the new weeks is recovered,
/// and only a change beyond the limit on the same side as the band is inconsistent.
@Suite struct LevelDriftTests {
  /// Five weeks of hourly counts with a daily cycle and 5% noise (seeded); the last two weeks
  /// multiplied by `factor`, except the slots in `skipped`.
  static func series(factor: Double, skipped: Range<Int> = 0..<0) -> Series {
    var random = SplitMix64(seed: 11)
    let values = (0..<(35 * 24)).map { t -> Double in
      let daily = 1 + 0.5 * sin(2 * Double.pi * Double(t % 24) / 24)
      let value = (1000 * daily * (1 + 0.05 * random.normal())).rounded()
      return t >= 21 * 24 && !skipped.contains(t) ? value * factor : value
    }
    return Series(name: "api", start: 1_735_689_600, step: 3_600, values: values)
  }

  static func model() throws -> FittedModel {
    let full = series(factor: 1)
    let history = Series(
      name: "api", start: full.start, step: full.step, values: Array(full.values[..<(21 * 24)]))
    return try ModelSpec().fit(history)
  }

  @Test func plantedLevelChangesAreMeasuredAndJudged() throws {
    let model = try Self.model()
    for (factor, consistent) in [(1.0, true), (1.5, true), (10, false), (0.1, false)] {
      let drift = try LevelDrift(
        old: model, series: Self.series(factor: factor), events: [], maxLevelChange: 3)
      #expect(drift.observations == 14 * 24)
      #expect(abs(drift.medianRatio / factor - 1) < 0.03, "×\(factor): \(drift.medianRatio)")
      #expect(drift.consistent == consistent, "×\(factor): \(drift.summary)")
    }
    let unchanged = try LevelDrift(
      old: model, series: Self.series(factor: 1), events: [], maxLevelChange: 3)
    #expect(unchanged.shareAbove < 0.1 && unchanged.shareBelow < 0.1, "\(unchanged.summary)")
  }

  /// A ×10 burst over a third of the new slots moves the band but not the median level: it is
  /// a surge, not a unit error.
  @Test func aShortSurgeIsNotALevelChange() throws {
    let drift = try LevelDrift(
      old: try Self.model(), series: Self.series(factor: 10, skipped: (25 * 24)..<(35 * 24)),
      events: [], maxLevelChange: 3)
    #expect(drift.consistent, "\(drift.summary)")
    // Every burst slot is above the band, and the clean ones leave it only now and then.
    #expect(drift.shareAbove >= 4.0 / 14 && drift.shareAbove < 4.0 / 14 + 0.05, "\(drift.summary)")
  }

  /// Known incidents and outages are left out of the comparison.
  @Test func slotsOfKnownIncidentsAreLeftOut() throws {
    let series = Self.series(factor: 10)
    let incident = Event(
      name: "bot", kind: .incident, start: series.time(at: 21 * 24), end: series.end)
    let drift = try LevelDrift(
      old: try Self.model(), series: series, events: [incident], maxLevelChange: 3)
    #expect(drift.observations == 0)
    #expect(drift.consistent)
  }
}
