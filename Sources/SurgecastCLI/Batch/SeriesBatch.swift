import Dispatch
import Foundation

/// Runs one piece of work per series across the cores: the one parallel runner of the
/// multi-series commands (`fit`, `forecast`, `backtest` through `BatchBacktest`).
///
/// At most `concurrency` series are in work at once, and each result is handed to `handle`
/// (on the calling task, one at a time) as soon as it is ready and then dropped, so memory
/// holds `concurrency` design matrices and models, not one per series. A series whose work
/// throws is recorded with its error and the others go on.
public struct SeriesBatch: Sendable {
  /// A series that failed, with the reason.
  public struct Failure: Sendable {
    public var index: Int
    public var name: String
    public var message: String
  }

  /// Parallel workers (default: the cores the process may use).
  public var concurrency = max(1, ProcessInfo.processInfo.activeProcessorCount)
  /// Draws the progress bar on stderr (when enabled) as series finish.
  var progress: ProgressBar?

  /// A batch of `concurrency` workers, without a progress bar.
  public init(concurrency: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)) {
    self.concurrency = max(1, concurrency)
  }

  /// A batch that draws `progress` (nil: no bar) as series finish.
  init(
    concurrency: Int = max(1, ProcessInfo.processInfo.activeProcessorCount),
    progress: ProgressBar?
  ) {
    self.concurrency = max(1, concurrency)
    self.progress = progress
  }

  /// Runs `work(i)` for `i` in `0..<count`; returns the failures in input order.
  ///
  /// `handle(i, output)` runs in completion order; an error it throws counts as a failure of
  /// series `i`. `name(i)` names series `i` in failure messages.
  public func run<Output: Sendable>(
    count: Int, name: (Int) -> String,
    work: @escaping @Sendable (Int) throws -> Output,
    handle: (Int, Output) throws -> Void = { _, _ in }
  ) async -> [Failure] {
    await run(
      count: count, name: name, lane: nil, work: work, store: { _, output in output },
      handle: handle)
  }

  /// Runs `work(i)` on the cores and then `store(i, output)` on one I/O lane, for `i` in
  /// `0..<count`; returns the failures in input order.
  ///
  /// Why a separate lane: storing a model ends in `fsync`, which blocks its thread for about a
  /// millisecond while the disk confirms. On a thread of the cooperative pool (one per core)
  /// that is a core left idle, about a sixth of a batch of hourly fits. On its own serial
  /// queue the wait overlaps the next fits. At most `concurrency` series compute and at most
  /// `16 × concurrency` more (their outputs, not their designs) wait for the lane, so memory
  /// stays bounded and a burst of slow `fsync`s does not stall the cores. `handle` runs as in
  /// `run(count:name:work:handle:)`; an error from `work` or `store` counts as a failure of
  /// series `i`.
  public func run<Output: Sendable, Stored: Sendable>(
    count: Int, name: (Int) -> String,
    work: @escaping @Sendable (Int) throws -> Output,
    store: @escaping @Sendable (Int, Output) throws -> Stored,
    handle: (Int, Stored) throws -> Void = { _, _ in }
  ) async -> [Failure] {
    await run(
      count: count, name: name, lane: DispatchQueue(label: "surgecast.series-batch.store"),
      work: work, store: store, handle: handle)
  }

  /// Outputs that may wait for the store lane at once: enough to ride out a burst of slow
  /// `fsync`s (a few tens of milliseconds on a shared disk) without stalling the cores, while
  /// an hourly model's file is about 0.1 MB, so the backlog stays a few MB.
  private var storeBacklog: Int { 16 * concurrency }

  /// What a child task of the batch finished: a series' work, or its store.
  private enum Step<Output: Sendable, Stored: Sendable>: Sendable {
    case computed(Int, Result<Output, any Error>)
    case stored(Int, Result<Stored, any Error>)
  }

  /// The runner both public forms share; `lane` nil stores inline, on the calling task.
  private func run<Output: Sendable, Stored: Sendable>(
    count: Int, name: (Int) -> String, lane: DispatchQueue?,
    work: @escaping @Sendable (Int) throws -> Output,
    store: @escaping @Sendable (Int, Output) throws -> Stored,
    handle: (Int, Stored) throws -> Void
  ) async -> [Failure] {
    var progress = self.progress
    var failures: [Failure] = []
    func finish(_ index: Int, _ result: Result<Stored, any Error>) {
      do {
        try handle(index, try result.get())
      } catch {
        failures.append(Failure(index: index, name: name(index), message: Self.message(error)))
      }
      progress?.advance(failed: failures.count)
    }
    await withTaskGroup(of: Step<Output, Stored>.self) { group in
      var (next, computing, storing) = (0, 0, 0)
      repeat {
        while computing < concurrency, storing < storeBacklog, next < count {
          let index = next
          group.addTask { .computed(index, Result { try work(index) }) }
          (next, computing) = (next + 1, computing + 1)
        }
        guard let step = await group.next() else { break }
        switch step {
        case .computed(let index, .failure(let error)):
          computing -= 1
          finish(index, .failure(error))
        case .computed(let index, .success(let output)):
          computing -= 1
          guard let lane else {
            finish(index, Result { try store(index, output) })
            continue
          }
          storing += 1
          group.addTask {
            let stored = await withCheckedContinuation { done in
              lane.async { done.resume(returning: Result { try store(index, output) }) }
            }
            return .stored(index, stored)
          }
        case .stored(let index, let result):
          storing -= 1
          finish(index, result)
        }
      } while true
    }
    progress?.finish()
    return failures.sorted { $0.index < $1.index }
  }

  /// Reports each failure on its own stderr line and, if any, throws
  /// `CommandError.someSeriesFailed` (exit 2).
  static func reportFailures(_ failures: [Failure], total: Int) throws {
    for failure in failures {
      StandardStreams.reportError("series '\(failure.name)': \(failure.message)")
    }
    if !failures.isEmpty { throw CommandError.someSeriesFailed(failed: failures.count, total: total) }
  }

  private static func message(_ error: any Error) -> String {
    if let reportable = error as? any ReportableError { return reportable.oneLineMessage }
    return "\(error)".singleLine
  }
}
