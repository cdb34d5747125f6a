/// Contiguous ranges of lead times (1-based steps ahead) that split a horizon into at most
/// four near-equal parts, so that accuracy can be read by how far ahead it was forecast.
///
/// 48 steps give 1–12, 13–24, 25–36, 37–48; 30 steps give 1–7, 8–15, 16–22, 23–30.
public enum LeadTimeBuckets {
  public static let maximumCount = 4

  /// The buckets as 0-based index ranges into a window of `horizon` steps.
  public static func ranges(horizon: Int) -> [Range<Int>] {
    let count = min(maximumCount, max(0, horizon))
    return (0..<count).map { b in (b * horizon / count)..<((b + 1) * horizon / count) }
  }
}
