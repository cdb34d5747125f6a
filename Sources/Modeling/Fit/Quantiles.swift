/// Empirical quantiles (type 7, linear interpolation between order statistics, as R's default
/// and numpy's `linear`).
public enum Quantiles {
  public static func median(_ values: [Double]) -> Double {
    quantile(values.sorted(), 0.5)
  }

  /// The `p`-quantile of already sorted values.
  public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first, let last = sorted.last else { return .nan }
    if sorted.count == 1 || p <= 0 { return first }
    if p >= 1 { return last }
    let h = Double(sorted.count - 1) * p
    let i = Int(h)
    let fraction = h - Double(i)
    return sorted[i] + fraction * (sorted[min(i + 1, sorted.count - 1)] - sorted[i])
  }
}
