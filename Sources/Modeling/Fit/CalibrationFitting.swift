import Features
import LinearAlgebra

/// Calibrates the forecast intervals on the model's own out-of-sample errors.
///
/// At K rolling origins near the end of the window, the structural model is re-solved on the
/// rows before the origin only — with XᵀWX of each prefix accumulated in one pass, and a
/// p×p solve per origin instead of a refit — then forecast forward with the short-term
/// correction, exactly as a real forecast would be. The errors, divided by the residual scale
/// of their bin (hour of day or month), are pooled by lead time. In each bucket of leads the
/// quantiles are split-conformal order statistics (the ⌈(m+1)p⌉-th of m scores), widened
/// about the median by the Student-t predictive factor for the number of origins the scores
/// come from (``CalibrationStudentT``): the scores of one origin are one correlated path, so
/// the spread is known to the precision of K draws, not of m. For the same reason, where a
/// lead has no fixed phase of the season (daily data), the buckets' levels — the bias
/// correction by lead, which moves the expected count — are shrunk together by how much
/// they differ beyond noise (``CalibrationLocation``).
struct CalibrationFitting {
  let fit: PenalizedFit
  /// Longest lead calibrated.
  let horizon: Int
  /// Out-of-sample errors at the rolling origins, with the chosen short-term correction.
  let errors: [(lead: Int, slot: Int, error: Double)]
  /// Whether a lead falls at the same point of the season from every origin
  /// (``RollingOrigins/leadsHaveFixedPhase``); if not, the buckets' levels are shrunk
  /// together (``CalibrationLocation``).
  let leadsHaveFixedPhase: Bool

  /// Buckets of leads hold at least this many scores, merging neighbours when needed.
  static let minimumBucketSize = 40

  func run() -> IntervalCalibration {
    var scoresByLead = [[Score]](repeating: [], count: horizon)
    for entry in errors {
      scoresByLead[entry.lead].append(
        Score(origin: entry.slot - entry.lead, value: entry.error / fit.scaleForRow(entry.slot)))
    }
    if scoresByLead.allSatisfy({ $0.isEmpty }) {
      // Too little history for rolling origins: fall back to in-sample residual scores (one
      // "path", so no Student-t widening: there is no between-origin spread to estimate).
      let residuals = fit.residuals()
      scoresByLead = [residuals.indices.compactMap { i in
        residuals[i].isFinite ? Score(origin: -1, value: residuals[i] / fit.scaleForRow(i)) : nil
      }]
    }
    return Self.summarize(
      scoresByLead, binScales: fit.binScales, binning: fit.binning, binSeconds: fit.binSeconds,
      shrinkingLocations: !leadsHaveFixedPhase)
  }

  /// One calibration score: a forecast error over its bin's residual scale, and the origin
  /// (slot) it was forecast from.
  struct Score {
    var origin: Int
    var value: Double
  }

  /// Pools leads into buckets of ≥ `minimumBucketSize` scores and takes their quantiles.
  ///
  /// With `shrinkingLocations`, each bucket's row is then shifted so that its departure from
  /// the level of every lead is shrunk by how much of it is noise (``CalibrationLocation``):
  /// for leads without a fixed phase, where the buckets differ mostly by the noise of the
  /// few paths they share. Without it (sub-daily data: origins a day apart, a lead is a fixed
  /// hour of the day) each bucket keeps its own level, which can carry a real error of the
  /// daily profile at those hours.
  static func summarize(
    _ scoresByLead: [[Score]], binScales: [Double], binning: ResidualScaleBinning,
    binSeconds: Int64, shrinkingLocations: Bool
  ) -> IntervalCalibration {
    var leadStarts: [Int] = []
    var pooled: [[Score]] = []
    var current: [Score] = []
    var currentStart = 1
    for (index, scores) in scoresByLead.enumerated() {
      if current.isEmpty { currentStart = index + 1 }
      current += scores
      // Geometric growth of bucket widths keeps the early leads fine-grained.
      let width = index + 2 - currentStart
      if current.count >= minimumBucketSize && width >= max(1, currentStart / 4) {
        leadStarts.append(currentStart)
        pooled.append(current)
        current = []
      }
    }
    if !current.isEmpty {
      if pooled.isEmpty {
        leadStarts.append(currentStart)
        pooled.append(current)
      } else {
        pooled[pooled.count - 1] += current
      }
    }
    let levels = IntervalCalibration.standardLevels
    let shifts = shrinkingLocations
      ? CalibrationLocation.shifts(pooled) : [Double](repeating: 0, count: pooled.count)
    let quantiles = zip(pooled, shifts).map { scores, shift -> [Double] in
      let paths = Set(scores.map(\.origin)).count
      return Self.calibratedQuantiles(scores.map(\.value).sorted(), levels: levels, paths: paths)
        .map { $0 + shift }
    }
    return IntervalCalibration(
      scaleByBin: binScales, binning: binning, binSeconds: binSeconds, leadStarts: leadStarts,
      quantiles: quantiles, sampleSizes: pooled.map(\.count), levels: levels)
  }

  /// The score quantiles of one bucket: split-conformal order statistics, widened about the
  /// median by the Student-t predictive factor for `paths` origins.
  ///
  /// Above the median, level p takes the ⌈(m+1)p⌉-th smallest of the m scores (below it, the
  /// ⌊(m+1)p⌋-th): for m exchangeable scores and a new one, the one-sided coverage is then at
  /// least p (Vovk et al. 2005; Lei et al. 2018). Where that rank exceeds m, the most extreme
  /// score stands in, which the widening then carries beyond the observed range.
  static func calibratedQuantiles(_ sorted: [Double], levels: [Double], paths: Int) -> [Double] {
    guard !sorted.isEmpty else { return levels.map { _ in 0 } }
    let m = sorted.count
    let median = Quantiles.quantile(sorted, 0.5)
    let factors = levels == IntervalCalibration.standardLevels
      ? CalibrationStudentT.wideningFactors(paths: paths)
      : levels.map { CalibrationStudentT.wideningFactor(level: $0, paths: paths) }
    return zip(levels, factors).map { p, factor in
      let rank: Int
      if abs(p - 0.5) < 1e-12 {
        return median
      } else if p > 0.5 {
        rank = Int((Double(m + 1) * p - 1e-9).rounded(.up))
      } else {
        rank = Int((Double(m + 1) * p + 1e-9).rounded(.down))
      }
      let score = sorted[min(m, max(1, rank)) - 1]
      return median + (score - median) * factor
    }
  }
}
