import Foundation

/// The variance-stabilising scale the linear model lives on: Box-Cox of `y + offset`.
///
/// `lambda == 0` is the log, which makes effects multiplicative — how traffic behaves (a sale
/// multiplies the evening peak more than the night). `lambda == 1` is the identity up to a shift,
/// right for data already on a log scale (Peyton Manning's page views).
public struct VarianceTransform: Sendable, Codable, Equatable {
  public var lambda: Double
  /// Added before transforming so that zero counts stay finite.
  public var offset: Double

  public init(lambda: Double, offset: Double) {
    self.lambda = lambda
    self.offset = offset
  }

  @inlinable public func forward(_ y: Double) -> Double {
    let v = max(y + offset, Self.floor)
    return lambda == 0 ? log(v) : (pow(v, lambda) - 1) / lambda
  }

  /// Inverse transform, clamped to the transform's domain and to non-negative counts.
  @inlinable public func inverse(_ z: Double) -> Double {
    let v: Double
    if lambda == 0 {
      v = exp(min(z, 700))
    } else {
      let base = lambda * z + 1
      v = base <= 0 ? 0 : pow(base, 1 / lambda)
    }
    return max(0, v - offset)
  }

  /// Smallest argument of the power or log, so a zero count with offset 0 stays finite.
  public static let floor = 1e-9
}
