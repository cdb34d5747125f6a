import Evaluation
import Forecasting
import Foundation
import Modeling
import TimeSeries

/// The accuracy benchmark's datasets scored on held-out windows of their *training* data only
/// (`surgecast-bench accuracy-validation`): the windows on which defaults and calibration
/// methods are chosen, so that the figures of `accuracy` (M4's test windows, the last windows
/// of Peyton Manning and the default dataset) stay out of every choice.
///
/// - M4 Hourly: the last 3 × 48 hours of each series' training part (the test part is not read).
/// - Peyton Manning: 5 windows of 30 days ending where the benchmark's first window starts.
/// - Default dataset: 4 windows of 7 days ending where the benchmark's first window starts.
func runAccuracyValidationBench() throws -> [String] {
  let workers = ProcessInfo.processInfo.activeProcessorCount
  var lines = [
    "Held-out windows inside the training data (never the benchmark's scored windows).", "",
    "| dataset | windows | OWA | sMAPE % | MASE | median as point: OWA | median: MASE | cov 80 | cov 95 | 95% MSIS | wall | CPU |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ]
  var details: [String] = []
  func add(_ name: String, _ run: TimedBacktest) {
    let a = run.summary.aggregate
    let median = MedianPointScores(run.windows)
    lines.append(
      "| \(name) | \(run.summary.windowCount) | \(v(run.summary.owa, 3)) | \(v(a.smape, 2)) | "
        + "\(v(a.mase, 3)) | \(v(median.owa, 3)) | \(v(median.mase, 3)) | \(v(a.coverage80, 3)) | "
        + "\(v(a.coverage95, 3)) | \(v(run.summary.msis95, 2)) | \(v(run.wallSeconds, 2)) s | "
        + "\(v(run.cpuSeconds, 2)) s |")
    details.append("")
    details.append("\(name), coverage 80 / 95 by lead: " + run.summary.byLeadTime.map {
      "\($0.firstLead)–\($0.lastLead) \(v($0.model.coverage80, 2))/\(v($0.model.coverage95, 2))"
    }.joined(separator: ", "))
    if !run.failures.isEmpty { details.append("failures: \(run.failures.prefix(3))") }
  }

  if FileManager.default.fileExists(atPath: AccuracyInputs.sharedPath("m4-hourly/train.csv")) {
    let options = SeriesReadOptions(step: TimeSpan(seconds: 3_600))
    let train = try SeriesCSV.read(
      path: AccuracyInputs.sharedPath("m4-hourly/train.csv"), options: options).series
    let plan = BacktestPlan(horizon: 48, origins: 3, season: 24, hasCalendar: false)
    add("M4 Hourly, default spec", TimedBacktest(train, plan: plan, workers: workers))
    var tuned = plan
    tuned.spec = try AccuracyInputs.m4Spec()
    add("M4 Hourly, `\(AccuracyInputs.m4SpecPath)`", TimedBacktest(train, plan: tuned, workers: workers))
  }

  let peyton = AccuracyInputs.sharedPath("peyton-manning/example_wp_log_peyton_manning.csv")
  if FileManager.default.fileExists(atPath: peyton) {
    let series = try SeriesCSV.read(path: peyton, options: SeriesReadOptions()).series
      .map { dropLast($0, 5 * 30) }
    let events = try EventsCSV.read(
      path: AccuracyInputs.sharedPath("peyton-manning/events.csv"), timeZone: "UTC")
    add("Peyton Manning", TimedBacktest(
      series, plan: BacktestPlan(horizon: 30, origins: 5, season: 7, events: events), workers: 1))
  }

  let traffic = AccuracyInputs.projectPath("Datasets/traffic-1h.csv")
  if FileManager.default.fileExists(atPath: traffic) {
    let zone = "Asia/Seoul"
    let series = try SeriesCSV.read(path: traffic, options: SeriesReadOptions(timeZone: zone))
      .series.map { var s = dropLast($0, 4 * 168); s.timeZone = zone; return s }
    let events = try EventsCSV.read(
      path: AccuracyInputs.projectPath("Datasets/events.csv"), timeZone: zone)
    var spec = ModelSpec()
    spec.holidays = "KR"
    add("default dataset", TimedBacktest(
      series, plan: BacktestPlan(horizon: 168, origins: 4, season: 24, spec: spec, events: events),
      workers: 1))
  }
  return lines + details
}

/// The series without its last `count` slots.
private func dropLast(_ series: Series, _ count: Int) -> Series {
  var cut = series
  cut.values = Array(series.values.dropLast(count))
  return cut
}

/// MASE and OWA of the forecast median (quantile 0.5) as the point forecast, for comparison
/// with the mean (the expected count) that the backtest scores.
private struct MedianPointScores {
  var mase = Double.nan
  var owa = Double.nan

  init(_ windows: [BacktestWindow]) {
    var smapes: [Double] = []
    var mases: [Double] = []
    for window in windows {
      guard let median = window.forecast.quantiles.first(where: { abs($0.level - 0.5) < 1e-9 })
      else { return }
      // The MASE scale of the window, from seasonal naive's MAE and MASE on it.
      let scale = (window.baselines[.seasonalNaive]?.mae ?? .nan)
        / (window.baselines[.seasonalNaive]?.mase ?? .nan)
      smapes.append(Accuracy.smape(actual: window.actual, forecast: median.values))
      mases.append(Accuracy.mae(actual: window.actual, forecast: median.values) / scale)
    }
    mase = Accuracy.meanSkippingNaN(mases)
    owa = Accuracy.owa(
      smapes: smapes, mases: mases,
      naive2Smapes: windows.map { $0.baselines[.naive2]?.smape ?? .nan },
      naive2Mases: windows.map { $0.baselines[.naive2]?.mase ?? .nan })
  }
}

private func v(_ value: Double, _ digits: Int) -> String {
  value.isFinite ? String(format: "%.\(digits)f", value) : ""
}
