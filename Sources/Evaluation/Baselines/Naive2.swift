/// The M4 "Naive 2" benchmark: the naive forecast of the seasonally adjusted series,
/// reseasonalised.
///
/// 1. If the history passes the 90% autocorrelation test at period m
///    (``SeasonalityTest/isSeasonal(_:period:)``, which needs n ≥ 3m), compute multiplicative
///    seasonal indices S_p by classical decomposition
///    (``ClassicalDecomposition/multiplicativeIndices(_:period:)``); otherwise S_p = 1.
/// 2. Deseasonalise the last value: level = y_n / S_{phase(n)}.
/// 3. Forecast ŷ_{n+h} = level · S_{phase(n+h)}, with phases counted from the first value.
///
/// Naive2 is the denominator of M4's OWA, so it must match the official benchmark exactly.
/// Source: Makridakis et al. 2020, section 2.3; M4-methods `Benchmarks and Evaluation.R`
/// (`SeasonalityTest`, `decompose(…, "multiplicative")`, `naive(des_input) * SIout`), whose
/// behaviour this reproduces (the M4 Hourly reference forecasts are matched to 1e-6 in the
/// tests).
public struct Naive2: BaselineForecaster, Codable, Hashable {
  /// The seasonal period m (M4: 24 hourly, 12 monthly, 4 quarterly, 1 otherwise).
  public var period: Int

  public init(period: Int) {
    self.period = period
  }

  /// The fitted benchmark: whether the history tested seasonal, its seasonal indices and the
  /// deseasonalised last value.
  public struct Fit: Sendable, Hashable, Codable {
    /// The spec's period m.
    public var period: Int
    /// The history length n; forecast phases continue from it.
    public var historyCount: Int
    /// Whether the seasonality test passed.
    public var isSeasonal: Bool
    /// Multiplicative index per phase p = t mod m (t = 0 is the first history value); all 1
    /// when not seasonal.
    public var seasonalIndices: [Double]
    /// The last history value divided by its seasonal index.
    public var level: Double

    /// Point forecasts for steps 1…horizon: level · S_{(n − 1 + h) mod m}.
    ///
    /// - Complexity: O(horizon).
    public func forecast(horizon: Int) -> [Double] {
      var forecast = [Double]()
      forecast.reserveCapacity(max(horizon, 0))
      for step in 0..<max(horizon, 0) {
        forecast.append(level * seasonalIndices[(historyCount + step) % period])
      }
      return forecast
    }
  }

  /// Tests for seasonality and decomposes `history`.
  ///
  /// - Throws: ``EvaluationError/invalidPeriod(_:)`` for m < 1 and
  ///   ``EvaluationError/historyTooShort(required:actual:)`` for an empty history.
  /// - Complexity: O(n · m).
  public func fit(_ history: [Double]) throws(EvaluationError) -> Fit {
    guard period >= 1 else { throw .invalidPeriod(period) }
    guard let last = history.last else { throw .historyTooShort(required: 1, actual: 0) }
    let seasonal = SeasonalityTest.isSeasonal(history, period: period)
    let indices =
      seasonal
      ? ClassicalDecomposition.multiplicativeIndices(history, period: period)
      : [Double](repeating: 1, count: period)
    let n = history.count
    return Fit(
      period: period, historyCount: n, isSeasonal: seasonal, seasonalIndices: indices,
      level: last / indices[(n - 1) % period])
  }

  /// - Throws: as ``fit(_:)``, and ``EvaluationError/invalidHorizon(_:)``.
  /// - Complexity: O(n · m + horizon).
  public func forecast(_ history: [Double], horizon: Int) throws(EvaluationError) -> [Double] {
    guard horizon >= 0 else { throw .invalidHorizon(horizon) }
    return try fit(history).forecast(horizon: horizon)
  }
}
