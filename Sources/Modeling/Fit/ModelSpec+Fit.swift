import Features
import LinearAlgebra
import TimeSeries

extension ModelSpec {
  /// Fits the traffic model to one series.
  ///
  /// One pass over the data forms XᵀWX (n·p²); everything after it — choosing the penalty by
  /// GCV, robust re-weighting, sparsifying changepoints, the rolling-origin calibration of the
  /// intervals — is p×p work or touches only a few rows (NUMERICS.md).
  ///
  /// - Parameters:
  ///   - series: the training window on a regular grid (gaps as `.nan`).
  ///   - events: the events calendar (holidays, promotions, incidents, outages).
  ///   - hasCalendar: false for integer-indexed data (e.g. M4): no weekdays, no holidays.
  ///   - profile: receives the wall time of each stage, when given (benchmarks).
  /// - Throws: `ModelingError`.
  public func fit(
    _ series: Series, events: [Event] = [], hasCalendar: Bool = true,
    profile: FitProfile? = nil
  ) throws -> FittedModel {
    let setup = try TrainingSetup(
      series: series, events: events, hasCalendar: hasCalendar, spec: self)
    profile?.mark("design")
    var solver = try PenalizedFit(setup: setup, spec: self)
    profile?.mark("normal equations")
    try solver.run()
    profile?.mark("penalty (GCV) and robust IRLS")
    let isSubDaily = setup.grid.step < 86_400
    let horizon = max(1, calibrationHorizon
      ?? min(isSubDaily ? Int(7 * 86_400 / setup.grid.step) : 30, setup.grid.count / 4))
    let originCount = max(1, calibrationOrigins ?? 12)
    // Daily data: two weeks of lags carry the persistence of a level that has moved (on the
    // Peyton Manning backtest, MASE 0.87 against 0.90 with three lags); sub-daily data: the
    // last few steps plus the same time yesterday.
    let lags = max(0, arLags ?? (isSubDaily ? 3 : 14))
    let seasonalLag = (arSeasonalLag ?? true) ? setup.seasonSteps : 0
    let origins = try RollingOrigins(
      setup: setup, equations: solver.equations, weights: solver.weights, count: originCount, horizon: horizon,
      memory: max(lags, seasonalLag))
    profile?.mark("rolling-origin prefixes")
    try solver.chooseChangepointStrength(origins)
    profile?.mark("changepoint strength (CV)")
    try solver.sparsifyChangepoints()
    profile?.mark("changepoint sparsity")
    let shortTerm = ShortTermFitting.fit(
      residuals: solver.residuals(), weights: setup.baseWeights, lags: lags,
      seasonalLag: seasonalLag)
    profile?.mark("short-term AR")
    let calibration = CalibrationFitting(origins: origins, fit: solver, shortTerm: shortTerm).run()
    profile?.mark("interval calibration")
    let model = solver.model(
      shortTerm: shortTerm, calibration: calibration,
      calibrationSetting: (originCount, horizon), spec: self)
    profile?.mark("artifact")
    return model
  }
}
