import Features
import HolidayCalendars
import LinearAlgebra
import Synchronization
import TimeSeries

/// The part of a training window that does not depend on the values: the grid, the local
/// calendar, the resolved layout and the design matrix with its structure.
///
/// Why a type of its own: series sampled on the same grid (one Prometheus query over many
/// endpoints, a file of many services) with the same events and spec have the same design,
/// and with no missing rows the same Gram XᵀX. Building the design and forming XᵀX are about
/// a third of an hourly fit, so a batch shares them through `DesignFrameCache` and each
/// series pays only for what its values change (NUMERICS.md). A fit alone builds the same
/// frame and uses it the same way, so a series gets the same model bytes either way.
final class DesignFrame: Sendable {
  /// What the frame is a function of; equal keys give identical frames.
  struct Key: Equatable, Sendable {
    let start: Int64
    let step: Int64
    let count: Int
    let timeZone: String
    let events: [Event]
    let spec: ModelSpec
    let hasCalendar: Bool
  }

  let key: Key
  let clock: LocalClock
  let grid: DesignMatrixBuilder.Grid
  let timeline: LocalTimeline
  let calendar: EventCalendar
  let layout: FeatureLayout
  /// Design of every slot.
  let design: Matrix
  let product: StructuredProduct
  let periodic: PeriodicBlock?
  let columns: [FeatureColumn]
  /// XᵀX over every row with unit weights (response statistics zero), formed on first use.
  private let unitGram = Mutex<NormalEquations?>(nil)
  /// The GCV basis of the unit-weight Gram for the last penalty asked for.
  private let unitBasis = Mutex<(penalty: [Double], basis: RidgeCriterionBasis)?>(nil)

  /// Builds the frame of `series`'s grid; the values are not read (the series' name appears
  /// in errors only).
  /// - Throws: `ModelingError` (unknown time zone or holiday country, too many columns).
  init(key: Key, seriesName: String) throws {
    self.key = key
    do {
      clock = try LocalClock(identifier: key.timeZone)
    } catch {
      throw ModelingError.incompatibleData(error.description)
    }
    grid = DesignMatrixBuilder.Grid(start: key.start, step: key.step, count: key.count)
    let clock = self.clock
    timeline = LocalTimeline(
      start: key.start, step: key.step, count: key.count,
      utcOffset: { clock.utcOffset(at: $0) })

    var country: HolidayCountry? = nil
    if let code = key.spec.holidays, key.hasCalendar {
      do {
        country = try HolidayCountry(code: code)
      } catch {
        throw ModelingError.incompatibleData(error.description)
      }
    }
    let firstDay = timeline.count > 0 ? timeline.localDay(0) : 0
    let lastDay = timeline.count > 0 ? timeline.localDay(timeline.count - 1) : 0
    calendar = EventCalendar(
      country: country, events: key.hasCalendar ? key.events : [],
      localDays: (firstDay - 16)...(lastDay + 16), utcOffset: { clock.utcOffset(at: $0) })

    let resolution = LayoutResolution(spec: key.spec, grid: grid, hasCalendar: key.hasCalendar)
    layout = Self.resolveLayout(
      resolution, spec: key.spec, calendar: calendar, timeline: timeline, country: country)
    try ColumnBudget.check(layout, series: seriesName)

    let builder = DesignMatrixBuilder(layout: layout, calendar: calendar)
    let built = builder.build(grid: grid, timeline: timeline)
    periodic = builder.periodicBlock(timeline: timeline)
    columns = built.columns
    do {
      design = try Matrix(rows: built.rows, columns: built.columnCount, columnMajor: built.values)
    } catch {
      throw ModelingError.numerical(error.description)
    }
    product = StructuredProduct(design, periodic: periodic)
  }

  /// XᵀX over every row with unit weights, with zero response statistics: computed once per
  /// frame, whichever series asks first (the result does not depend on who asks).
  /// - Throws: `LinearAlgebraError` from the accumulation.
  func unitWeightGram() throws(LinearAlgebraError) -> NormalEquations {
    if let known = unitGram.withLock({ $0 }) { return known }
    let zeros = [Double](repeating: 0, count: design.rows)
    // The product already found the design's steps, sparse tail and periodic classes.
    let gram = try NormalEquations(unitWeightsOf: design, response: zeros, structure: product)
    unitGram.withLock { if $0 == nil { $0 = gram } }
    return gram
  }

  /// The response-independent part of choosing λ by GCV for the unit-weight Gram and
  /// `penalty`: computed once per penalty (series without left-out rows derive the same
  /// penalty from the same Gram, so a batch computes it once).
  /// - Throws: `LinearAlgebraError` from the reduction.
  func unitWeightCriterionBasis(penalty: [Double]) throws(LinearAlgebraError)
    -> RidgeCriterionBasis
  {
    if let known = unitBasis.withLock({ $0?.penalty == penalty ? $0?.basis : nil }) {
      return known
    }
    let basis = try RidgeCriterionBasis(try unitWeightGram(), penalty: penalty)
    unitBasis.withLock { $0 = (penalty, basis) }
    return basis
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
    let yearly = resolution.yearlyOrder()
    if weekly > 0 {
      seasonalities.append(SeasonalTerms(
        name: "weekly", periodSeconds: 604_800, order: weekly,
        yearlyModulation: resolution.weeklyYearlyModulation(weekly: weekly, yearly: yearly)))
    }
    if yearly > 0 {
      seasonalities.append(
        SeasonalTerms(name: "yearly", periodSeconds: SeasonalTerms.yearSeconds, order: yearly))
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
