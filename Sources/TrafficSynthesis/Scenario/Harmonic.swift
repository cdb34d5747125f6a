import Foundation

/// One Fourier pair `cos·cos(2πk·x) + sin·sin(2πk·x)` of a periodic log-scale effect, where
/// `x` is the phase in periods (fraction of a day, fraction of a year).
public struct Harmonic: Codable, Sendable, Equatable {
  /// The order `k` (1 = one cycle per period).
  public var order: Int
  public var cos: Double
  public var sin: Double

  public init(order: Int, cos: Double, sin: Double) {
    self.order = order
    self.cos = cos
    self.sin = sin
  }
}

extension Array where Element == Harmonic {
  /// The sum of the harmonics at phase `x` (in periods): zero-mean over a period by
  /// construction, so a shape never moves the level.
  public func value(atPhase x: Double) -> Double {
    var total = 0.0
    for h in self {
      let angle = 2 * Double.pi * Double(h.order) * x
      total += h.cos * Foundation.cos(angle) + h.sin * Foundation.sin(angle)
    }
    return total
  }
}
