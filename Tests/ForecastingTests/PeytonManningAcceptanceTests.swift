import Forecasting
import Foundation
import Modeling
import TestSupport
import Testing
import TimeSeries

/// Issue 3's accuracy acceptance on Prophet's Peyton Manning example (daily log page views,
/// with its playoff and Super Bowl events): the last 5 × 30-day windows, each fitted on
/// everything before it, score better than Prophet 1.5 measured on this machine with the same
/// events and windows (MASE 0.854, sMAPE 3.79%), and both bands cover within 5 points of
/// nominal. Read in place from `../shared/datasets/`; skipped where it is absent.
@Suite struct PeytonManningAcceptanceTests {
  static let data = ProjectPaths.shared("peyton-manning/example_wp_log_peyton_manning.csv").path
  static let events = ProjectPaths.shared("peyton-manning/events.csv").path
  static let present = FileManager.default.fileExists(atPath: data)
    && FileManager.default.fileExists(atPath: events)

  @Test(.enabled(if: present))
  func fiveRollingMonthsBeatProphetAndCoverNominally() throws {
    let series = try #require(try SeriesCSV.read(path: Self.data).series.first)
    let plan = BacktestPlan(
      horizon: 30, origins: 5, season: 7,
      events: try EventsCSV.read(path: Self.events, timeZone: "UTC"))
    let backtest = try plan.run(series)
    let summary = BacktestSummary(backtest.windows, horizon: 30)
    let scores = summary.aggregate
    #expect(summary.windowCount == 5)
    #expect(scores.mase < 0.854, "MASE \(scores.mase), Prophet 0.854")
    #expect(scores.smape < 3.79, "sMAPE \(scores.smape)%, Prophet 3.79%")
    #expect(abs(scores.coverage80 - 0.80) <= 0.05, "80% band covers \(scores.coverage80)")
    #expect(abs(scores.coverage95 - 0.95) <= 0.05, "95% band covers \(scores.coverage95)")
  }
}
