/// A forecast: the expected count and quantiles per future slot, optionally decomposed.
public struct Forecast: Sendable, Equatable {
  /// Epoch seconds of each slot's start.
  public var times: [Int64]
  public var step: Int64
  public var timeZone: String
  /// The expected count (mean on the original scale, not the back-transformed median).
  public var mean: [Double]
  /// Quantile forecasts, ascending by level.
  public var quantiles: [QuantileForecast]
  /// Additive contributions on the model scale per component (trend, seasonality:daily, …,
  /// short_term), when requested.
  public var components: [String: [Double]]?

  public init(
    times: [Int64], step: Int64, timeZone: String, mean: [Double],
    quantiles: [QuantileForecast], components: [String: [Double]]?
  ) {
    self.times = times
    self.step = step
    self.timeZone = timeZone
    self.mean = mean
    self.quantiles = quantiles
    self.components = components
  }

  public var count: Int { times.count }

  /// The quantile forecast at `level`, if it was requested.
  public func quantile(_ level: Double) -> [Double]? {
    quantiles.first { abs($0.level - level) < 1e-9 }?.values
  }
}

/// One quantile level's forecast values.
public struct QuantileForecast: Sendable, Equatable {
  public var level: Double
  public var values: [Double]

  public init(level: Double, values: [Double]) {
    self.level = level
    self.values = values
  }

  /// Column name by percent: 0.1 → `p10`, 0.975 → `p97.5`.
  public var columnName: String {
    let percent = (level * 1000).rounded() / 10
    return percent == percent.rounded() ? "p\(Int(percent))" : "p\(percent)"
  }
}
