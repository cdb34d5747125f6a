import ArgumentParser
import Foundation
import Modeling
import PrometheusSource
import TimeSeries

/// Observations newer than a model's training window, for `forecast`: a CSV file (`--data`,
/// with a `series` column for several series) or a Prometheus range query (`--prometheus`)
/// from the end of the training window to `--end`, on the model's step.
struct RecentData {
  enum Source {
    case file(String)
    case prometheus(URL, query: String, end: String)
  }

  var source: Source

  /// Checks `--data` against `--prometheus --query --end` (one source, complete).
  static func validate(file: String?, prometheus: PrometheusOptions) throws {
    guard try prometheus.serverURL() != nil else {
      if prometheus.query != nil || prometheus.end != nil {
        throw ValidationError("--query and --end go with --prometheus")
      }
      return
    }
    if file != nil { throw ValidationError("give --data or --prometheus, not both") }
    guard prometheus.query != nil, prometheus.end != nil else {
      throw ValidationError("--prometheus needs --query and --end")
    }
  }

  /// The source of `--data` or `--prometheus` (checked by `validate`), or nil for none.
  static func from(file: String?, prometheus: PrometheusOptions) throws -> RecentData? {
    if let file { return RecentData(source: .file(file)) }
    guard let url = try prometheus.serverURL() else { return nil }
    guard let query = prometheus.query, let end = prometheus.end else {
      throw InternalError("--prometheus passed validation without --query and --end")
    }
    return RecentData(source: .prometheus(url, query: query, end: end))
  }

  /// The file, or the server and query, for messages.
  var label: String {
    switch source {
    case .file(let path): path
    case .prometheus(let url, let query, _): "\(url.absoluteString) query \(query)"
    }
  }

  /// Every series of the source on a grid of `step` seconds in `timeZone`; a Prometheus query
  /// covers `[from, --end]`.
  func read(timeZone: String, step: Int64, from: Int64) throws -> [Series] {
    var series: [Series]
    switch source {
    case .file(let path):
      try InputFile.requireReadable(path)
      let options = SeriesReadOptions(timeZone: timeZone, step: TimeSpan(seconds: step))
      series = try SeriesCSV.read(path: path, options: options).series
    case .prometheus(let url, let expression, let endText):
      let end: Int64
      do {
        end = try Timestamp.parse(endText, clock: try LocalClock(identifier: timeZone))
      } catch {
        throw ValidationError("--end: \(error)")
      }
      guard end >= from else {
        throw ValidationError(
          "--end: \(endText) is before the end of the training window "
            + "(\(Timestamp.format(from, clock: try LocalClock(identifier: timeZone))))")
      }
      let query = PrometheusQuery(
        server: url, expression: expression, start: from, end: end, step: step)
      series = try PrometheusClient().fetch(query, timeZone: timeZone)
    }
    for index in series.indices { series[index].timeZone = timeZone }
    return series
  }

  /// The recent series of one model: read on its grid, and the series named like its training
  /// series (or the only one).
  func series(for model: FittedModel) throws -> Series {
    let all = try read(
      timeZone: model.training.timeZone, step: model.training.step, from: model.training.end)
    let named = all.first { $0.name == model.training.series }
    guard let series = named ?? (all.count == 1 ? all.first : nil) else {
      throw DataError(file: label, "no series named '\(model.training.series)'")
    }
    return series
  }
}
