import Foundation

/// The progress line of a multi-series backtest on stderr: `backtest: 120/414 series`.
///
/// On a terminal the line is rewritten in place, at most about a hundred times per run, and
/// ended with a newline; when stderr is a file or a pipe (CI logs), one line per tenth.
final class BacktestProgress: @unchecked Sendable {
  private let lock = NSLock()
  private let total: Int
  private var shown = 0
  private let isTerminal = isatty(STDERR_FILENO) == 1

  init(total: Int) {
    self.total = total
  }

  /// Called by the workers after each series.
  func report(done: Int, total: Int) {
    lock.withLock {
      let stride = max(1, total / (isTerminal ? 100 : 10))
      guard done == total || done - shown >= stride else { return }
      shown = done
      let line = "backtest: \(done)/\(total) series"
      StandardStreams.writeError(isTerminal ? "\r" + line : line + "\n")
    }
  }

  /// Ends the line, if one was written.
  func finish() {
    lock.withLock {
      if shown > 0 && isTerminal { StandardStreams.writeError("\n") }
    }
  }
}
