import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// The worker pool gives the same results, in input order, as a sequential run, and reports
/// failures per series without stopping the others.
@Suite struct ParallelBacktestTests {
  @Test func parallelRunMatchesSequentialRunInInputOrder() throws {
    let plan = BacktestFixtures.plan(horizon: 24, origins: 2)
    // Different lengths, so workers finish out of order.
    let series = (0..<6).map {
      BacktestFixtures.noisyTraffic("s\($0)", count: 300 + 150 * (($0 * 7) % 5), seed: UInt64($0))
    }
    let counter = ProgressCounter()
    let results = ParallelBacktest.run(series, plan: plan, workers: 2) { done, total in
      counter.record(done: done, total: total)
    }
    #expect(results.count == series.count)
    for (input, result) in zip(series, results) {
      let parallel = try result.get()
      let sequential = try plan.run(input)
      #expect(parallel.series == input.name)
      #expect(parallel.windows.map(\.forecast) == sequential.windows.map(\.forecast))
    }
    #expect(counter.values == Array(1...6))
  }

  @Test func aFailingSeriesDoesNotStopTheOthers() {
    let plan = BacktestFixtures.plan(horizon: 24, origins: 2)
    let series = [
      BacktestFixtures.noisyTraffic("long", count: 400, seed: 1),
      BacktestFixtures.noisyTraffic("short", count: 50, seed: 2),
    ]
    let results = ParallelBacktest.run(series, plan: plan, workers: 2)
    #expect((try? results[0].get()) != nil)
    #expect(throws: BacktestError.tooShort(series: "short", slots: 50, required: 96)) {
      try results[1].get()
    }
  }
}

/// Collects the progress callbacks (from worker threads).
private final class ProgressCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var seen: [Int] = []

  func record(done: Int, total: Int) {
    lock.withLock { seen.append(done) }
  }

  var values: [Int] { lock.withLock { seen.sorted() } }
}
