import Features
import HolidayCalendars
import LinearAlgebra
import TimeSeries

extension FittedModel {
  /// The model's design and local timeline for `count` slots from `start` (on its grid), with
  /// the given events (planned ones for forecasts; the training ones are added automatically
  /// so that a promotion straddling the origin keeps its after-profile).
  public func design(start: Int64, count: Int, events: [Event]) throws
    -> (design: DesignMatrix, timeline: LocalTimeline)
  {
    let clock: LocalClock
    do {
      clock = try LocalClock(identifier: training.timeZone)
    } catch {
      throw ModelingError.incompatibleData(error.description)
    }
    let offset: (Int64) -> Int = { clock.utcOffset(at: $0) }
    let timeline = LocalTimeline(
      start: start, step: training.step, count: count, utcOffset: offset)
    let country = layout.holidays.country.flatMap { try? HolidayCountry(code: $0) }
    let firstDay = count > 0 ? timeline.localDay(0) : 0
    let lastDay = count > 0 ? timeline.localDay(count - 1) : 0
    let calendar = EventCalendar(
      country: country, events: training.hasCalendar ? Self.merged(trainingEvents, events) : [],
      localDays: (firstDay - 16)...(lastDay + 16), utcOffset: offset)
    let builder = DesignMatrixBuilder(layout: layout, calendar: calendar)
    let grid = DesignMatrixBuilder.Grid(start: start, step: training.step, count: count)
    return (builder.build(grid: grid, timeline: timeline), timeline)
  }

  /// The model's own events plus the planned ones, each occurrence once: a planned event with
  /// the name and start of one the model already carries (promotions just after the training
  /// window are kept in the model) replaces it, so passing a whole events file does not count
  /// an effect twice (a ×2.4 flash-sale hour would become ×5.8), and a what-if with another
  /// `scale` for a known occurrence takes effect.
  static func merged(_ known: [Event], _ planned: [Event]) -> [Event] {
    let replaced = Set(planned.map { "\($0.name)@\($0.start)" })
    return known.filter { !replaced.contains("\($0.name)@\($0.start)") } + planned
  }

  /// Xβ on the model scale for every row of `design`.
  public func structuralPrediction(_ design: DesignMatrix) -> [Double] {
    var out = [Double](repeating: 0, count: design.rows)
    design.values.withUnsafeBufferPointer { x in
      for (j, b) in coefficients.enumerated() where b != 0 {
        let base = j * design.rows
        for i in 0..<design.rows { out[i] += b * x[base + i] }
      }
    }
    return out
  }

  /// Contribution of each component on the model scale, per row of `design`.
  public func componentContributions(_ design: DesignMatrix) -> [String: [Double]] {
    var result: [String: [Double]] = [:]
    design.values.withUnsafeBufferPointer { x in
      for (j, column) in design.columns.enumerated() {
        let b = coefficients[j]
        var values = result[column.component] ?? [Double](repeating: 0, count: design.rows)
        if b != 0 {
          let base = j * design.rows
          for i in 0..<design.rows { values[i] += b * x[base + i] }
        }
        result[column.component] = values
      }
    }
    return result
  }

  /// Names of promotions (and events-file holidays) the model learned effects for.
  public var knownEventNames: [String] {
    (layout.promotions.map(\.name) + layout.holidays.names.map(\.name)).sorted()
  }
}
