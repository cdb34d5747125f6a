import Forecasting
import Foundation

/// The combined output of a group forecast: CSV with a leading `series` column, JSON keyed by
/// series, or one summary per series.
enum GroupForecastOutput {
  /// `{"series": {SERIES: forecast document}, "models": {SERIES: "NAME@vN"},
  /// "failures": {NAME: message}}`, sorted keys.
  struct Document: Encodable {
    var series: [String: ForecastDocument]
    var models: [String: String]
    var failures: [String: String]
  }

  static func encode(_ outcome: GroupForecast.Outcome, format: TableFormat) throws -> Data {
    switch format {
    case .csv:
      return try ForecastEncoding.csv(bySeries: outcome.forecasts.map { ($0.series, $0.forecast) })
    case .json:
      var document = Document(series: [:], models: [:], failures: [:])
      for entry in outcome.forecasts {
        document.series[entry.series] = try ForecastDocument(entry.forecast)
        document.models[entry.series] = "\(entry.name)@v\(entry.version)"
      }
      for failure in outcome.failures { document.failures[failure.name] = failure.message }
      return Data((try JSONOutput.encode(document) + "\n").utf8)
    case .summary:
      let blocks = try outcome.forecasts.map { entry in
        try ForecastSummary.text(entry.forecast, series: entry.series)
      }
      return Data(blocks.joined(separator: "\n").utf8)
    }
  }
}
