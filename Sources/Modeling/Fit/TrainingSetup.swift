import Features
import HolidayCalendars
import LinearAlgebra
import TimeSeries

/// The regular grid, calendar, layout and design of a training window, before any solve.
struct TrainingSetup {
  let series: Series
  let clock: LocalClock
  let grid: DesignMatrixBuilder.Grid
  let timeline: LocalTimeline
  let calendar: EventCalendar
  let layout: FeatureLayout
  let transform: VarianceTransform
  /// Design of every slot (missing ones included, with weight 0).
  let design: Matrix
  /// The design's step and sparse structure, for fast fitted values over every row.
  let product: StructuredProduct
  /// The daily and weekly Fourier columns classed by time of day, weekday and kind of day,
  /// so that their part of XᵀWX is summed per class (nil when that does not pay).
  let periodic: PeriodicBlock?
  let columns: [FeatureColumn]
  /// Transformed values; 0 where the slot is missing or in an outage.
  let response: [Double]
  /// 1 for observed slots outside outages, 0 otherwise.
  let baseWeights: [Double]
  let rowsMissing: Int
  let rowsInOutages: Int
  /// False for integer-indexed data: no weekdays, holidays or events.
  let hasCalendar: Bool

  /// Steps in one season: a day for sub-daily data, a week for daily and coarser data.
  var seasonSteps: Int {
    grid.step < 86_400 ? max(1, Int(86_400 / grid.step)) : max(1, Int(604_800 / grid.step))
  }

  init(series: Series, events: [Event], hasCalendar: Bool, spec: ModelSpec) throws {
    self.series = series
    self.hasCalendar = hasCalendar
    guard series.step > 0 else {
      throw ModelingError.incompatibleData("series '\(series.name)' has no positive step")
    }
    do {
      clock = try LocalClock(identifier: series.timeZone)
    } catch {
      throw ModelingError.incompatibleData(error.description)
    }
    grid = DesignMatrixBuilder.Grid(start: series.start, step: series.step, count: series.count)
    let clock = self.clock
    timeline = LocalTimeline(
      start: series.start, step: series.step, count: series.count,
      utcOffset: { clock.utcOffset(at: $0) })

    let observed = series.values.filter { $0.isFinite }
    guard !observed.isEmpty else { throw ModelingError.noObservations(series: series.name) }
    let minimum = 8
    guard observed.count >= minimum else {
      throw ModelingError.tooShort(
        series: series.name, observed: observed.count, required: minimum)
    }

    // Transform chosen from the data unless fixed.
    let offset = spec.transformOffset ?? ((observed.min() ?? 0) <= 0 ? 1 : 0)
    let period = series.step < 86_400 ? Int(86_400 / series.step) : 7
    let lambda = spec.boxCoxLambda
      ?? BoxCoxSelection.guerrero(series.values, period: period, offset: offset)
    transform = VarianceTransform(lambda: lambda, offset: offset)

    var country: HolidayCountry? = nil
    if let code = spec.holidays, hasCalendar {
      do {
        country = try HolidayCountry(code: code)
      } catch {
        throw ModelingError.incompatibleData(error.description)
      }
    }
    let firstDay = timeline.count > 0 ? timeline.localDay(0) : 0
    let lastDay = timeline.count > 0 ? timeline.localDay(timeline.count - 1) : 0
    calendar = EventCalendar(
      country: country, events: hasCalendar ? events : [],
      localDays: (firstDay - 16)...(lastDay + 16), utcOffset: { clock.utcOffset(at: $0) })

    let resolution = LayoutResolution(spec: spec, grid: grid, hasCalendar: hasCalendar)
    layout = Self.resolveLayout(
      resolution, spec: spec, calendar: calendar, timeline: timeline, country: country)
    try ColumnBudget.check(layout, series: series.name)

    // Weights: missing slots and outages do not enter the fit.
    var weights = [Double](repeating: 1, count: series.count)
    var response = [Double](repeating: 0, count: series.count)
    var missing = 0
    for (i, value) in series.values.enumerated() {
      if value.isFinite {
        response[i] = transform.forward(value)
      } else {
        weights[i] = 0
        missing += 1
      }
    }
    var inOutages = 0
    for outage in calendar.outages {
      let from = grid.firstRow(atOrAfter: outage.start)
      let to = grid.firstRow(atOrAfter: outage.end)
      for i in from..<max(from, to) where weights[i] > 0 {
        weights[i] = 0
        response[i] = 0
        inOutages += 1
      }
    }
    guard weights.contains(where: { $0 > 0 }) else {
      throw ModelingError.noObservations(series: series.name)
    }
    self.response = response
    baseWeights = weights
    rowsMissing = missing
    rowsInOutages = inOutages

    let builder = DesignMatrixBuilder(layout: layout, calendar: calendar)
    let built = builder.build(grid: grid, timeline: timeline)
    periodic = builder.periodicBlock(timeline: timeline)
    columns = built.columns
    do {
      design = try Matrix(rows: built.rows, columns: built.columnCount, columnMajor: built.values)
    } catch {
      throw ModelingError.numerical(error.description)
    }
    product = StructuredProduct(design)
  }

