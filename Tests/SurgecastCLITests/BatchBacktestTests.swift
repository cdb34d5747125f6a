import Forecasting
import Foundation
import TestSupport
import Testing
import TimeSeries

@testable import SurgecastCLI

/// The backtest engine run over many series by `SeriesBatch`: the same results, in input
/// order, as a sequential run, and a failing series does not stop the others.
@Suite struct BatchBacktestTests {
  static let plan = BacktestPlan(horizon: 24, origins: 2, season: 24, hasCalendar: false)

  /// A noisy daily cycle with a slow trend (seeded), integer-indexed hours.
  static func traffic(_ name: String, count: Int, seed: UInt64) -> Series {
    var random = SplitMix64(seed: seed)
    let values = (0..<count).map { t -> Double in
      let phase = 2 * Double.pi * Double(t % 24) / 24
      let trend = 500 + 0.2 * Double(t)
      return trend + 150 * sin(phase) + 20 * random.normal()
    }
    return Series(name: name, start: 0, step: 3_600, values: values)
  }

  @Test func parallelRunMatchesSequentialRunInInputOrder() async throws {
    // Different lengths, so workers finish out of order.
    let series = (0..<6).map {
      Self.traffic("s\($0)", count: 300 + 150 * (($0 * 7) % 5), seed: UInt64($0))
    }
    let results = await BatchBacktest.run(
      series, plan: Self.plan, batch: SeriesBatch(concurrency: 2))
    #expect(results.count == series.count)
    for (input, result) in zip(series, results) {
      let parallel = try result.get()
      let sequential = try Self.plan.run(input)
      #expect(parallel.series == input.name)
      #expect(parallel.windows.map(\.forecast) == sequential.windows.map(\.forecast))
    }
  }

  @Test func aFailingSeriesDoesNotStopTheOthers() async {
    let series = [
      Self.traffic("long", count: 400, seed: 1), Self.traffic("short", count: 50, seed: 2),
    ]
    let results = await BatchBacktest.run(
      series, plan: Self.plan, batch: SeriesBatch(concurrency: 2))
    #expect((try? results[0].get()) != nil)
    #expect(throws: BacktestError.tooShort(series: "short", slots: 50, required: 96)) {
      try results[1].get()
    }
  }
}
