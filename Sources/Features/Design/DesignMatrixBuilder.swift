import Foundation
import LinearAlgebra
import TimeSeries

/// Turns a feature layout and an event calendar into the design matrix of a regular grid.
///
/// Dense blocks (trend, Fourier) are written row by row with angle-addition recurrences; event
/// blocks are sparse and filled only over the rows each occurrence touches, found by index
/// arithmetic on the grid rather than by scanning every row.
public struct DesignMatrixBuilder: Sendable {
  public let layout: FeatureLayout
  public let calendar: EventCalendar

  public init(layout: FeatureLayout, calendar: EventCalendar) {
    self.layout = layout
    self.calendar = calendar
  }

  /// The grid the matrix describes: `count` slots from `start` every `step` seconds.
  public struct Grid: Sendable {
    public var start: Int64
    public var step: Int64
    public var count: Int
    public init(start: Int64, step: Int64, count: Int) {
      self.start = start
      self.step = step
      self.count = count
    }
    @inlinable public func time(_ i: Int) -> Int64 { start + Int64(i) * step }
    /// First row whose time is ≥ t (may be `count`).
    @inlinable public func firstRow(atOrAfter t: Int64) -> Int {
      if t <= start { return 0 }
      let k = (t - start + step - 1) / step
      return Int(min(Int64(count), k))
    }
  }

  /// Builds the matrix for `grid`, whose local wall clock is `timeline`.
  public func build(grid: Grid, timeline: LocalTimeline) -> DesignMatrix {
    let columns = layout.columns
    let n = grid.count
    var values = LargeBuffer.zeros(count: n * columns.count)
    values.withUnsafeMutableBufferPointer { buffer in
      var writer = ColumnWriter(base: buffer, rows: n)
      fillTrend(&writer, grid)
      let kinds = dayKinds(timeline)
      if layout.dayKindLevels { fillDayKindLevels(&writer, kinds) }
      for terms in layout.seasonalities {
        fillFourier(&writer, terms, timeline, kinds)
      }
      fillHolidays(&writer, timeline)
      fillPromotions(&writer, grid)
      fillIncidents(&writer, grid)
      precondition(writer.column == columns.count, "builder and layout disagree on columns")
    }
    return DesignMatrix(rows: n, columns: columns, values: values)
  }

  /// Kind of day of each row, from the local date and the public holidays.
  public func dayKinds(_ timeline: LocalTimeline) -> [DayKind] {
    var kinds = [DayKind](repeating: .weekday, count: timeline.count)
    var lastDay = Int.min
    var lastKind = DayKind.weekday
    for i in 0..<timeline.count {
      let day = timeline.localDay(i)
      if day != lastDay {
        lastDay = day
        let weekday = CivilDate.isoWeekday(daysSinceEpoch: day)
        lastKind = DayKind(
          isoWeekday: weekday, isHoliday: calendar.publicHolidayDays.contains(day))
      }
      kinds[i] = lastKind
    }
    return kinds
  }

  // MARK: - Dense blocks

  private func fillTrend(_ w: inout ColumnWriter, _ grid: Grid) {
    let trend = layout.trend
    let unit = trend.unitSeconds
    w.fill { i in 1 }
    w.fill { i in Double(grid.time(i) - trend.origin) / unit }
    // The buffer starts zeroed, so a ramp or step writes only the rows from its start on.
    for c in trend.slopeChanges {
      w.fillSuffix(from: grid.firstRow(atOrAfter: c)) { i in Double(grid.time(i) - c) / unit }
    }
    for c in trend.levelShifts {
      w.fillSuffix(from: grid.firstRow(atOrAfter: c)) { _ in 1 }
    }
  }

  private func fillDayKindLevels(_ w: inout ColumnWriter, _ kinds: [DayKind]) {
    w.fill { i in kinds[i] == .saturday ? 1 : 0 }
    w.fill { i in kinds[i] == .sundayOrHoliday ? 1 : 0 }
  }

