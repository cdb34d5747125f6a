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
  ///   - frames: design frames shared by the series of a batch (same grid, events and spec
  ///     share the design and its Gram); the model is the same with or without.
  /// - Throws: `ModelingError`.
  public func fit(
    _ series: Series, events: [Event] = [], hasCalendar: Bool = true,
    profile: FitProfile? = nil, frames: DesignFrameCache? = nil
  ) throws -> FittedModel {
    let setup = try TrainingSetup(
      series: series, events: events, hasCalendar: hasCalendar, spec: self, frames: frames)
    profile?.mark("design")
    var solver = try PenalizedFit(setup: setup, spec: self)
    profile?.mark("normal equations")
    try solver.run()
    profile?.mark("penalty (GCV) and robust IRLS")
    let isSubDaily = setup.grid.step < 86_400
    let horizon = max(1, calibrationHorizon
      ?? min(isSubDaily ? Int(7 * 86_400 / setup.grid.step) : 30, setup.grid.count / 4))
    let originCount = max(1, calibrationOrigins ?? 12)
    let shortTermChoice = ShortTermSelection(
      spec: self, seasonSteps: setup.seasonSteps, isSubDaily: isSubDaily)
    var origins = try RollingOrigins(
      setup: setup, equations: solver.equations, weights: solver.weights, count: originCount, horizon: horizon,
      memory: shortTermChoice.memory)
    // λ and every other penalty are fixed from here on; only the changepoints' change.
    let changepoints = solver.changepointColumns
    if !changepoints.isEmpty {
      origins = try origins.preparedForVaryingPenalty(
        lambda: solver.lambda, penalty: solver.penalty, varying: changepoints)
    }
    profile?.mark("rolling-origin prefixes")
    try solver.chooseChangepointStrength(origins)
    profile?.mark("changepoint strength (CV)")
    try solver.sparsifyChangepoints()
    profile?.mark("changepoint sparsity")
    let paths = origins.paths(
      lambda: solver.lambda, penalty: solver.penalty, memory: shortTermChoice.memory)
    let (shortTerm, originErrors) = shortTermChoice.choose(
      residuals: solver.residuals(), origins: origins, paths: paths)
    profile?.mark("short-term AR (chosen by CV)")
    let calibration = CalibrationFitting(
      fit: solver, horizon: horizon, errors: originErrors,
      leadsHaveFixedPhase: origins.leadsHaveFixedPhase
    ).run()
    profile?.mark("interval calibration")
    let model = solver.model(
      shortTerm: shortTerm, calibration: calibration,
      calibrationSetting: (originCount, horizon), shortTermChosenBy: shortTermChoice.chosenBy,
      spec: self)
    profile?.mark("artifact")
    return model
  }
}
