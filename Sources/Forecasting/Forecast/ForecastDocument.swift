import Foundation
import TimeSeries

/// The JSON form of one forecast: `{"step_seconds", "time_zone", "quantile_levels", "rows"}`,
/// each row with `timestamp`, `forecast`, the `pNN` columns and, when present, `components`.
///
/// Values are rounded to six significant digits (`ForecastEncoding.rounded`). Encode it with
/// sorted keys for byte-identical files; multi-series outputs nest one document per series.
public struct ForecastDocument: Encodable, Sendable {
  struct Row: Encodable, Sendable {
    var timestamp: String
    var forecast: Double
    var quantiles: [String: Double]
    var components: [String: Double]?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: DynamicKey.self)
      try container.encode(timestamp, forKey: DynamicKey("timestamp"))
      try container.encode(forecast, forKey: DynamicKey("forecast"))
      for (name, value) in quantiles { try container.encode(value, forKey: DynamicKey(name)) }
      if let components { try container.encode(components, forKey: DynamicKey("components")) }
    }
  }

  var step_seconds: Int64
  var time_zone: String
  var quantile_levels: [Double]
  var rows: [Row]

  /// - Throws: `UnknownTimeZoneError` if the forecast's zone is unknown.
  public init(_ forecast: Forecast) throws {
    let clock = try LocalClock(identifier: forecast.timeZone)
    let rounded = ForecastEncoding.rounded
    rows = (0..<forecast.count).map { h in
      Row(
        timestamp: Timestamp.format(forecast.times[h], clock: clock),
        forecast: rounded(forecast.mean[h]),
        quantiles: Dictionary(
          uniqueKeysWithValues: forecast.quantiles.map { ($0.columnName, rounded($0.values[h])) }),
        components: forecast.components.map { parts in parts.mapValues { rounded($0[h]) } })
    }
    step_seconds = forecast.step
    time_zone = forecast.timeZone
    quantile_levels = forecast.quantiles.map(\.level)
  }
}

struct DynamicKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