  /// Sine and cosine of harmonics 1…K by angle addition: one `sin`/`cos` pair per row. With a
  /// yearly modulation, the same values times each yearly harmonic's sine and cosine follow.
  private func fillFourier(
    _ w: inout ColumnWriter, _ terms: SeasonalTerms, _ timeline: LocalTimeline,
    _ kinds: [DayKind]
  ) {
    guard terms.order > 0 else { return }
    let n = timeline.count
    let firstColumn = w.column
    let period = terms.periodSeconds
    let order = terms.order
    let modulation = terms.modulationOrder
    var base = [Double](repeating: 0, count: 2 * order)
    var waves = [Double](repeating: 0, count: 2 * modulation)
    for i in 0..<n {
      let phase = Self.phaseSeconds(terms.name, period, timeline, i)
      Self.harmonics(angle: 2 * Double.pi * phase / period, into: &base)
      let block = terms.byDayKind ? kinds[i].rawValue : 0
      var column = firstColumn + block * terms.columnsPerDayKind
      for value in base {
        w.set(row: i, column: column, value)
        column += 1
      }
      guard modulation > 0 else { continue }
      let yearPhase = Self.phaseSeconds("yearly", SeasonalTerms.yearSeconds, timeline, i)
      Self.harmonics(angle: 2 * Double.pi * yearPhase / SeasonalTerms.yearSeconds, into: &waves)
      // Column order: every base column × sin θ, × cos θ, × sin 2θ, … (`waves` interleaves them).
      for wave in waves {
        for value in base {
          w.set(row: i, column: column, value * wave)
          column += 1
        }
      }
    }
    w.column = firstColumn + terms.width
  }

  /// sin kθ, cos kθ for k = 1…values.count/2, interleaved, by angle addition.
  @inline(__always) private static func harmonics(angle theta: Double, into values: inout [Double]) {
    guard !values.isEmpty else { return }
    let s1 = sin(theta)
    let c1 = cos(theta)
    var sk = s1
    var ck = c1
    for k in 0..<(values.count / 2) {
      values[2 * k] = sk
      values[2 * k + 1] = ck
      let next = sk * c1 + ck * s1
      ck = ck * c1 - sk * s1
      sk = next
    }
  }

  /// Position within the period on the local wall clock. Daily and weekly phases come from the
  /// local date and time of day, so a 25-hour DST day repeats an hour rather than shifting the
  /// rest of the day; weekly phase 0 is Monday 00:00.
  @inlinable static func phaseSeconds(
    _ name: String, _ period: Double, _ timeline: LocalTimeline, _ i: Int
  ) -> Double {
    let secondOfDay = Double(timeline.secondOfDay(i))
    if period == 86_400 { return secondOfDay }
    if period == 604_800 {
      let weekday = CivilDate.isoWeekday(daysSinceEpoch: timeline.localDay(i))
      return Double(weekday - 1) * 86_400 + secondOfDay
    }
    let local = Double(timeline.localSeconds[i])
    return local - (local / period).rounded(.down) * period
  }

  // MARK: - Sparse event blocks

  private func fillHolidays(_ w: inout ColumnWriter, _ timeline: LocalTimeline) {
    let terms = layout.holidays
    let n = timeline.count
    guard n > 0 else { return }
    if terms.pooled, terms.country != nil {
      w.fill { i in calendar.publicHolidayDays.contains(timeline.localDay(i)) ? 1 : 0 }
    }
    var offsets: [String: (column: Int, width: Int, length: Int)] = [:]
    var column = w.column
    for name in terms.names {
      offsets[name.name] = (column, terms.width(of: name), name.length)
      column += terms.width(of: name)
    }
    let firstDay = timeline.localDay(0)
    let lastDay = timeline.localDay(n - 1)
    for occurrence in calendar.holidays {
      guard let place = offsets[occurrence.name] else { continue }
      for d in -terms.daysBefore..<(occurrence.length + terms.daysAfter) {
        let day = occurrence.firstDay + d
        guard day >= firstDay, day <= lastDay else { continue }
        // Days past the longest training occurrence share its last day's column.
        let slot = d < occurrence.length
          ? min(d, place.length - 1) : place.length + (d - occurrence.length)
        let target = place.column + terms.daysBefore + slot
        guard slot >= -terms.daysBefore, target < place.column + place.width else { continue }
        for i in timeline.rows(onLocalDay: day) { w.add(row: i, column: target, 1) }
      }
    }
    w.column = column
  }

