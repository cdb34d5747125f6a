/// Replicas that actually serve: a replica asked for at a decision serves only after the
/// lead time; removals take effect at once.
///
/// With requests r_j held over interval j (length Δ) and newest replicas removed first, the
/// replicas serving at time t are the fewest requested over [t − lead, t]. With lead = aΔ + b
/// (0 ≤ b < Δ) the average over interval k is
///   (b/Δ) · min(r_{k−a−1} … r_k) + (1 − b/Δ) · min(r_{k−a} … r_k).
/// Requests before the first interval are taken equal to the first (a warm start).
public enum ReadyCapacity {
  public static func averageReady(
    requested: [Int], leadSeconds: Int64, intervalSeconds: Int64
  ) -> [Double] {
    guard let first = requested.first else { return [] }
    let a = Int(leadSeconds / intervalSeconds)
    let b = Double(leadSeconds % intervalSeconds) / Double(intervalSeconds)
    func requestedAt(_ j: Int) -> Int { j < 0 ? first : requested[j] }
    func lowest(from start: Int, to end: Int) -> Int {
      (start...end).reduce(Int.max) { min($0, requestedAt($1)) }
    }
    return requested.indices.map { k in
      let wide = Double(lowest(from: k - a - 1, to: k))
      let narrow = Double(lowest(from: k - a, to: k))
      return b * wide + (1 - b) * narrow
    }
  }
}
