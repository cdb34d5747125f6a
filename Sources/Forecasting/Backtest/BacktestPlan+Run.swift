import Evaluation
import Modeling
import TimeSeries

extension BacktestPlan {
  /// Backtests one series: at each origin, fits on the slots before it, forecasts the window,
  /// and scores the forecast and the baselines.
  ///
  /// The fit receives a copy of the series cut at the origin and only the events that started
  /// before it (``EventVisibility``), so nothing after the origin can reach any choice the fit
  /// makes; the window's values are used only for scoring.
  ///
  /// - Throws: ``BacktestError`` when the series is too short, `ModelingError` when a fit or
  ///   forecast fails.
  public func run(_ series: Series) throws -> SeriesBacktest {
    let clock = ContinuousClock()
    let started = clock.now
    let windows = try originIndices(series: series.name, count: series.count).enumerated().map {
      ordinal, index in
      try window(series, ordinal: ordinal, index: index)
    }
    let elapsed = clock.now - started
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return SeriesBacktest(series: series.name, windows: windows, seconds: seconds)
  }

  private func window(_ series: Series, ordinal: Int, index: Int) throws -> BacktestWindow {
    let origin = series.time(at: index)
    let history = Array(series.values[..<index])
    let training = Series(
      name: series.name, start: series.start, step: series.step, values: history,
      timeZone: series.timeZone)
    // Calibrate the intervals for the horizon that will be scored, unless the spec says
    // otherwise: more rolling origins fit in the history when they look H steps ahead rather
    // than the default week.
    var fitSpec = spec
    if fitSpec.calibrationHorizon == nil { fitSpec.calibrationHorizon = horizon }
    let model = try fitSpec.fit(
      training, events: EventVisibility.forFit(events, origin: origin), hasCalendar: hasCalendar)
    let end = series.time(at: index + horizon)
    let forecast = try model.forecast(
      ForecastRequest(
        horizon: horizon,
        plannedEvents: EventVisibility.planned(events, model: model, start: origin, end: end),
        quantiles: forecastLevels))

    let actual = Array(series.values[index..<(index + horizon)])
    let scoring = WindowScoring(
      actual: actual, history: history, season: season, pinballLevels: quantiles)
    var quantileValues: [Double: [Double]] = [:]
    for quantile in forecast.quantiles { quantileValues[quantile.level] = quantile.values }
    let buckets = LeadTimeBuckets.ranges(horizon: horizon)

    let filled = BaselineHistory.filled(history, season: season)
    var baselineForecasts: [BaselineName: [Double]] = [:]
    var baselines: [BaselineName: ForecastAccuracy] = [:]
    var baselinesByLead: [BaselineName: [ForecastAccuracy]] = [:]
    for name in BaselineName.allCases {
      let points = try name.forecaster(season: season).forecast(filled, horizon: horizon)
      baselineForecasts[name] = points
      baselines[name] = scoring.score(points)
      baselinesByLead[name] = buckets.map { scoring.score(points, range: $0) }
    }
    return BacktestWindow(
      series: series.name, origin: ordinal, start: origin, trainingSlots: index,
      actual: actual, forecast: forecast, baselineForecasts: baselineForecasts,
      accuracy: scoring.score(forecast.mean, quantiles: quantileValues),
      baselines: baselines,
      msis95: scoring.msis95(
        lower: quantileValues[0.025] ?? [], upper: quantileValues[0.975] ?? []),
      accuracyByLead: buckets.map {
        scoring.score(forecast.mean, quantiles: quantileValues, range: $0)
      },
      baselinesByLead: baselinesByLead)
  }
}
