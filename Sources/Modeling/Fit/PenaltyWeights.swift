import Features

/// Relative ridge weights of each column group, on columns standardised to unit RMS.
///
/// One λ (chosen by GCV) scales them all; these ratios encode priors. Structural columns are
/// free; higher Fourier harmonics are shrunk as (k/K)², which is how the effective seasonal
/// order is chosen from the data; event columns are sparse, so after standardisation the same
/// weight shrinks their raw effect far less, which lets a handful of sale hours speak.
enum PenaltyWeights {
  static func weight(_ group: PenaltyGroup) -> Double {
    switch group {
    case .unpenalized: 0
    case .slopeChange: 1
    case .levelShift: 1
    case .harmonic(let k, let order):
      0.05 + Double(k * k) / Double(max(1, order * order))
    case .modulatedHarmonic(let k, let order, let j):
      // A shape that changes faster through the year is less likely: j² on top of the
      // harmonic's own weight.
      Double(j * j) * weight(.harmonic(k: k, order: order))
    case .holiday: 0.3
    case .pooledHoliday: 0.05
    case .promotion: 0.05
    case .incident: 0.001
    }
  }

  static func isChangepoint(_ group: PenaltyGroup) -> Bool {
    group == .slopeChange || group == .levelShift
  }
}
