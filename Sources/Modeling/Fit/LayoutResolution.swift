import Features
import TimeSeries

/// Chooses the feature layout of a fit from the training grid, the calendar and the spec.
///
/// Defaults follow what the data can support: a seasonality needs at least two full periods
/// (yearly needs one year, and gets a low order below two years because one cycle cannot tell
/// a yearly wave from a trend); event columns exist only for names that occur in the window.
struct LayoutResolution {
  let spec: ModelSpec
  let grid: DesignMatrixBuilder.Grid
  let hasCalendar: Bool

  static let day: Int64 = 86_400

  var isSubDaily: Bool { grid.step < Self.day }
  var spanSeconds: Int64 { max(grid.step, grid.step * Int64(grid.count)) }
  var spanDays: Double { Double(spanSeconds) / Double(Self.day) }

  func dailyOrder() -> Int {
    if let order = spec.dailyOrder { return max(0, order) }
    guard isSubDaily, spanDays >= 2 else { return 0 }
    let stepsPerDay = Int(Self.day / grid.step)
    // Up to the Nyquist limit; 10 harmonics resolve a 2-hour-wide peak, 12 for finer data.
    return min(stepsPerDay / 2 - (stepsPerDay % 2 == 0 ? 1 : 0), grid.step >= 3_600 ? 10 : 12)
  }

  func weeklyOrder() -> Int {
    if let order = spec.weeklyOrder { return max(0, order) }
    guard spanDays >= 14 else { return 0 }
    // Daily data: 3 harmonics span all 7 weekday levels. Sub-daily data with day kinds: the
    // weekday/weekend shapes already carry most of the weekly pattern.
    if !isSubDaily { return 3 }
    if hasCalendar { return dailyByDayKind() ? 3 : 6 }
    // Without a calendar (integer-indexed data such as M4) nothing else can tell Monday's
    // hours from Sunday's: a richer weekly cycle (on M4 Hourly, order 20 gave OWA 0.466
    // against 0.503 for 12) carries the day-of-week × hour interaction.
    return spanDays >= 28 ? 20 : 6
  }

  func yearlyOrder() -> Int {
    if let order = spec.yearlyOrder { return max(0, order) }
    if spanDays >= 730 { return 10 }
    if spanDays >= 365 { return 4 }
    return 0
  }

  /// Yearly harmonics modulating the weekly profile: 2 for daily data with two years or more
  /// and both a weekly and a yearly seasonality, else none. Daily data see each weekday once a
  /// week, so the weekly profile is all the within-week shape they have, and it often changes
  /// with the season (on Peyton Manning's page views, game days matter only in the football
  /// season). Two years are needed to tell such a change from a one-off. Not for sub-daily
  /// data: their week is carried mostly by the day-kind daily profiles, which this does not
  /// modulate, and every column costs p² per row of a long hourly design.
  func weeklyYearlyModulation(weekly: Int, yearly: Int) -> Int {
    if let order = spec.weeklyYearlyModulation { return weekly > 0 ? max(0, order) : 0 }
    guard !isSubDaily, hasCalendar, spanDays >= 730, weekly > 0, yearly > 0 else { return 0 }
    return 2
  }

  func dailyByDayKind() -> Bool {
    if let flag = spec.dailyByDayKind { return flag && isSubDaily }
    return isSubDaily && hasCalendar && spanDays >= 21
  }

  func slopeChangeTimes() -> [Int64] {
    // Under two years, one yearly cycle cannot be told from bends of the trend, so fewer
    // bends are offered (25); longer histories get up to 60.
    let cap = spanDays >= 730 ? Self.maximumSlopeChanges : 25
    let count = spec.slopeChanges ?? min(cap, Int(spanDays / 14))
    guard count > 0 else { return [] }
    // Candidates in the first 80%: the forecast slope must rest on the last fifth at least.
    let usable = Double(spanSeconds) * 0.8
    return (1...count).map { k in
      grid.start + alignedToStep(Int64(usable * Double(k) / Double(count + 1)))
    }
  }

  func levelShiftTimes() -> [Int64] {
    let spacingDays = spec.levelShiftSpacingDays ?? defaultLevelShiftSpacingDays
    guard spacingDays > 0 else { return [] }
    // At most `maximumLevelShifts` candidates: each is a column, and p drives the p³ work.
    let spacing = max(
      grid.step, Int64(spacingDays * Double(Self.day)),
      spanSeconds / Int64(Self.maximumLevelShifts))
    // Keep shifts at least two days (sub-daily) or a week (daily) from the end, so that a
    // shift has enough observations after it to be told from noise.
    let margin = isSubDaily ? 2 * Self.day : 7 * Self.day
    var times: [Int64] = []
    var t = grid.start + spacing
    while t < grid.start + spanSeconds - margin {
      times.append(t)
      t += spacing
    }
    return times
  }

  /// A week for sub-daily data (a shift after an incident is placed within days). None for
  /// daily data by default: a day's noise is too close to a level change for the
  /// candidates to help (measured on the Peyton Manning backtest, where they made MASE worse);
  /// its slope changes carry the trend.
  var defaultLevelShiftSpacingDays: Double { isSubDaily ? 7 : 0 }
  static let maximumLevelShifts = 60
  /// One candidate per two weeks up to 60: on the Peyton Manning backtest, 60 candidates over
  /// eight years (MASE 0.88) beat 25 (0.91); the adaptive ridge keeps only the real bends.
  static let maximumSlopeChanges = 60

  private func alignedToStep(_ offset: Int64) -> Int64 { offset / grid.step * grid.step }

  /// Bucket length of promotion profiles and incident terms: an hour for sub-hourly and
  /// hourly data, one step for coarser data.
  var eventBucket: Int64 { max(grid.step, 3_600) }
}
