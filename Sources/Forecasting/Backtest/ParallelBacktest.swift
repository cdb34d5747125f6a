import Dispatch
import Foundation
import LinearAlgebra
import TimeSeries

/// Backtests many series on a fixed number of worker threads.
///
/// Each worker takes the next series not yet started, so long and short series balance
/// themselves; results are stored by input position, so the output order (and every byte
/// derived from it) does not depend on which worker finished first. OpenBLAS is held to one
/// thread: the parallelism is across series, and BLAS threads inside each fit would only
/// oversubscribe the cores.
public enum ParallelBacktest {
  /// The result of each series, in input order.
  ///
  /// - Parameters:
  ///   - workers: threads to use (at least 1, at most one per series); the core count is the
  ///     natural choice.
  ///   - progress: called after each series with (series done, total), from a worker thread.
  public static func run(
    _ series: [Series], plan: BacktestPlan, workers: Int,
    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) -> [Result<SeriesBacktest, any Error>] {
    BLASThreading.ensureSingleThreaded()
    let queue = WorkQueue(count: series.count)
    let threads = max(1, min(workers, series.count))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while let k = queue.claim() {
        let result = Result { try plan.run(series[k]) }
        let done = queue.store(result, at: k)
        progress?(done, series.count)
      }
    }
    return queue.results()
  }
}

/// The shared state of the workers: the next index to claim and the result slots, behind one
/// lock (claims and stores are rare next to a fit, so contention is nil).
private final class WorkQueue: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private var done = 0
  private var slots: [Result<SeriesBacktest, any Error>?]

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func claim() -> Int? {
    lock.withLock {
      guard next < slots.count else { return nil }
      defer { next += 1 }
      return next
    }
  }

  /// Stores a result; returns how many series are done.
  func store(_ result: Result<SeriesBacktest, any Error>, at index: Int) -> Int {
    lock.withLock {
      slots[index] = result
      done += 1
      return done
    }
  }

  func results() -> [Result<SeriesBacktest, any Error>] {
    lock.withLock { slots.map { $0 ?? .failure(CancellationError()) } }
  }
}
