import Foundation
import TimeSeries

/// CSV and JSON renderings of a forecast, byte-identical for identical forecasts.
public enum ForecastEncoding {
  /// `timestamp,forecast,p10,…[,component…]`: timestamps in the model's zone (ISO 8601 with
  /// offset), values with the shortest round-tripping representation.
  public static func csv(_ forecast: Forecast) throws -> Data {
    let componentNames = forecast.components?.keys.sorted() ?? []
    var text = header(forecast, componentNames: componentNames).joined(separator: ",") + "\n"
    try appendRows(forecast, componentNames: componentNames, prefix: "", to: &text)
    return Data(text.utf8)
  }

  /// `series,timestamp,forecast,p10,…[,component…]`: the forecasts of several series in one
  /// table, one block per series in the given order. Every forecast must have the same
  /// quantile levels; the component columns are the union of all forecasts' components (a
  /// component a model does not have contributes 0).
  /// - Throws: `ForecastEncodingError.mismatchedQuantiles` when the levels differ.
  public static func csv(bySeries forecasts: [(series: String, forecast: Forecast)]) throws
    -> Data
  {
    guard let first = forecasts.first?.forecast else { return Data("series\n".utf8) }
    let levels = first.quantiles.map(\.level)
    var componentNames = Set<String>()
    for (series, forecast) in forecasts {
      guard forecast.quantiles.map(\.level) == levels else {
        throw ForecastEncodingError.mismatchedQuantiles(series: series)
      }
      if let components = forecast.components { componentNames.formUnion(components.keys) }
    }
    let sortedComponents = componentNames.sorted()
    var text = (["series"] + header(first, componentNames: sortedComponents))
      .joined(separator: ",") + "\n"
    for (series, forecast) in forecasts {
      try appendRows(
        forecast, componentNames: sortedComponents, prefix: SeriesCSV.csvQuoted(series) + ",",
        to: &text)
    }
    return Data(text.utf8)
  }

  /// A JSON document: `{"step_seconds", "time_zone", "quantile_levels", "rows": [...]}` with
  /// sorted keys; each row has `timestamp`, `forecast`, the `pNN` columns and, when present,
  /// `components`.
  public static func json(_ forecast: Forecast) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(try ForecastDocument(forecast))
    data.append(0x0A)
    return data
  }

  private static func header(_ forecast: Forecast, componentNames: [String]) -> [String] {
    ["timestamp", "forecast"] + forecast.quantiles.map(\.columnName) + componentNames
  }

  private static func appendRows(
    _ forecast: Forecast, componentNames: [String], prefix: String, to text: inout String
  ) throws {
    let clock = try LocalClock(identifier: forecast.timeZone)
    for h in 0..<forecast.count {
      var fields = [Timestamp.format(forecast.times[h], clock: clock), number(forecast.mean[h])]
      fields += forecast.quantiles.map { number($0.values[h]) }
      fields += componentNames.map { number(forecast.components?[$0]?[h] ?? 0) }
      text += prefix + fields.joined(separator: ",") + "\n"
    }
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

/// Forecasts that cannot share one table.
public enum ForecastEncodingError: Error, Equatable, CustomStringConvertible {
  /// A series' forecast has other quantile levels than the first one's.
  case mismatchedQuantiles(series: String)

  public var description: String {
    switch self {
    case .mismatchedQuantiles(let series):
      "the forecast of '\(series)' has other quantile levels than the others"
    }
  }
}
