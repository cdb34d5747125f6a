import Forecasting
import Modeling
import TimeSeries

/// The consistency guard of `surgecast retrain`: do the new observations after the old model's
/// training window lie where that model expected them?
///
/// The regression guard compares old and new on the newest data, so it cannot see an error that
/// covers those data too: a unit bug (×10) over every new week makes the old model look bad and
/// the corrupted refit look good. This check needs no refit: the old model forecasts the whole
/// span after its training window (planned events as in a backtest, no recent data), and the
/// new observations are compared with its calibrated 1% and 99% quantiles and its median.
///
/// The data are inconsistent when both hold on the same side: more than half of the new
/// observations lie beyond the band (the median of the new data is outside the 98% interval:
/// the level itself moved, not a few hours of surge), and their median ratio to the median
/// forecast is beyond `maxLevelChange` (×3 by default). The band alone is not enough: a
/// series with little noise has a narrow band, and a genuine 20% level shift — the very thing
/// a retrain is for — leaves it; a unit error (×8, ×10, ×60, ×1000) is far beyond both.
/// Slots inside known incidents and outages are left out.
struct LevelDrift: Encodable {
  static let lowerLevel = 0.01
  static let upperLevel = 0.99
  /// Largest tolerated share of observations beyond one side of the band.
  static let maxShareBeyond = 0.5
  /// Default largest tolerated level change (median ratio, either way).
  static let defaultMaxLevelChange = 3.0

  /// The tolerated level change this check was made with.
  var maxLevelChange: Double

  /// Finite new observations compared (after the training window, outside incidents/outages).
  var observations: Int
  var aboveUpper: Int
  var belowLower: Int
  /// Median over those observations of observed / the old model's median forecast.
  var medianRatio: Double

  var shareAbove: Double { observations > 0 ? Double(aboveUpper) / Double(observations) : 0 }
  var shareBelow: Double { observations > 0 ? Double(belowLower) / Double(observations) : 0 }
  /// Whether the new data are consistent with the old model's level.
  var consistent: Bool {
    let up = shareAbove > Self.maxShareBeyond && medianRatio > maxLevelChange
    let down = shareBelow > Self.maxShareBeyond && medianRatio < 1 / maxLevelChange
    return !(up || down)
  }

  init(old: FittedModel, series: Series, events: [Event], maxLevelChange: Double) throws {
    self.maxLevelChange = maxLevelChange
    let training = old.training
    let firstNew = max(0, Int((training.end - series.start) / series.step))
    guard firstNew < series.count else {
      throw DataError(file: series.name, "no observations after the model's training window")
    }
    let planned = EventVisibility.planned(
      events, model: old, start: training.end, end: series.end)
    let forecast = try old.forecast(
      ForecastRequest(
        horizon: series.count - firstNew, plannedEvents: planned,
        quantiles: [Self.lowerLevel, 0.5, Self.upperLevel]))
    guard let lower = forecast.quantile(Self.lowerLevel), let median = forecast.quantile(0.5),
      let upper = forecast.quantile(Self.upperLevel)
    else { throw InternalError("the drift forecast lacks its quantiles") }
    let anomalies = events.filter { $0.kind == .incident || $0.kind == .outage }
    var observations = 0
    var above = 0
    var below = 0
    var ratios: [Double] = []
    for h in 0..<forecast.count {
      let value = series.values[firstNew + h]
      let t = forecast.times[h]
      guard value.isFinite, !anomalies.contains(where: { $0.contains(t) }) else { continue }
      observations += 1
      if value > upper[h] { above += 1 }
      if value < lower[h] { below += 1 }
      if median[h] > 0 { ratios.append(value / median[h]) }
    }
    self.observations = observations
    aboveUpper = above
    belowLower = below
    ratios.sort()
    medianRatio = ratios.isEmpty ? .nan : ratios[ratios.count / 2]
  }

  /// The level ratio and the share beyond the band on its side, for the report and the
  /// refusal.
  var summary: String {
    let side = medianRatio >= 1 ? "above the 99%" : "below the 1%"
    let share = medianRatio >= 1 ? shareAbove : shareBelow
    return "\(Self.ratio(medianRatio)) the old model's median forecast (limit "
      + "\(Self.ratio(maxLevelChange)) either way), \(NumberFormatting.percent(share)) of the "
      + "\(observations) new observations \(side) quantile"
  }

  static func ratio(_ value: Double) -> String { "×" + String(format: "%.2f", value) }

  private enum CodingKeys: String, CodingKey {
    case observations, aboveUpper, belowLower, medianRatio, shareAbove, shareBelow, consistent
    case maxLevelChange
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(observations, forKey: .observations)
    try container.encode(aboveUpper, forKey: .aboveUpper)
    try container.encode(belowLower, forKey: .belowLower)
    try container.encode(medianRatio.isFinite ? medianRatio : 0, forKey: .medianRatio)
    try container.encode(shareAbove, forKey: .shareAbove)
    try container.encode(shareBelow, forKey: .shareBelow)
    try container.encode(consistent, forKey: .consistent)
    try container.encode(maxLevelChange, forKey: .maxLevelChange)
  }
}
