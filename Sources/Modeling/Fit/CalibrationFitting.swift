import Features
import LinearAlgebra

/// Calibrates the forecast intervals on the model's own out-of-sample errors.
///
/// At K rolling origins near the end of the window, the structural model is re-solved on the
/// rows before the origin only — with XᵀWX of each prefix accumulated in one pass, and a
/// p×p solve per origin instead of a refit — then forecast forward with the short-term
/// correction, exactly as a real forecast would be. The errors, divided by the residual scale
/// of their bin (hour of day or month), are pooled by lead time; their empirical quantiles (split-conformal
/// style, with the finite-sample widening) become the interval of every later forecast.
struct CalibrationFitting {
  let fit: PenalizedFit
  /// Longest lead calibrated.
  let horizon: Int
  /// Out-of-sample errors at the rolling origins, with the chosen short-term correction.
  let errors: [(lead: Int, slot: Int, error: Double)]

  /// Buckets of leads hold at least this many scores, merging neighbours when needed.
  static let minimumBucketSize = 40

  func run() -> IntervalCalibration {
    var scoresByLead = [[Double]](repeating: [], count: horizon)
    for entry in errors {
      scoresByLead[entry.lead].append(entry.error / fit.scaleForRow(entry.slot))
    }
    if scoresByLead.allSatisfy({ $0.isEmpty }) {
      // Too little history for rolling origins: fall back to in-sample residual scores.
      let residuals = fit.residuals()
      scoresByLead = [residuals.indices.compactMap { i in
        residuals[i].isFinite ? residuals[i] / fit.scaleForRow(i) : nil
      }]
    }
    return Self.summarize(
      scoresByLead, binScales: fit.binScales, binning: fit.binning, binSeconds: fit.binSeconds)
  }

  /// Pools leads into buckets of ≥ `minimumBucketSize` scores and takes their quantiles.
  static func summarize(
    _ scoresByLead: [[Double]], binScales: [Double], binning: ResidualScaleBinning,
    binSeconds: Int64
  ) -> IntervalCalibration {
    var leadStarts: [Int] = []
    var pooled: [[Double]] = []
    var current: [Double] = []
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
    let quantiles = pooled.map { scores -> [Double] in
      let sorted = scores.sorted()
      let m = Double(sorted.count)
      // Split-conformal widening: the (1 + 1/m) inflation of the tail probability.
      return levels.map { p in
        let adjusted = min(1, max(0, 0.5 + (p - 0.5) * (m + 1) / max(m, 1)))
        return Quantiles.quantile(sorted, adjusted)
      }
    }
    return IntervalCalibration(
      scaleByBin: binScales, binning: binning, binSeconds: binSeconds, leadStarts: leadStarts,
      quantiles: quantiles, sampleSizes: pooled.map(\.count), levels: levels)
  }
}
