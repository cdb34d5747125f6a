import Foundation
import Modeling
import TimeSeries

/// Where the benchmark's data live: the public sets in `../shared/datasets/` (read in place)
/// and the default dataset in `Datasets/`, relative to the package root (the working
/// directory of `make bench-accuracy`).
enum AccuracyInputs {
  static let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  static let shared = root.deletingLastPathComponent().appendingPathComponent("shared/datasets")

  static func sharedPath(_ relative: String) -> String {
    shared.appendingPathComponent(relative).path
  }

  static func projectPath(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// M4 Hourly as one series per id: the training values followed by the 48 test values, so
  /// that a backtest with one origin of 48 steps fits on exactly the training part and scores
  /// exactly the test part.
  static func m4Hourly() throws -> [Series] {
    let options = SeriesReadOptions(step: TimeSpan(seconds: 3_600))
    let train = try SeriesCSV.read(path: sharedPath("m4-hourly/train.csv"), options: options)
    let test = try SeriesCSV.read(path: sharedPath("m4-hourly/test.csv"), options: options)
    let tests = Dictionary(uniqueKeysWithValues: test.series.map { ($0.name, $0) })
    return try train.series.map { series in
      guard let future = tests[series.name], future.start == series.end else {
        throw DataError(
          file: sharedPath("m4-hourly/test.csv"),
          "no test rows continuing series '\(series.name)'")
      }
      var joined = series
      joined.values += future.values
      return joined
    }
  }

  /// `method,smape_hourly,mase_hourly,owa_hourly` → (sMAPE, MASE, OWA) by method name (the
  /// first row of a repeated name).
  static func publishedM4Scores() throws -> [String: (smape: Double, mase: Double, owa: Double)] {
    let path = sharedPath("m4-hourly/published_hourly_scores.csv")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var scores: [String: (Double, Double, Double)] = [:]
    for (number, line) in text.split(separator: "\n").enumerated().dropFirst() {
      let fields = line.split(separator: ",").map(String.init)
      guard fields.count == 4, let s = Double(fields[1]), let m = Double(fields[2]),
        let o = Double(fields[3])
      else { throw DataError(file: path, line: number + 1, "not method,smape,mase,owa") }
      if scores[fields[0]] == nil { scores[fields[0]] = (s, m, o) }
    }
    return scores
  }

  /// The spec the M4 rows use besides the defaults (chosen on the training data only).
  static func m4Spec() throws -> ModelSpec {
    let path = projectPath(m4SpecPath)
    return try JSONDecoder().decode(ModelSpec.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
  }

  static let m4SpecPath = "docs/results/m4-hourly-spec.json"
}
