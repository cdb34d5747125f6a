import Evaluation
import Forecasting
import Modeling
import TimeSeries

/// The regression guard of `surgecast retrain`: the registered model and the refitted spec,
/// scored on the same most recent windows of the new data.
///
/// Windows are the last `origins` non-overlapping windows of `horizon` steps (the backtest
/// engine's origins). The old model forecasts each window from its origin as it stands,
/// conditioned on the new observations between its training end and the origin (no refit);
/// the new spec is refitted at each origin on the data before it (`BacktestPlan`), so both
/// sides are out of sample. Both are scored by the same MASE (in-sample seasonal-naive scale
/// of the history before the origin).
struct RetrainComparison: Encodable {
  struct Window: Encodable {
    var start: Int64
    var oldMASE: Double
    var newMASE: Double
  }

  var windows: [Window]
  var horizon: Int
  var season: Int
  var oldMASE: Double
  var newMASE: Double
  /// `(new − old) / old`: positive is worse.
  var regression: Double

  init(
    old: FittedModel, series: Series, events: [Event], hasCalendar: Bool, horizon: Int,
    origins: Int
  ) throws {
    let season = BacktestPlan.defaultSeason(step: series.step)
    let plan = BacktestPlan(
      horizon: horizon, origins: origins, season: season, quantiles: [0.5],
      spec: old.spec.asSpec, events: events, hasCalendar: hasCalendar)
    let indices = try plan.originIndices(series: series.name, count: series.count)
    guard let firstIndex = indices.first else { throw InternalError("no origins") }
    let training = old.training
    let firstOrigin = series.time(at: firstIndex)
    guard series.step == training.step, (series.start - training.start) % training.step == 0
    else {
      throw DataError(
        file: series.name,
        "the new data (step \(series.step) s) are not on the model's grid "
          + "(step \(training.step) s from \(training.start))")
    }
    guard firstOrigin >= training.end else {
      let after = max(0, (series.end - training.end) / series.step)
      throw DataError(
        file: series.name,
        "the new data reach \(after) steps past the model's training window; comparing "
          + "\(origins) windows of \(horizon) steps needs \(origins * horizon) (lower --origins "
          + "or --horizon, or bring newer data)")
    }
    let refitted = try plan.run(series)
    var windows: [Window] = []
    for (index, window) in zip(indices, refitted.windows) {
      let origin = series.time(at: index)
      let oldForecast = try Self.forecast(
        old, series: series, events: events, originIndex: index, horizon: horizon)
      let actual = Array(series.values[index..<(index + horizon)])
      let oldAccuracy = try ForecastAccuracy(
        actual: actual, forecast: oldForecast, history: Array(series.values[..<index]),
        period: season)
      windows.append(Window(start: origin, oldMASE: oldAccuracy.mase, newMASE: window.accuracy.mase))
    }
    self.windows = windows
    self.horizon = horizon
    self.season = season
    oldMASE = windows.map(\.oldMASE).reduce(0, +) / Double(windows.count)
    newMASE = windows.map(\.newMASE).reduce(0, +) / Double(windows.count)
    regression = (newMASE - oldMASE) / oldMASE
  }

  /// The old model's mean forecast of the window starting at `originIndex`.
  private static func forecast(
    _ model: FittedModel, series: Series, events: [Event], originIndex: Int, horizon: Int
  ) throws -> [Double] {
    let firstNew = Int((model.training.end - series.start) / series.step)
    var recent: Series?
    if originIndex > firstNew {
      recent = Series(
        name: series.name, start: model.training.end, step: series.step,
        values: Array(series.values[firstNew..<originIndex]), timeZone: model.training.timeZone)
    }
    let start = series.time(at: originIndex)
    let end = series.time(at: originIndex + horizon)
    // The same events the backtest engine gives its forecasts.
    let planned = EventVisibility.planned(events, model: model, start: start, end: end)
    let forecast = try model.forecast(
      ForecastRequest(horizon: horizon, recent: recent, plannedEvents: planned, quantiles: [0.5]))
    return forecast.mean
  }
}
