import Foundation
@testable import Modeling
import TestSupport
import Testing

/// The interval calibration's quantiles against closed forms and planted distributions.
struct CalibrationQuantileTests {
  @Test func normalQuantileMatchesKnownValues() {
    #expect(abs(CalibrationStudentT.normalQuantile(0.975) - 1.959963984540054) < 1e-9)
    #expect(abs(CalibrationStudentT.normalQuantile(0.9) - 1.2815515655446004) < 1e-9)
    #expect(abs(CalibrationStudentT.normalQuantile(0.005) + 2.5758293035489004) < 1e-9)
  }

  @Test func studentTQuantileMatchesClosedFormsAndTables() {
    for p in [0.6, 0.9, 0.975, 0.995] {
      // ν = 1 is Cauchy: tan(π(p − ½)); ν = 2: (2p − 1) / √(2p(1 − p)).
      let cauchy = tan(Double.pi * (p - 0.5))
      #expect(abs(CalibrationStudentT.quantile(p, degreesOfFreedom: 1) - cauchy) < 1e-8 * cauchy)
      let two = (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
      #expect(abs(CalibrationStudentT.quantile(p, degreesOfFreedom: 2) - two) < 1e-9 * two)
      // Symmetry.
      #expect(abs(CalibrationStudentT.quantile(1 - p, degreesOfFreedom: 5)
        + CalibrationStudentT.quantile(p, degreesOfFreedom: 5)) < 1e-9)
    }
    // Tabulated values (odd and even ν): t_{0.975} with 4 and 11 degrees of freedom.
    #expect(abs(CalibrationStudentT.quantile(0.975, degreesOfFreedom: 4) - 2.7764451051977987) < 1e-8)
    #expect(abs(CalibrationStudentT.quantile(0.975, degreesOfFreedom: 11) - 2.200985160082949) < 1e-8)
    // Many degrees of freedom: close to the normal.
    #expect(abs(CalibrationStudentT.quantile(0.975, degreesOfFreedom: 400) - 1.9659) < 1e-3)
  }

  @Test func wideningFactorIsThePredictiveRatio() {
    // t_11(0.975) / z(0.975).
    let expected = 2.200985160082949 / 1.959963984540054
    #expect(abs(CalibrationStudentT.wideningFactor(level: 0.975, paths: 12) - expected) < 1e-8)
    #expect(CalibrationStudentT.wideningFactor(level: 0.5, paths: 12) == 1)
    #expect(CalibrationStudentT.wideningFactor(level: 0.9, paths: 1) == 1)
    // Two paths are widened as `minimumPaths`, not as a Cauchy distribution.
    #expect(CalibrationStudentT.wideningFactor(level: 0.975, paths: 2)
      == CalibrationStudentT.wideningFactor(level: 0.975, paths: CalibrationStudentT.minimumPaths))
    let table = CalibrationStudentT.wideningFactors(paths: 12)
    let levels = IntervalCalibration.standardLevels
    #expect(table.count == levels.count)
    #expect(abs(table[levels.firstIndex(of: 0.975) ?? 0] - expected) < 1e-8)
  }

  /// Gaussian scores with known σ, one path (no widening): the split-conformal order statistic
  /// covers a fresh draw with probability ⌈(m+1)p⌉/(m+1) on average — exactly p here — which
  /// the exact coverage Φ(q/σ) of each calibrated quantile, averaged over repetitions, shows.
  @Test func conformalQuantilesCoverFreshGaussianDraws() {
    var random = SplitMix64(seed: 41)
    let sigma = 2.5
    let m = 99
    let levels = [0.025, 0.1, 0.9, 0.975]
    var coverage = [Double](repeating: 0, count: levels.count)
    let repetitions = 4_000
    for _ in 0..<repetitions {
      let scores = (0..<m).map { _ in sigma * random.normal() }.sorted()
      let q = CalibrationFitting.calibratedQuantiles(scores, levels: levels, paths: 1)
      for (k, p) in levels.enumerated() {
        let below = 0.5 * erfc(-q[k] / sigma / 2.0.squareRoot())
        coverage[k] += (p > 0.5 ? below : 1 - below) / Double(repetitions)
      }
    }
    // ⌈100·0.975⌉/100 = 0.975 and ⌈100·0.9⌉/100 = 0.9 on each side; sampling error ≈ 0.002.
    for (k, p) in levels.enumerated() {
      let nominal = p > 0.5 ? p : 1 - p
      #expect(abs(coverage[k] - nominal) < 0.008, "level \(p): coverage \(coverage[k])")
    }
  }

  /// Scores in 12 paths sharing a path effect (half the variance), as rolling origins do: the
  /// widened 95% band covers fresh paths at least nominally; without the widening it covers
  /// less. (Stationary Gaussian data are the easy case: here the widening over-covers a little,
  /// about 0.97; it is the change of scale between windows on real data that it is for.)
  @Test func wideningCoversFreshPathsWithSharedPathEffects() {
    var random = SplitMix64(seed: 7)
    let (paths, leads, repetitions) = (12, 12, 2_000)
    var covered = (widened: 0.0, plain: 0.0)
    for _ in 0..<repetitions {
      var scores: [Double] = []
      for _ in 0..<paths {
        let shared = 0.5.squareRoot() * random.normal()
        for _ in 0..<leads { scores.append(shared + 0.5.squareRoot() * random.normal()) }
      }
      scores.sort()
      let widened = CalibrationFitting.calibratedQuantiles(
        scores, levels: [0.025, 0.975], paths: paths)
      let plain = CalibrationFitting.calibratedQuantiles(scores, levels: [0.025, 0.975], paths: 1)
      let shared = 0.5.squareRoot() * random.normal()
      for _ in 0..<leads {
        let fresh = shared + 0.5.squareRoot() * random.normal()
        if fresh >= widened[0] && fresh <= widened[1] { covered.widened += 1 }
        if fresh >= plain[0] && fresh <= plain[1] { covered.plain += 1 }
      }
    }
    let draws = Double(repetitions * leads)
    let (widened, plain) = (covered.widened / draws, covered.plain / draws)
    #expect(widened >= 0.95 && widened <= 0.99, "widened coverage \(widened)")
    #expect(plain < widened, "plain \(plain) vs widened \(widened)")
  }

  /// Buckets count their distinct origins: 12 origins of 48 leads widen by the 12-path factor.
  @Test func summarizeWidensByTheOriginsOfEachBucket() {
    var random = SplitMix64(seed: 3)
    let scoresByLead = (0..<48).map { _ in
      (0..<12).map { origin in
        CalibrationFitting.Score(origin: 1_000 + 24 * origin, value: random.normal())
      }
    }
    let calibration = CalibrationFitting.summarize(
      scoresByLead, binScales: [1], binning: .none, binSeconds: 86_400,
      shrinkingLocations: false)
    #expect(calibration.leadStarts.first == 1)
    for (b, start) in calibration.leadStarts.enumerated() {
      let end = b + 1 < calibration.leadStarts.count ? calibration.leadStarts[b + 1] : 49
      let values = scoresByLead[(start - 1)..<(end - 1)].flatMap { $0.map(\.value) }.sorted()
      #expect(calibration.sampleSizes[b] == values.count)
      let expected = CalibrationFitting.calibratedQuantiles(
        values, levels: IntervalCalibration.standardLevels, paths: 12)
      #expect(calibration.quantiles[b] == expected)
    }
  }
}
