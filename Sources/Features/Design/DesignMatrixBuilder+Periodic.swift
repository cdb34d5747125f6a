import LinearAlgebra
import TimeSeries

extension DesignMatrixBuilder {
  /// The daily and weekly Fourier columns as a `PeriodicBlock`: their values depend only on
  /// the local time of day, the weekday and the kind of day (see `fillFourier`), so each row
  /// is classed by those three. Nil when the layout has no such columns or when the classes
  /// are too many for per-class sums to pay (fewer than four rows per class on average).
  public func periodicBlock(timeline: LocalTimeline) -> PeriodicBlock? {
    let trend = layout.trend
    let first = 2 + trend.slopeChanges.count + trend.levelShifts.count
      + (layout.dayKindLevels ? 2 : 0)
    var width = 0
    for terms in layout.seasonalities {
      // A yearly modulation makes the columns depend on the date too: not periodic.
      guard terms.periodSeconds == 86_400 || terms.periodSeconds == 604_800,
        terms.modulationOrder == 0
      else { break }
      width += terms.width
    }
    let n = timeline.count
    guard width > 0, n > 0 else { return nil }
    let kinds = dayKinds(timeline)
    var classOfKey: [Int: Int32] = [:]
    var rowClass = [Int32](repeating: 0, count: n)
    for i in 0..<n {
      let weekday = CivilDate.isoWeekday(daysSinceEpoch: timeline.localDay(i))
      // Seconds of a day stay below 90,000 even on a 25-hour DST day.
      let key = timeline.secondOfDay(i) + 90_000 * (weekday + 8 * kinds[i].rawValue)
      if let known = classOfKey[key] {
        rowClass[i] = known
      } else {
        let next = Int32(classOfKey.count)
        classOfKey[key] = next
        rowClass[i] = next
      }
    }
    guard classOfKey.count * 4 <= n else { return nil }
    return PeriodicBlock(
      columns: first..<(first + width), rowClass: rowClass, classCount: classOfKey.count)
  }
}
