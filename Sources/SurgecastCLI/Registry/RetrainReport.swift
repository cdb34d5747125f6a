import Foundation
import TimeSeries

/// What `surgecast retrain` prints: per-window and mean MASE of old and new, and the verdict.
struct RetrainReport: Encodable {
  struct Window: Encodable {
    var start: String
    var oldMASE: Double
    var newMASE: Double
  }

  var model: String
  var horizonSteps: Int
  var season: Int
  var windows: [Window]
  var oldMASE: Double
  var newMASE: Double
  var regression: Double
  var maxRegression: Double
  /// The consistency of the new data with the old model (`LevelDrift`).
  var drift: LevelDrift
  var accepted: Bool
  var forced: Bool
  /// `NAME@vN` of the version written, or nil when none was.
  var written: String?

  init(
    model: String, comparison: RetrainComparison, drift: LevelDrift, maxRegression: Double,
    accepted: Bool,
    forced: Bool, written: String?, clock: LocalClock
  ) {
    self.model = model
    horizonSteps = comparison.horizon
    season = comparison.season
    windows = comparison.windows.map {
      Window(
        start: Timestamp.format($0.start, clock: clock), oldMASE: $0.oldMASE,
        newMASE: $0.newMASE)
    }
    oldMASE = comparison.oldMASE
    newMASE = comparison.newMASE
    regression = comparison.regression
    self.maxRegression = maxRegression
    self.drift = drift
    self.accepted = accepted
    self.forced = forced
    self.written = written
  }

  var text: String {
    var table = TextTable([("window from", .left), ("old MASE", .right), ("new MASE", .right)])
    for window in windows {
      table.append([window.start, Self.format(window.oldMASE), Self.format(window.newMASE)])
    }
    table.append(["mean", Self.format(oldMASE), Self.format(newMASE)])
    let change = regression <= 0
      ? "\(NumberFormatting.percent(-regression)) better"
      : "\(NumberFormatting.percent(regression)) worse"
    let verdict: String
    if let written {
      verdict = forced ? "forced: wrote \(written) despite the guard" : "accepted: wrote \(written)"
    } else {
      verdict = "refused: nothing written"
    }
    return """
      retrain \(model): \(windows.count) windows of \(horizonSteps) steps, MASE season \(season)
      \(table.rendered(indent: "  "))new vs old: \(change) (limit \(NumberFormatting.percent(maxRegression)) worse)
      level check: \(drift.consistent ? "consistent" : "INCONSISTENT"): new data at \(drift.summary)
      \(verdict)

      """
  }

  static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