  private func fillPromotions(_ w: inout ColumnWriter, _ grid: Grid) {
    for terms in layout.promotions {
      let first = w.column
      let bucket = terms.bucketSeconds
      for event in calendar.promotions[terms.name] ?? [] {
        let from = grid.firstRow(atOrAfter: event.start - Int64(terms.bucketsBefore) * bucket)
        let to = grid.firstRow(atOrAfter: event.end + Int64(terms.bucketsAfter) * bucket)
        guard from < to else { continue }
        for i in from..<to {
          let t = grid.time(i)
          let b: Int
          if t < event.start {
            b = terms.bucketsBefore - 1 - Int((event.start - 1 - t) / bucket)
          } else if t < event.end {
            b = terms.bucketsBefore + min(Int((t - event.start) / bucket), terms.profileBuckets)
          } else {
            b = terms.bucketsBefore + terms.profileBuckets + 1 + Int((t - event.end) / bucket)
          }
          if b >= 0, b < terms.width { w.add(row: i, column: first + b, event.scale) }
        }
      }
      w.column = first + terms.width
    }
  }

  private func fillIncidents(_ w: inout ColumnWriter, _ grid: Grid) {
    for terms in layout.incidents {
      let first = w.column
      let from = grid.firstRow(atOrAfter: terms.start)
      let to = grid.firstRow(atOrAfter: terms.end)
      if from < to {
        for i in from..<to {
          let b = min(terms.width - 1, Int((grid.time(i) - terms.start) / terms.bucketSeconds))
          w.add(row: i, column: first + b, 1)
        }
      }
      w.column = first + terms.width
    }
  }
}

/// Writes consecutive columns of a column-major buffer.
struct ColumnWriter {
  let base: UnsafeMutableBufferPointer<Double>
  let rows: Int
  var column = 0

  init(base: UnsafeMutableBufferPointer<Double>, rows: Int) {
    self.base = base
    self.rows = rows
  }

  /// Fills the next column with `value(row)` and advances.
  mutating func fill(_ value: (Int) -> Double) {
    let offset = column * rows
    for i in 0..<rows { base[offset + i] = value(i) }
    column += 1
  }

  /// Fills rows `first...` of the next column with `value(row)`, leaving the rows before it
  /// as they are (zero in a fresh buffer), and advances.
  mutating func fillSuffix(from first: Int, _ value: (Int) -> Double) {
    let offset = column * rows
    for i in max(0, first)..<max(max(0, first), rows) { base[offset + i] = value(i) }
    column += 1
  }

  @inline(__always) func set(row: Int, column: Int, _ value: Double) {
    base[column * rows + row] = value
  }

  @inline(__always) func add(row: Int, column: Int, _ value: Double) {
    base[column * rows + row] += value
  }
}

extension LocalTimeline {
  /// Rows whose local date is `day` (local days never decrease along a grid: DST transitions
  /// happen in the small hours, not across midnight).
  public func rows(onLocalDay day: Int) -> Range<Int> {
    func firstRow(_ predicate: (Int) -> Bool) -> Int {
      var lo = 0
      var hi = count
      while lo < hi {
        let mid = (lo + hi) / 2
        if predicate(localDay(mid)) { hi = mid } else { lo = mid + 1 }
      }
      return lo
    }
    let from = firstRow { $0 >= day }
    let to = firstRow { $0 > day }
    return from..<to
  }
}
