import Foundation

/// Maps a data interval onto a pixel interval linearly (either may be reversed).
public struct LinearScale: Sendable, Equatable {
  public var domain: (lower: Double, upper: Double)
  public var range: (lower: Double, upper: Double)

  public init(domain: (Double, Double), range: (Double, Double)) {
    self.domain = domain
    self.range = range
  }

  public func callAsFunction(_ value: Double) -> Double {
    let span = domain.upper - domain.lower
    guard span != 0 else { return (range.lower + range.upper) / 2 }
    return range.lower + (value - domain.lower) / span * (range.upper - range.lower)
  }

  public static func == (a: LinearScale, b: LinearScale) -> Bool {
    a.domain == b.domain && a.range == b.range
  }
}

/// A tick on an axis: where, and what it says.
public struct Tick: Sendable, Equatable {
  public var value: Double
  public var label: String

  public init(value: Double, label: String) {
    self.value = value
    self.label = label
  }
}

/// Round-number ticks (1, 2, 2.5, 5 × 10ᵏ) for value axes.
public enum NumberTicks {
  /// About `target` ticks covering `[lower, upper]`, the first ≤ lower and the last ≥ upper.
  public static func nice(_ lower: Double, _ upper: Double, target: Int = 5) -> [Double] {
    guard lower.isFinite, upper.isFinite else { return [0, 1] }
    let low = min(lower, upper)
    var high = max(lower, upper)
    if high - low < 1e-12 { high = low + max(1, abs(low)) }
    let (factor, exponent) = niceStep((high - low) / Double(max(1, target)))
    let step = factor * pow10(exponent)
    let first = Int((low / step * (1 + 1e-12)).rounded(.down))
    let last = Int((high / step * (1 - 1e-12)).rounded(.up))
    // k × factor is exact; dividing by a power of ten (rather than multiplying by its
    // inexact inverse) gives the nearest double to the decimal value: 0.95, not 0.9500…01.
    return (first...max(first, last)).map { k in
      exponent >= 0
        ? Double(k) * factor * pow10(exponent) : Double(k) * factor / pow10(-exponent)
    }
  }

  /// The smallest 1, 2, 2.5 or 5 × 10ᵏ at least `raw`, as (factor, k).
  static func niceStep(_ raw: Double) -> (factor: Double, exponent: Int) {
    let exponent = Int((log10(raw)).rounded(.down))
    let magnitude = pow10(exponent)
    for factor in [1.0, 2, 2.5, 5] where factor * magnitude >= raw * (1 - 1e-9) {
      return (factor, exponent)
    }
    return (1, exponent + 1)
  }

  /// Compact labels: `0`, `250`, `2.5k`, `40k`, `1.2M`; `step` decides the decimals.
  public static func label(_ value: Double, step: Double) -> String {
    if value == 0 { return "0" }
    let magnitude = abs(value)
    let (divisor, suffix): (Double, String) =
      magnitude >= 1e6 || step >= 1e6
      ? (1e6, "M")
      : magnitude >= 1e3 || step >= 1e3
        ? (1e3, "k") : (1, "")
    let scaledStep = step / divisor
    var decimals = 0
    var probe = scaledStep
    while decimals < 3 && abs(probe - probe.rounded()) > 1e-9 {
      probe *= 10
      decimals += 1
    }
    return fixed(value / divisor, decimals: decimals) + suffix
  }

  /// `value` with exactly `decimals` decimals, no locale.
  static func fixed(_ value: Double, decimals: Int) -> String {
    let factor = pow10(decimals)
    let scaled = (abs(value) * factor).rounded()
    let whole = Int64(scaled / factor)
    let sign = value < 0 && scaled > 0 ? "-" : ""
    guard decimals > 0 else { return sign + String(whole) }
    let fraction = Int64(scaled) - whole * Int64(factor)
    var digits = String(fraction)
    while digits.count < decimals { digits = "0" + digits }
    return sign + "\(whole).\(digits)"
  }

  static func pow10(_ n: Int) -> Double { pow(10, Double(n)) }
}
