/// A benchmark forecaster: point forecasts computed directly from a history, with nothing to
/// fit beyond a few numbers.
///
/// Baselines are the yardsticks of the accuracy tables: ``Naive`` (last value),
/// ``SeasonalNaive`` (last season) and ``Naive2`` (naive on the seasonally adjusted series, the
/// M4 reference for OWA). Each is a `Codable` spec; forecasting is a pure function of the
/// history, so the same history always gives bit-identical forecasts.
///
/// Histories must be complete: baselines do not impute, and a missing value (`.nan`) where a
/// method reads one propagates into the forecast. Fill gaps before forecasting.
public protocol BaselineForecaster: Sendable {
  /// Point forecasts for the `horizon` steps following the last value of `history`.
  ///
  /// - Throws: ``EvaluationError`` when the horizon is negative, the period is below 1, or the
  ///   history is shorter than the method needs.
  func forecast(_ history: [Double], horizon: Int) throws(EvaluationError) -> [Double]
}
