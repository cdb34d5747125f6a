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
    var progress = self.progress
    var failures: [Failure] = []
    await withTaskGroup(of: (Int, Result<Output, any Error>).self) { group in
      var next = 0
      while next < min(concurrency, count) {
        let index = next
        group.addTask { (index, Result { try work(index) }) }
        next += 1
      }
      while let (index, result) = await group.next() {
        do {
          try handle(index, try result.get())
        } catch {
          failures.append(Failure(index: index, name: name(index), message: Self.message(error)))
        }
        progress?.advance(failed: failures.count)
        if next < count {
          let index = next
          group.addTask { (index, Result { try work(index) }) }
          next += 1
        }
      }
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