  /// Event columns exist only for names with an occurrence inside the training window.
  private static func resolveLayout(
    _ resolution: LayoutResolution, spec: ModelSpec, calendar: EventCalendar,
    timeline: LocalTimeline, country: HolidayCountry?
  ) -> FeatureLayout {
    let grid = resolution.grid
    let end = grid.start + grid.step * Int64(grid.count)
    var seasonalities: [SeasonalTerms] = []
    let byDayKind = resolution.dailyByDayKind()
    let daily = resolution.dailyOrder()
    if daily > 0 {
      seasonalities.append(
        SeasonalTerms(name: "daily", periodSeconds: 86_400, order: daily, byDayKind: byDayKind))
    }
    let weekly = resolution.weeklyOrder()
    if weekly > 0 {
      seasonalities.append(SeasonalTerms(name: "weekly", periodSeconds: 604_800, order: weekly))
    }
    let yearly = resolution.yearlyOrder()
    if yearly > 0 {
      seasonalities.append(
        SeasonalTerms(name: "yearly", periodSeconds: 365.2425 * 86_400, order: yearly))
    }

    let firstDay = timeline.count > 0 ? timeline.localDay(0) : 0
    let lastDay = timeline.count > 0 ? timeline.localDay(timeline.count - 1) : -1
    var lengths: [String: Int] = [:]
    for occurrence in calendar.holidays
    where occurrence.firstDay <= lastDay && occurrence.firstDay + occurrence.length > firstDay {
      lengths[occurrence.name] = max(lengths[occurrence.name] ?? 0, occurrence.length)
    }
    let holidays = HolidayTerms(
      country: country?.rawValue, pooled: country != nil,
      names: lengths.keys.sorted().map { HolidayName(name: $0, length: lengths[$0] ?? 1) },
      daysBefore: max(0, spec.holidayDaysBefore ?? 1),
      daysAfter: max(0, spec.holidayDaysAfter ?? 1))

    let bucket = resolution.eventBucket
    let subHourly = grid.step < 86_400
    let promotions = calendar.promotions.keys.sorted().compactMap { name -> PromotionTerms? in
      let seen = (calendar.promotions[name] ?? []).contains { $0.start < end && $0.end > grid.start }
      guard seen else { return nil }
      return PromotionTerms(
        name: name, bucketSeconds: bucket,
        bucketsBefore: max(0, spec.promotionBucketsBefore ?? 1),
        profileBuckets: max(1, spec.promotionProfileBuckets ?? (subHourly ? 6 : 2)),
        bucketsAfter: max(0, spec.promotionBucketsAfter ?? (subHourly ? 2 : 1)))
    }
    let incidents = calendar.incidents.filter { $0.start < end && $0.end > grid.start }.map {
      incident -> IncidentTerms in
      // At most 48 buckets per incident: longer ones get coarser buckets.
      let span = max(1, incident.end - incident.start)
      let width = max(bucket, (span + 47) / 48 / bucket * bucket)
      return IncidentTerms(
        name: incident.name, start: incident.start, end: incident.end, bucketSeconds: width)
    }
    return FeatureLayout(
      trend: TrendTerms(
        origin: grid.start, unitSeconds: Double(resolution.spanSeconds),
        slopeChanges: resolution.slopeChangeTimes(), levelShifts: resolution.levelShiftTimes()),
      dayKindLevels: byDayKind, seasonalities: seasonalities, holidays: holidays,
      promotions: promotions, incidents: incidents)
  }
}
