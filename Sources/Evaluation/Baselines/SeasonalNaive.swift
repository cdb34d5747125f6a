/// The seasonal naive forecast: each step repeats the value one season earlier,
///
///     ŷ_{n+h} = y_{n+h−m·⌈h/m⌉}
///
/// so the last m observations are repeated cyclically. This is M4's "Seasonal Naive"
/// benchmark (M4-methods `naive_seasonal`: `head(rep(tail(input, m), fh), fh)`) and the
/// in-sample forecast whose error is the MASE scale.
public struct SeasonalNaive: BaselineForecaster, Codable, Hashable {
  /// The seasonal period m in steps (24 for hourly data with a daily cycle, 168 for a weekly
  /// one).
  public var period: Int

  public init(period: Int) {
    self.period = period
  }

  /// - Throws: ``EvaluationError/invalidPeriod(_:)`` for m < 1, and
  ///   ``EvaluationError/historyTooShort(required:actual:)`` when the history has fewer than m
  ///   values.
  /// - Complexity: O(horizon).
  public func forecast(_ history: [Double], horizon: Int) throws(EvaluationError) -> [Double] {
    guard horizon >= 0 else { throw .invalidHorizon(horizon) }
    guard period >= 1 else { throw .invalidPeriod(period) }
    let n = history.count
    guard n >= period else { throw .historyTooShort(required: period, actual: n) }
    // 0-based: step h ≥ 1 reads index n − m + (h − 1) mod m, the same phase one or more
    // seasons back.
    let start = n - period
    var forecast = [Double]()
    forecast.reserveCapacity(horizon)
    for step in 0..<horizon {
      forecast.append(history[start + step % period])
    }
    return forecast
  }
}
