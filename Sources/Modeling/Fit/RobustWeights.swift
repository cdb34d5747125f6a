/// Weights for iteratively re-weighted least squares on scaled residuals u = r / s.
///
/// Huber's weight (1 inside ±2 scales, 2/|u| outside) keeps most rows at exactly 1, so a
/// re-weighting touches only the few down-weighted rows of the Gram (NUMERICS.md). Beyond 6
/// scales the weight redescends as (6/|u|)², continuous at 6, so an unlabelled surge four times
/// normal traffic (|u| ≈ 20 or more) is all but ignored instead of bending trend and
/// seasonality as a Huber weight alone would let it.
enum RobustWeights {
  static let huberThreshold = 2.0
  static let redescendFrom = 6.0

  @inline(__always) static func weight(_ u: Double) -> Double {
    let a = abs(u)
    if a <= huberThreshold { return 1 }
    let huber = huberThreshold / a
    if a <= redescendFrom { return huber }
    let tail = redescendFrom / a
    return huber * tail * tail
  }
}
