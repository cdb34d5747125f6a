import Foundation
import TimeSeries

/// CSV and JSON renderings of a forecast, byte-identical for identical forecasts.
public enum ForecastEncoding {
  /// `timestamp,forecast,p10,…[,component…]`: timestamps in the model's zone (ISO 8601 with
  /// offset), values with the shortest round-tripping representation.
  public static func csv(_ forecast: Forecast) throws -> Data {
    let clock = try LocalClock(identifier: forecast.timeZone)
    let componentNames = forecast.components?.keys.sorted() ?? []
    var header = ["timestamp", "forecast"] + forecast.quantiles.map(\.columnName)
    header += componentNames
    var text = header.joined(separator: ",") + "\n"
    for h in 0..<forecast.count {
      var fields = [Timestamp.format(forecast.times[h], clock: clock), number(forecast.mean[h])]
      fields += forecast.quantiles.map { number($0.values[h]) }
      fields += componentNames.map { number(forecast.components?[$0]?[h] ?? 0) }
      text += fields.joined(separator: ",") + "\n"
    }
    return Data(text.utf8)
  }

  /// A JSON document: `{"step_seconds", "time_zone", "quantile_levels", "rows": [...]}` with
  /// sorted keys; each row has `timestamp`, `forecast`, the `pNN` columns and, when present,
  /// `components`.
  public static func json(_ forecast: Forecast) throws -> Data {
    let clock = try LocalClock(identifier: forecast.timeZone)
    struct Row: Encodable {
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
    struct Document: Encodable {
      var step_seconds: Int64
      var time_zone: String
      var quantile_levels: [Double]
      var rows: [Row]
    }
    let rows = (0..<forecast.count).map { h in
      Row(
        timestamp: Timestamp.format(forecast.times[h], clock: clock),
        forecast: rounded(forecast.mean[h]),
        quantiles: Dictionary(
          uniqueKeysWithValues: forecast.quantiles.map { ($0.columnName, rounded($0.values[h])) }),
        components: forecast.components.map { parts in parts.mapValues { rounded($0[h]) } })
    }
    let document = Document(
      step_seconds: forecast.step, time_zone: forecast.timeZone,
      quantile_levels: forecast.quantiles.map(\.level), rows: rows)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(document)
    data.append(0x0A)
    return data
  }

  /// Six significant decimals are far below the forecast's own uncertainty and keep files
  /// readable; rounding is deterministic, so outputs stay byte-identical.
  static func rounded(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let magnitude = pow(10, 6 - (log10(abs(value))).rounded(.up))
    return (value * magnitude).rounded() / magnitude
  }

  static func number(_ value: Double) -> String {
    let r = rounded(value)
    if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
    return "\(r)"
  }
}

struct DynamicKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
