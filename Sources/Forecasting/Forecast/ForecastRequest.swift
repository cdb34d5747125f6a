import TimeSeries

/// What to forecast: how far, from which latest data, with which planned events.
public struct ForecastRequest: Sendable {
  /// Number of steps to forecast.
  public var horizon: Int
  /// Observations newer than the training window (same step and phase): the forecast starts
  /// after them and the short-term correction starts from their residuals, without refitting.
  public var recent: Series?
  /// Planned events in the horizon (promotions by known name, or with an explicit lift).
  public var plannedEvents: [Event]
  /// Quantile levels in (0, 1).
  public var quantiles: [Double]
  /// Whether to return the additive components.
  public var components: Bool

  /// Default quantiles: the 80% and 95% bands' edges, the median and two upper tails that
  /// capacity planning reads (p95, p99).
  public static let defaultQuantiles = [0.025, 0.1, 0.5, 0.9, 0.95, 0.975, 0.99]

  public init(
    horizon: Int, recent: Series? = nil, plannedEvents: [Event] = [],
    quantiles: [Double] = defaultQuantiles, components: Bool = false
  ) {
    self.horizon = horizon
    self.recent = recent
    self.plannedEvents = plannedEvents
    self.quantiles = quantiles
    self.components = components
  }
}
