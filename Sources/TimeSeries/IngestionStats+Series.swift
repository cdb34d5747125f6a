extension IngestionStats {
  /// The stats of a series that did not come from a file (for example from Prometheus): one
  /// row per present value, no duplicates or reordering, every missing slot a gap.
  public init(describing series: Series, stepWasGiven: Bool) {
    var gapCount = 0
    var missing = 0
    var previousMissing = false
    var firstPresent: Int?
    var lastPresent: Int?
    for (index, value) in series.values.enumerated() {
      if value.isNaN {
        missing += 1
        if !previousMissing { gapCount += 1 }
        previousMissing = true
      } else {
        if firstPresent == nil { firstPresent = index }
        lastPresent = index
        previousMissing = false
      }
    }
    self.init(
      name: series.name, rowsRead: series.count - missing, duplicatesMerged: 0,
      rowsOutOfOrder: 0, step: series.step, stepWasGiven: stepWasGiven, gapCount: gapCount,
      gapSlots: missing, emptyValues: 0, missingSlots: missing, slots: series.count,
      first: series.time(at: firstPresent ?? 0), last: series.time(at: lastPresent ?? 0))
  }
}
