import Foundation

/// Chooses the Box-Cox λ by Guerrero's method (Guerrero 1993, as in R's `forecast::BoxCox.lambda`).
///
/// The series is cut into blocks of one seasonal period; the λ whose power makes the ratio
/// `sd / mean^(1−λ)` most constant across blocks (smallest coefficient of variation) stabilises
/// the variance. O(n) plus a small grid — no model fits — which is why it is the default rather
/// than a likelihood search over refits.
public enum BoxCoxSelection {
  /// Candidate λ values: traffic lies between multiplicative (0) and additive (1) noise.
  public static let grid: [Double] = stride(from: 0.0, through: 1.0, by: 0.1).map {
    ($0 * 10).rounded() / 10
  }

  /// The λ in `grid` minimising Guerrero's criterion; 1 when there are too few blocks.
  public static func guerrero(_ values: [Double], period: Int, offset: Double) -> Double {
    let period = max(2, period)
    var means: [Double] = []
    var sds: [Double] = []
    var start = 0
    while start + period <= values.count {
      var sum = 0.0
      var sumSq = 0.0
      var count = 0
      for v in values[start..<(start + period)] where v.isFinite {
        let x = v + offset
        sum += x
        sumSq += x * x
        count += 1
      }
      if count >= max(2, period / 2) {
        let mean = sum / Double(count)
        let variance = max(0, (sumSq - Double(count) * mean * mean) / Double(count - 1))
        if mean > 0 && variance > 0 {
          means.append(mean)
          sds.append(variance.squareRoot())
        }
      }
      start += period
    }
    guard means.count >= 4 else { return 1 }
    var best = (lambda: 1.0, score: Double.infinity)
    for lambda in grid {
      let ratios = zip(sds, means).map { $0 / pow($1, 1 - lambda) }
      let mean = ratios.reduce(0, +) / Double(ratios.count)
      let sd = (ratios.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(ratios.count - 1))
        .squareRoot()
      let score = sd / mean
      if score < best.score - 1e-12 { best = (lambda, score) }
    }
    return best.lambda
  }
}
