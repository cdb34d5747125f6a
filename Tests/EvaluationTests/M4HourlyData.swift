import Foundation
import TestSupport

/// The M4 Hourly subset read from `../shared/datasets/m4-hourly/` (414 series, horizon 48,
/// m = 24), with the official benchmark forecasts, loaded once per test process.
struct M4HourlyData: Sendable {
  static let seriesCount = 414
  static let horizon = 48
  static let period = 24

  /// Training history per series, index k − 1 for series Hk.
  var train: [[Double]]
  /// The 48 test values per series.
  var test: [[Double]]
  /// Official M4 forecasts (`submission-sNaive`, `submission-Naive2`), per series.
  var referenceSeasonalNaive: [[Double]]
  var referenceNaive2: [[Double]]

  /// Loaded on first use; a load failure is kept and reported by every test that needs it.
  static let shared: Result<M4HourlyData, M4ReadError> = Result { () throws(M4ReadError) in
    try M4HourlyData(
      train: readLong("m4-hourly/train.csv"),
      test: readLong("m4-hourly/test.csv"),
      referenceSeasonalNaive: readWide("m4-hourly/reference_forecasts/snaive_hourly.csv"),
      referenceNaive2: readWide("m4-hourly/reference_forecasts/naive2_hourly.csv"))
  }

  /// Published M4 scores from `published_hourly_scores.csv` (M4-methods "Evaluation and
  /// Ranks.xlsx", sheet "Point Forecasts-Frequency", Hourly columns), keyed by method.
  static func publishedScores() throws(M4ReadError) -> [String: PublishedScore] {
    var scores: [String: PublishedScore] = [:]
    try forEachRow("m4-hourly/published_hourly_scores.csv") { fields, line throws(M4ReadError) in
      guard fields.count == 4, let s = Double(fields[1]), let m = Double(fields[2]),
        let o = Double(fields[3])
      else { throw M4ReadError(file: "published_hourly_scores.csv", line: line) }
      scores[String(fields[0])] = PublishedScore(smape: s, mase: m, owa: o)
    }
    return scores
  }

  /// `series,t,value` rows (series H1…H414, t ascending within a series) → value arrays.
  private static func readLong(_ relative: String) throws(M4ReadError) -> [[Double]] {
    var series = [[Double]](repeating: [], count: seriesCount)
    try forEachRow(relative) { fields, line throws(M4ReadError) in
      guard fields.count == 3, let k = seriesNumber(fields[0]), let value = Double(fields[2])
      else { throw M4ReadError(file: relative, line: line) }
      series[k - 1].append(value)
    }
    return series
  }

  /// `id,F1…F48` rows → forecast arrays, indexed by series number.
  private static func readWide(_ relative: String) throws(M4ReadError) -> [[Double]] {
    var series = [[Double]](repeating: [], count: seriesCount)
    try forEachRow(relative) { fields, line throws(M4ReadError) in
      guard fields.count == horizon + 1, let k = seriesNumber(fields[0]) else {
        throw M4ReadError(file: relative, line: line)
      }
      let values = fields.dropFirst().compactMap { Double($0) }
      guard values.count == horizon else { throw M4ReadError(file: relative, line: line) }
      series[k - 1] = values
    }
    return series
  }

  /// "H17" → 17, when within 1…414.
  private static func seriesNumber(_ id: Substring) -> Int? {
    guard id.first == "H", let k = Int(id.dropFirst()), (1...seriesCount).contains(k) else {
      return nil
    }
    return k
  }

  /// Calls `body` with the comma-separated fields and 1-based line number of every data row
  /// (the header is skipped). The files have no quoting, so a plain split suffices.
  private static func forEachRow(
    _ relative: String, _ body: ([Substring], Int) throws(M4ReadError) -> Void
  ) throws(M4ReadError) {
    let url = ProjectPaths.shared(relative)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw M4ReadError(file: url.path, line: 0)
    }
    var number = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      number += 1
      if number == 1 { continue }
      try body(line.split(separator: ",", omittingEmptySubsequences: false), number)
    }
  }
}

/// One method's published M4 Hourly row: mean sMAPE (%), mean MASE (m = 24), OWA.
struct PublishedScore: Sendable {
  var smape: Double
  var mase: Double
  var owa: Double
}

/// A shared-dataset file that is missing or has a malformed row.
struct M4ReadError: Error, Sendable, CustomStringConvertible {
  var file: String
  var line: Int
  var description: String { "\(file):\(line): cannot read" }
}
