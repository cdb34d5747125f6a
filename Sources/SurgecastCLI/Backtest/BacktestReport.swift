import Evaluation
import Forecasting
import Modeling
import TimeSeries

/// The JSON document of `surgecast backtest`: the keys `aggregate`, `baselines`,
/// `by_lead_time`, `config`, `origins` (and a few derived figures), sorted and byte-identical
/// for the same input and options. Undefined figures are `null`. Wall times are not included,
/// so that the document depends on the data and options only.
struct BacktestReport: Encodable {
  var aggregate: ForecastAccuracy
  var baselines: [String: ForecastAccuracy]
  var byLeadTime: [LeadTime]
  var config: BacktestConfig
  var origins: [Origin]
  var failures: [Failure]
  var relativeToSeasonalNaive: Relative
  var owa: Double?
  var seasonalNaiveOWA: Double?
  var msis95: Double?
  var seriesCount: Int
  var windowCount: Int

  enum CodingKeys: String, CodingKey {
    case aggregate, baselines, config, origins, failures, owa
    case byLeadTime = "by_lead_time"
    case relativeToSeasonalNaive = "relative_to_seasonal_naive"
    case seasonalNaiveOWA = "owa_seasonal_naive"
    case msis95 = "msis_95"
    case seriesCount = "series_count"
    case windowCount = "window_count"
  }

  struct LeadTime: Encodable {
    var leads: String
    var firstLead: Int
    var lastLead: Int
    var metrics: ForecastAccuracy
    var baselines: [String: ForecastAccuracy]

    enum CodingKeys: String, CodingKey {
      case leads, metrics, baselines
      case firstLead = "first_lead"
      case lastLead = "last_lead"
    }
  }

  struct Origin: Encodable {
    var series: String
    var origin: Int
    var start: String
    var startIndex: Int
    var metrics: ForecastAccuracy
    var baselines: [String: ForecastAccuracy]
    var msis95: Double?

    enum CodingKeys: String, CodingKey {
      case series, origin, start, metrics, baselines
      case startIndex = "start_index"
      case msis95 = "msis_95"
    }
  }

  struct Failure: Encodable {
    var series: String
    var error: String
  }

  /// Ratios to seasonal naive of the point metrics; `null` where undefined.
  struct Relative: Encodable {
    var mae, rmse, smape, mase, wape: Double?

    init(_ relative: RelativeAccuracy) {
      mae = finite(relative.mae)
      rmse = finite(relative.rmse)
      smape = finite(relative.smape)
      mase = finite(relative.mase)
      wape = finite(relative.wape)
    }
  }

  init(
    summary: BacktestSummary, windows: [BacktestWindow], failures: [Failure],
    config: BacktestConfig, seriesCount: Int, clock: LocalClock
  ) {
    aggregate = summary.aggregate
    baselines = Self.named(summary.baselines)
    byLeadTime = summary.byLeadTime.map {
      LeadTime(
        leads: "\($0.firstLead)-\($0.lastLead)", firstLead: $0.firstLead, lastLead: $0.lastLead,
        metrics: $0.model, baselines: Self.named($0.baselines))
    }
    self.config = config
    origins = windows.map {
      Origin(
        series: $0.series, origin: $0.origin, start: Timestamp.format($0.start, clock: clock),
        startIndex: $0.trainingSlots, metrics: $0.accuracy, baselines: Self.named($0.baselines),
        msis95: finite($0.msis95))
    }
    self.failures = failures
    relativeToSeasonalNaive = Relative(summary.relativeToSeasonalNaive)
    owa = finite(summary.owa)
    seasonalNaiveOWA = finite(summary.seasonalNaiveOWA)
    msis95 = finite(summary.msis95)
    self.seriesCount = seriesCount
    windowCount = summary.windowCount
  }

  private static func named(_ scores: [BaselineName: ForecastAccuracy]) -> [String: ForecastAccuracy] {
    Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value) })
  }
}

/// Everything needed to rerun a backtest: the inputs, the windows and the model overrides.
struct BacktestConfig: Encodable {
  var data: String
  var events: String?
  var timezone: String
  var stepSeconds: Int64
  var series: [String]
  var horizon: Int
  var origins: Int
  var season: Int
  var quantiles: [Double]
  var spec: ModelSpec
  var calendar: Bool
  var baselines: [String]
  var generator: String

  enum CodingKeys: String, CodingKey {
    case data, events, timezone, series, horizon, origins, season, quantiles, spec, calendar
    case baselines, generator
    case stepSeconds = "step_seconds"
  }
}

/// `nil` for NaN and infinities, which JSON cannot hold.
func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
