import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A one-line progress bar on stderr for long multi-series runs:
/// `[##########··········] 512/1000 series  48.1/s  eta 10s  (2 failed)`.
///
/// Drawn only when stderr is a terminal and the run is not `--quiet`, only after the first
/// second (short runs stay silent), and at most ten times a second; the line is cleared at the
/// end so that the messages that follow start clean.
struct ProgressBar: Sendable {
  let total: Int
  private let started = ContinuousClock.now
  private var done = 0
  private var lastDraw: ContinuousClock.Instant?
  private var drawn = false

  /// A bar for `total` series, or nil when it should not be drawn.
  init?(total: Int, quiet: Bool) {
    guard !quiet, total > 1, isatty(STDERR_FILENO) == 1 else { return nil }
    self.total = total
  }

  /// Counts one more finished series and redraws if it is time to.
  mutating func advance(failed: Int) {
    done += 1
    let now = ContinuousClock.now
    guard now - started >= .seconds(1) else { return }
    if let lastDraw, now - lastDraw < .milliseconds(100), done < total { return }
    lastDraw = now
    drawn = true
    StandardStreams.writeError("\r" + line(failed: failed, elapsed: now - started) + "\u{1B}[K")
  }

  /// Clears the bar's line.
  func finish() {
    if drawn { StandardStreams.writeError("\r\u{1B}[K") }
  }

  func line(failed: Int, elapsed: Duration) -> String {
    let width = 20
    let filled = total == 0 ? width : width * done / total
    let bar = String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled)
    let seconds = max(elapsed.seconds, 1e-9)
    let rate = Double(done) / seconds
    let eta = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : 0
    let failures = failed > 0 ? "  (\(failed) failed)" : ""
    return "[\(bar)] \(done)/\(total) series  \(String(format: "%.1f", rate))/s  eta \(eta)s"
      + failures
  }
}
