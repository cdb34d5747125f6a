/// Scale-in only after demand has stayed low for the delay: like Kubernetes HPA's
/// stabilisation window, each interval keeps the highest target of the decisions made within
/// the last `delay` seconds, its own included.
///
/// Decisions happen at interval starts, so the window holds the current interval and the
/// floor(delay / g) before it: a 30-minute delay on hourly intervals keeps only the current
/// decision (none of the earlier ones was made within 30 minutes), on 5-minute intervals the
/// six before it.
public enum ScaleInStabilization {
  public static func intervalsBack(delaySeconds: Int64, intervalSeconds: Int64) -> Int {
    guard delaySeconds > 0, intervalSeconds > 0 else { return 0 }
    return Int(delaySeconds / intervalSeconds)
  }

  /// `held[k] = max(targets[k−back…k])`, with `earlier` (oldest first) standing in for the
  /// decisions before the first interval. O(n·back).
  public static func apply(_ targets: [Int], back: Int, earlier: [Int] = []) -> [Int] {
    guard back > 0 else { return targets }
    let all = earlier + targets
    let offset = earlier.count
    return targets.indices.map { k in
      let i = k + offset
      return all[max(0, i - back)...i].max() ?? targets[k]
    }
  }
}
