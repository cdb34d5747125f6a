/// Scale-up ahead of demand: replicas asked for at an interval's start are ready `lead`
/// seconds later, so the interval must already ask for every later interval that begins
/// before its own end plus the lead time.
public enum LeadTimeShift {
  /// How many later intervals an interval of `intervalSeconds` must cover: ceil(lead / g).
  public static func intervalsAhead(leadSeconds: Int64, intervalSeconds: Int64) -> Int {
    guard leadSeconds > 0, intervalSeconds > 0 else { return 0 }
    return Int((leadSeconds + intervalSeconds - 1) / intervalSeconds)
  }

  /// `shifted[k] = max(needs[k…k+ahead])` (clipped at the end of the horizon). O(n·ahead).
  public static func apply(_ needs: [Int], ahead: Int) -> [Int] {
    guard ahead > 0 else { return needs }
    return needs.indices.map { k in
      needs[k...min(needs.count - 1, k + ahead)].max() ?? needs[k]
    }
  }
}
