import Evaluation
import Testing
import TimeSeries

@testable import Forecasting

/// The backtest engine on generated series whose scores are known in closed form.
@Suite struct BacktestKnownAnswerTests {
  /// The windows are the last K non-overlapping windows of H slots, oldest first.
  @Test func windowsAreTheLastKNonOverlappingOnes() throws {
    let plan = BacktestFixtures.plan(horizon: 24, origins: 3)
    #expect(try plan.originIndices(series: "s", count: 500) == [428, 452, 476])
    let backtest = try plan.run(BacktestFixtures.linearTrend(count: 500))
    #expect(backtest.windows.map(\.trainingSlots) == [428, 452, 476])
    #expect(backtest.windows.map(\.origin) == [0, 1, 2])
    #expect(backtest.windows.map(\.start) == [428, 452, 476].map { Int64($0) * 3_600 })
    for window in backtest.windows {
      #expect(window.forecast.times.first == window.start)
      #expect(window.actual == (0..<24).map { 100 + Double(window.trainingSlots + $0) })
    }
  }

  /// Too short for the windows plus two seasons of training: a one-line error naming the
  /// series and the counts.
  @Test func tooShortSeriesIsRefused() {
    let plan = BacktestFixtures.plan(horizon: 24, origins: 3)
    // 3 × 24 + 2 × 24 = 120 slots needed.
    #expect(throws: BacktestError.tooShort(series: "s", slots: 119, required: 120)) {
      try plan.run(BacktestFixtures.linearTrend(count: 119))
    }
    #expect(throws: Never.self) { try plan.originIndices(series: "s", count: 120) }
  }

  /// On y = 100 + t seasonal naive's MAE is exactly 24 and its MASE exactly 1 in every
  /// window; the model, which has a trend, must be far better (MASE < 0.1).
  @Test func linearTrendHasClosedFormSeasonalNaiveScores() throws {
    let plan = BacktestFixtures.plan(horizon: 24, origins: 3)
    let backtest = try plan.run(BacktestFixtures.linearTrend(count: 600))
    for window in backtest.windows {
      let naive = try #require(window.baselines[.seasonalNaive])
      #expect(abs(naive.mae - 24) < 1e-9)
      #expect(abs(naive.mase - 1) < 1e-12)
      #expect(naive.coverage80.isNaN, "baselines have no intervals")
      #expect(window.accuracy.mase < 0.1, "model MASE \(window.accuracy.mase)")
    }
    let summary = BacktestSummary(backtest.windows, horizon: 24)
    #expect(abs((summary.baselines[.seasonalNaive]?.mase ?? 0) - 1) < 1e-12)
    #expect(summary.relativeToSeasonalNaive.mase == summary.aggregate.mase)
    #expect(abs(summary.relativeToSeasonalNaive.mae - summary.aggregate.mae / 24) < 1e-9)
    #expect(summary.windowCount == 3)
  }

  /// A series that is exactly periodic after a noisy start: seasonal naive forecasts every
  /// late window perfectly (MAE 0, sMAPE 0), and the model gets close (MASE < 0.2).
  @Test func periodicSeriesIsForecastPerfectlyBySeasonalNaive() throws {
    let plan = BacktestFixtures.plan(horizon: 48, origins: 2)
    let backtest = try plan.run(BacktestFixtures.dailyCycle(count: 960))
    for window in backtest.windows {
      let naive = try #require(window.baselines[.seasonalNaive])
      #expect(naive.mae == 0)
      #expect(naive.smape == 0)
      #expect(naive.mase == 0)
      #expect(window.accuracy.mase < 0.2, "model MASE \(window.accuracy.mase)")
    }
  }

  /// Lead-time buckets split the window into near-equal parts, and their metrics are those of
  /// the sub-windows: for seasonal naive on the trend, MAE 24 in every bucket.
  @Test func leadTimeBuckets() throws {
    #expect(LeadTimeBuckets.ranges(horizon: 48) == [0..<12, 12..<24, 24..<36, 36..<48])
    #expect(LeadTimeBuckets.ranges(horizon: 30) == [0..<7, 7..<15, 15..<22, 22..<30])
    #expect(LeadTimeBuckets.ranges(horizon: 2) == [0..<1, 1..<2])
    let backtest = try BacktestFixtures.plan(horizon: 24, origins: 2)
      .run(BacktestFixtures.linearTrend(count: 400))
    let summary = BacktestSummary(backtest.windows, horizon: 24)
    #expect(summary.byLeadTime.map(\.firstLead) == [1, 7, 13, 19])
    #expect(summary.byLeadTime.map(\.lastLead) == [6, 12, 18, 24])
    for bucket in summary.byLeadTime {
      #expect(abs((bucket.baselines[.seasonalNaive]?.mae ?? 0) - 24) < 1e-9)
    }
  }

  /// Coverage of the model's intervals and the pinball loss over the requested levels only.
  @Test func intervalMetricsUseTheRequestedLevels() throws {
    var plan = BacktestFixtures.plan(horizon: 24, origins: 1)
    plan.quantiles = [0.5]
    let backtest = try plan.run(BacktestFixtures.noisyTraffic("a", count: 600, seed: 3))
    let window = try #require(backtest.windows.first)
    let median = try #require(window.forecast.quantile(0.5))
    let expected = Accuracy.pinball(actual: window.actual, quantile: median, level: 0.5)
    #expect(abs(window.accuracy.pinball - expected) < 1e-12)
    let lower = try #require(window.forecast.quantile(0.1))
    let upper = try #require(window.forecast.quantile(0.9))
    #expect(
      window.accuracy.coverage80
        == Accuracy.coverage(actual: window.actual, lower: lower, upper: upper))
    #expect(window.accuracy.coverage95.isFinite)
    #expect(window.msis95.isFinite && window.msis95 > 0)
  }

  /// Gaps in a baseline's history take the value one season earlier.
  @Test func baselineHistoryFillsGapsSeasonally() {
    let nan = Double.nan
    let filled = BaselineHistory.filled([nan, 1, 2, 3, nan, nan, 6, nan], season: 3)
    #expect(filled == [1, 1, 2, 3, 1, 2, 6, 1])
  }
}
