import Modeling
import TimeSeries

/// What a rolling-origin backtest does: how far each window looks, how many windows, and how
/// forecasts are made and scored.
///
/// The test windows are the last `origins` non-overlapping windows of `horizon` steps of each
/// series. For each window the model is fitted on the slots before it only, so every automatic
/// choice of the fit (transform, penalty, changepoints, interval calibration) is made without
/// the window or anything after it.
public struct BacktestPlan: Sendable {
  /// Steps per test window (the forecast horizon).
  public var horizon: Int
  /// Number of test windows (origins) per series.
  public var origins: Int
  /// Seasonal period m of the MASE scale and of the seasonal-naive and Naive2 baselines.
  public var season: Int
  /// Quantile levels whose mean pinball loss is reported.
  public var quantiles: [Double]
  /// The user's model overrides, applied at every origin.
  public var spec: ModelSpec
  /// The events calendar (see ``EventVisibility`` for what each origin may see).
  public var events: [Event]
  /// False for integer-indexed data (no weekdays, no holidays).
  public var hasCalendar: Bool

  public init(
    horizon: Int, origins: Int, season: Int, quantiles: [Double] = ForecastRequest.defaultQuantiles,
    spec: ModelSpec = ModelSpec(), events: [Event] = [], hasCalendar: Bool = true
  ) {
    self.horizon = horizon
    self.origins = origins
    self.season = season
    self.quantiles = quantiles
    self.spec = spec
    self.events = events
    self.hasCalendar = hasCalendar
  }

  /// The quantile levels whose pairs give the 80% and 95% coverage (and the 95% MSIS).
  static let intervalLevels = [0.025, 0.1, 0.9, 0.975]

  /// Levels to forecast: the requested ones plus the interval edges.
  var forecastLevels: [Double] {
    Array(Set(quantiles + Self.intervalLevels)).sorted()
  }

  /// The default seasonal period for a step: one day of steps for sub-daily data, a week (7)
  /// for daily data, 1 otherwise (M4's convention for hourly data is m = 24).
  public static func defaultSeason(step: Int64) -> Int {
    if step < 86_400 { return max(1, Int(86_400 / step)) }
    if step == 86_400 { return 7 }
    return 1
  }

  /// The fewest training slots an origin may have: two seasons, so that the seasonal-naive
  /// MASE scale exists, and at least the model's own minimum of observed slots.
  public var minimumTrainingSlots: Int { max(2 * season, 16) }

  /// Index of the first slot of each test window, oldest first: the last `origins` windows
  /// of `horizon` slots of a series of `count` slots.
  ///
  /// - Throws: ``BacktestError/tooShort(series:slots:required:)`` when the first window would
  ///   leave fewer than ``minimumTrainingSlots`` slots to fit on.
  public func originIndices(series name: String, count: Int) throws(BacktestError) -> [Int] {
    let required = minimumTrainingSlots + origins * horizon
    guard count >= required else {
      throw .tooShort(series: name, slots: count, required: required)
    }
    return (0..<origins).map { count - (origins - $0) * horizon }
  }
}
