import Evaluation

/// The baselines every backtest window is also forecast with.
public enum BaselineName: String, Sendable, CaseIterable, Codable, Comparable {
  /// ``SeasonalNaive``: the last season repeated.
  case seasonalNaive = "seasonal_naive"
  /// M4's ``Naive2``: naive on the seasonally adjusted series.
  case naive2

  public static func < (a: BaselineName, b: BaselineName) -> Bool { a.rawValue < b.rawValue }

  /// The forecaster with seasonal period `season`.
  func forecaster(season: Int) -> any BaselineForecaster {
    switch self {
    case .seasonalNaive: SeasonalNaive(period: season)
    case .naive2: Naive2(period: season)
    }
  }
}

/// One test window of one series: what was forecast from the origin, what happened, and the
/// scores of the model and of the baselines.
public struct BacktestWindow: Sendable {
  public var series: String
  /// Ordinal of the origin, 0 for the oldest window.
  public var origin: Int
  /// Epoch seconds of the window's first slot (the forecast origin).
  public var start: Int64
  /// Slots the model was fitted on (everything before `start`).
  public var trainingSlots: Int
  /// The observed values of the window (`.nan` = missing).
  public var actual: [Double]
  /// The model's forecast of the window, with the requested and interval quantiles.
  public var forecast: Forecast
  /// Each baseline's point forecast of the window.
  public var baselineForecasts: [BaselineName: [Double]]
  /// The model's scores over the whole window.
  public var accuracy: ForecastAccuracy
  /// Each baseline's scores over the whole window (point metrics only).
  public var baselines: [BaselineName: ForecastAccuracy]
  /// M4's 95% mean scaled interval score of the model.
  public var msis95: Double
  /// The model's scores per lead-time bucket (``LeadTimeBuckets``).
  public var accuracyByLead: [ForecastAccuracy]
  /// Each baseline's scores per lead-time bucket.
  public var baselinesByLead: [BaselineName: [ForecastAccuracy]]
}

/// The backtest of one series: its windows, oldest first.
public struct SeriesBacktest: Sendable {
  public var series: String
  public var windows: [BacktestWindow]
  /// Wall time of all fits, forecasts and scoring of this series, in seconds (not part of any
  /// deterministic output).
  public var seconds: Double
}
