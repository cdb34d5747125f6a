/// A gap-free copy of a history for the baselines, which do not impute.
///
/// Each missing value takes the value one season earlier (itself already filled), so the
/// seasonal shape is kept; a gap within the first season takes the nearest earlier observed
/// value, and leading gaps the first observed value. The MASE scale is computed on the
/// original history (gaps skipped), never on this copy.
enum BaselineHistory {
  static func filled(_ history: [Double], season: Int) -> [Double] {
    guard let firstObserved = history.first(where: { !$0.isNaN }) else { return history }
    var filled = history
    var lastObserved = firstObserved
    for t in filled.indices {
      if filled[t].isNaN {
        filled[t] = t >= season && !filled[t - season].isNaN ? filled[t - season] : lastObserved
      } else {
        lastObserved = filled[t]
      }
    }
    return filled
  }
}
