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

  static func encode(_ outcome: ModelGroup.Outcome<Forecast>, format: TableFormat) throws -> Data {
    switch format {
    case .csv:
      return try ForecastEncoding.csv(
        bySeries: outcome.results.map { ($0.member.training.series, $0.output) })
    case .json:
      var document = Document(series: [:], models: [:], failures: [:])
      for (member, forecast) in outcome.results {
        document.series[member.training.series] = try ForecastDocument(forecast)
        document.models[member.training.series] = "\(member.name)@v\(member.version)"
      }
      for failure in outcome.failures { document.failures[failure.name] = failure.message }
      return Data((try JSONOutput.encode(document) + "\n").utf8)
    case .summary:
      let blocks = try outcome.results.map { member, forecast in
        try ForecastSummary.text(forecast, series: member.training.series)
      }
      return Data(blocks.joined(separator: "\n").utf8)
    }
  }
}
