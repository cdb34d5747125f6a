/// The accuracy of one forecast window: point, scaled and probabilistic metrics together.
///
/// Built from actuals, a point forecast, optional quantile forecasts or prediction intervals,
/// and the in-sample history (for the MASE scale). Each field is the ``Accuracy`` kernel of the
/// same name; see there for the exact definitions and sources. `.nan` marks a metric that is
/// undefined for this window — pinball and coverage without quantiles, MASE when the history
/// has no full season — and is encoded as JSON `null`.
///
/// Missing actuals (`.nan`) are skipped by every metric (see ``Accuracy``).
public struct ForecastAccuracy: Sendable {
  /// Mean absolute error, in series units.
  public var mae: Double
  /// Root mean squared error, in series units.
  public var rmse: Double
  /// M4 symmetric MAPE, in percent (0…200).
  public var smape: Double
  /// Mean absolute scaled error with the in-sample seasonal-naive scale of period m.
  public var mase: Double
  /// Σ|e| / Σ|y|, a fraction.
  public var wape: Double
  /// Mean pinball loss over the supplied quantile levels, in series units.
  public var pinball: Double
  /// Share of actuals inside the 80% interval (quantiles 0.1 and 0.9).
  public var coverage80: Double
  /// Share of actuals inside the 95% interval (quantiles 0.025 and 0.975).
  public var coverage95: Double

  /// A value with the given metrics (for decoding fixtures and aggregates).
  public init(
    mae: Double, rmse: Double, smape: Double, mase: Double, wape: Double,
    pinball: Double, coverage80: Double, coverage95: Double
  ) {
    self.mae = mae
    self.rmse = rmse
    self.smape = smape
    self.mase = mase
    self.wape = wape
    self.pinball = pinball
    self.coverage80 = coverage80
    self.coverage95 = coverage95
  }

  /// Scores one forecast window.
  ///
  /// - Parameters:
  ///   - actual: the observed values over the horizon; `.nan` marks a missing one.
  ///   - forecast: the point forecast, one value per actual.
  ///   - quantiles: quantile level τ ∈ (0, 1) → forecast per step. `pinball` averages all given
  ///     levels; `coverage80` uses levels 0.1 and 0.9 and `coverage95` levels 0.025 and 0.975
  ///     when present (levels are matched to 12 decimals), `.nan` otherwise.
  ///   - history: the in-sample series the forecast was made from (MASE scale).
  ///   - period: the seasonal period m of the MASE scale (24 for hourly data, as in M4).
  /// - Throws: ``EvaluationError`` for mismatched lengths, a level outside (0, 1), a period
  ///   below 1, or a window with no observed actual.
  /// - Complexity: O(h k + n) for k quantile levels and an n-point history.
  public init(
    actual: [Double], forecast: [Double], quantiles: [Double: [Double]] = [:],
    history: [Double], period: Int
  ) throws(EvaluationError) {
    guard period >= 1 else { throw .invalidPeriod(period) }
    let h = actual.count
    guard forecast.count == h else {
      throw .lengthMismatch(what: "forecast", expected: h, actual: forecast.count)
    }
    guard actual.contains(where: { !$0.isNaN }) else { throw .noObservedActuals }
    var byLevel: [Double: [Double]] = [:]
    for (level, values) in quantiles {
      guard level > 0 && level < 1 else { throw .invalidLevel(level) }
      guard values.count == h else {
        throw .lengthMismatch(what: "quantile \(level)", expected: h, actual: values.count)
      }
      byLevel[canonicalLevel(level)] = values
    }

    func coverage(_ low: Double, _ high: Double) -> Double {
      guard let lower = byLevel[low], let upper = byLevel[high] else { return .nan }
      return Accuracy.coverage(actual: actual, lower: lower, upper: upper)
    }
    self.init(
      mae: Accuracy.mae(actual: actual, forecast: forecast),
      rmse: Accuracy.rmse(actual: actual, forecast: forecast),
      smape: Accuracy.smape(actual: actual, forecast: forecast),
      mase: Accuracy.mase(actual: actual, forecast: forecast, history: history, period: period),
      wape: Accuracy.wape(actual: actual, forecast: forecast),
      pinball: Accuracy.meanPinball(actual: actual, quantiles: byLevel),
      coverage80: coverage(0.1, 0.9),
      coverage95: coverage(0.025, 0.975))
  }

  /// Scores one forecast window whose uncertainty is given as central prediction intervals.
  ///
  /// Each interval contributes its two bounds as quantiles (an 80% interval gives levels 0.1
  /// and 0.9, see ``PredictionInterval/quantileLevels``); the result is then that of
  /// ``init(actual:forecast:quantiles:history:period:)``.
  ///
  /// - Throws: as the quantile initializer; an interval level outside (0, 1) is
  ///   ``EvaluationError/invalidLevel(_:)``.
  public init(
    actual: [Double], forecast: [Double], intervals: [PredictionInterval],
    history: [Double], period: Int
  ) throws(EvaluationError) {
    var quantiles: [Double: [Double]] = [:]
    for interval in intervals {
      guard interval.level > 0 && interval.level < 1 else { throw .invalidLevel(interval.level) }
      let levels = interval.quantileLevels
      quantiles[levels.lower] = interval.lower
      quantiles[levels.upper] = interval.upper
    }
    try self.init(
      actual: actual, forecast: forecast, quantiles: quantiles, history: history, period: period)
  }
}

extension ForecastAccuracy: Equatable {
  /// Field-wise equality in which two `.nan`s (both "undefined") are equal.
  public static func == (a: ForecastAccuracy, b: ForecastAccuracy) -> Bool {
    func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
    return same(a.mae, b.mae) && same(a.rmse, b.rmse) && same(a.smape, b.smape)
      && same(a.mase, b.mase) && same(a.wape, b.wape) && same(a.pinball, b.pinball)
      && same(a.coverage80, b.coverage80) && same(a.coverage95, b.coverage95)
  }
}
