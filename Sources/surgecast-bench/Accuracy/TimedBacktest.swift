import Forecasting
import Foundation
import SurgecastCLI
import TimeSeries

/// A backtest of many series through the same engine as `surgecast backtest`, timed: wall
/// time of the whole run, CPU time of the process over it, and each series' own wall time.
struct TimedBacktest {
  var summary: BacktestSummary
  var windows: [BacktestWindow]
  var seriesCount: Int
  var failures: [String]
  var wallSeconds: Double
  var cpuSeconds: Double
  /// Mean over series of the wall time one worker spent on it.
  var meanSeriesSeconds: Double
  var workers: Int

  init(_ series: [Series], plan: BacktestPlan, workers: Int) {
    let cpuBefore = processCPUSeconds()
    let clock = ContinuousClock()
    let started = clock.now
    let results = runBlocking {
      await BatchBacktest.run(series, plan: plan, batch: SeriesBatch(concurrency: workers))
    }
    let elapsed = clock.now - started
    cpuSeconds = processCPUSeconds() - cpuBefore
    wallSeconds = milliseconds(elapsed) / 1000
    var windows: [BacktestWindow] = []
    var failures: [String] = []
    var seriesSeconds: [Double] = []
    for (input, result) in zip(series, results) {
      switch result {
      case .success(let backtest):
        windows += backtest.windows
        seriesSeconds.append(backtest.seconds)
      case .failure(let error):
        failures.append("\(input.name): \(error)")
      }
    }
    self.windows = windows
    self.failures = failures
    seriesCount = series.count
    self.workers = workers
    meanSeriesSeconds = seriesSeconds.reduce(0, +) / Double(max(1, seriesSeconds.count))
    summary = BacktestSummary(windows, horizon: plan.horizon)
  }

  var seriesPerSecond: Double { Double(seriesCount) / wallSeconds }
}

/// CPU seconds of this process so far, all threads together.
func processCPUSeconds() -> Double {
  var time = timespec()
  guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return .nan }
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The 1-minute load average, to say how busy the shared machine was during a run.
func loadAverage() -> Double {
  var loads = [Double](repeating: .nan, count: 3)
  _ = getloadavg(&loads, 3)
  return loads[0]
}
