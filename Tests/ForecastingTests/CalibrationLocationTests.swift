import Foundation
@testable import Modeling
import TestSupport
import Testing

/// The shrinkage of the lead buckets' medians (``CalibrationLocation``) on planted scores:
/// buckets that differ only by noise are pooled, buckets with real differences keep them,
/// and the paths' shared errors count as neither.
struct CalibrationLocationTests {
  /// Scores of `paths` paths over `buckets` buckets of `leads` leads: bucket location, plus a
  /// path effect shared by every lead of the path, plus noise.
  private func planted(
    seed: UInt64, locations: [Double], paths: Int = 12, leads: Int = 4,
    pathEffect: Double, noise: Double
  ) -> [[CalibrationFitting.Score]] {
    var random = SplitMix64(seed: seed)
    let effects = (0..<paths).map { _ in pathEffect * random.normal() }
    return locations.map { location in
      (0..<paths).flatMap { path in
        (0..<leads).map { _ in
          CalibrationFitting.Score(
            origin: 100 + 30 * path, value: location + effects[path] + noise * random.normal())
        }
      }
    }
  }

  /// Each bucket's departure from the paths' own levels: the mean over its paths of (the
  /// path's mean in the bucket − the path's mean over every bucket).
  private func departures(_ buckets: [[CalibrationFitting.Score]]) -> [Double] {
    func means(_ scores: [CalibrationFitting.Score]) -> [Int: Double] {
      Dictionary(grouping: scores, by: \.origin).mapValues {
        $0.map(\.value).reduce(0, +) / Double($0.count)
      }
    }
    let overall = means(buckets.flatMap { $0 })
    return buckets.map { bucket in
      let within = means(bucket).map { path, mean in mean - (overall[path] ?? mean) }
      return within.reduce(0, +) / Double(within.count)
    }
  }

  /// Equal locations and large shared path errors (5× the noise): the buckets' departures
  /// are removed, or mostly, in every seed — the path errors are not taken for differences
  /// between buckets. (When noise happens to look like spread, τ² > 0 and a share stays.)
  @Test func bucketsThatDifferOnlyByNoiseArePooled() {
    var pooled = 0
    var ratios: [Double] = []
    for seed in UInt64(1)...20 {
      let buckets = planted(
        seed: seed, locations: [0, 0, 0, 0, 0, 0], pathEffect: 1.0, noise: 0.2)
      let before = departures(buckets)
      let after = zip(before, CalibrationLocation.shifts(buckets)).map { $0 + $1 }
      let spreadBefore = before.map { $0 * $0 }.reduce(0, +)
      let spreadAfter = after.map { $0 * $0 }.reduce(0, +)
      #expect(spreadAfter <= 0.5 * spreadBefore, "seed \(seed): \(before) → \(after)")
      ratios.append(spreadAfter / spreadBefore)
      if after.allSatisfy({ abs($0) < 1e-12 }) { pooled += 1 }
    }
    // τ² is estimated as 0 in most seeds: then the pooling is complete.
    #expect(pooled >= 10, "completely pooled in \(pooled) of 20 seeds")
    let meanRatio = ratios.reduce(0, +) / Double(ratios.count)
    #expect(meanRatio <= 0.1, "mean share of the spread kept \(meanRatio)")
  }

  /// Locations 2 apart with noise 0.2: the buckets keep (nearly) all of their differences,
  /// which recover the planted ones.
  @Test func realDifferencesBetweenBucketsAreKept() {
    let locations = [0.0, 2, -2, 4, -4, 1]
    let buckets = planted(seed: 7, locations: locations, pathEffect: 1.0, noise: 0.2)
    let before = departures(buckets)
    let shifts = CalibrationLocation.shifts(buckets)
    let plantedMean = locations.reduce(0, +) / Double(locations.count)
    for b in buckets.indices {
      #expect(abs(shifts[b]) <= 0.01 * abs(before[b]) + 1e-12, "shift \(shifts[b]) of \(before[b])")
      #expect(abs(before[b] + shifts[b] - (locations[b] - plantedMean)) < 0.1, "bucket \(b)")
    }
  }

  /// Nothing to judge the noise by: one bucket, or a single path.
  @Test func oneBucketOrOnePathIsLeftAsItIs() {
    let one = planted(seed: 3, locations: [0.5], pathEffect: 0.5, noise: 0.2)
    #expect(CalibrationLocation.shifts(one) == [0])
    let single = planted(seed: 3, locations: [0, 1, -1], paths: 1, pathEffect: 0.5, noise: 0.2)
    #expect(CalibrationLocation.shifts(single) == [0, 0, 0])
    #expect(CalibrationLocation.shifts([]) == [])
  }

  /// `summarize` applies the shifts to every level of a bucket (the shape about the median is
  /// kept) only when asked to, and the result does not depend on the order of the scores
  /// (up to rounding).
  @Test func summarizeShiftsWholeRowsOnlyWhenShrinking() {
    var random = SplitMix64(seed: 11)
    let effects = (0..<12).map { _ in random.normal() }
    let scoresByLead = (0..<24).map { lead in
      (0..<12).map { origin in
        CalibrationFitting.Score(
          origin: 1_000 + 30 * origin,
          value: effects[origin] + 0.3 * random.normal() + (lead % 8 == 3 ? 0.5 : 0))
      }
    }
    let kept = CalibrationFitting.summarize(
      scoresByLead, binScales: [1], binning: .none, binSeconds: 86_400,
      shrinkingLocations: false)
    let shrunk = CalibrationFitting.summarize(
      scoresByLead, binScales: [1], binning: .none, binSeconds: 86_400,
      shrinkingLocations: true)
    let reversed = CalibrationFitting.summarize(
      scoresByLead.map { $0.reversed() }, binScales: [1], binning: .none, binSeconds: 86_400,
      shrinkingLocations: true)
    #expect(shrunk.leadStarts == kept.leadStarts)
    #expect(shrunk.quantiles.count > 1)
    for (a, b) in zip(reversed.quantiles, shrunk.quantiles) {
      #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 })
    }
    var moved = false
    for (a, b) in zip(kept.quantiles, shrunk.quantiles) {
      let shift = b[0] - a[0]
      for (x, y) in zip(a, b) { #expect(abs((y - x) - shift) < 1e-12) }
      if abs(shift) > 1e-9 { moved = true }
    }
    #expect(moved)
  }
}
