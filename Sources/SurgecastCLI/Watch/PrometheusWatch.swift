import Foundation
import PrometheusSource
import SurgeDetection

/// `watch --prometheus URL --query PROMQL`: the live loop over a Prometheus query.
///
/// The warm-up (the `warmUpSeconds` before the start) feeds the detector without alerting,
/// like the rows already in a followed file; a query that fails then stops the watch with
/// Prometheus's message. After it, each poll hands the instants since the last one seen to
/// the session and emits its alerts. A failed poll is transient by assumption (a restart of
/// Prometheus, a timeout): it is reported on standard error and the next poll asks again from
/// the last instant seen, so nothing is skipped.
struct PrometheusWatch {
  var follower: PrometheusFollower
  var warmUpSeconds: Int64
  var intervalSeconds: Int64
  /// Stop after no new observation for this long (nil: never).
  var idleExitSeconds: Int64?

  static func wallClock() -> Int64 { Int64(Date().timeIntervalSince1970) }

  /// Warms `session`, then polls until interrupted (or idle for `idleExitSeconds`).
  /// - Parameter since: watch from this instant instead of from now.
  func run(session: inout WatchSession, since: Int64?, output: AlertOutput) async throws {
    var follower = self.follower
    let start = since ?? Self.wallClock()
    // Instants before `start` warm; with `since`, the first poll reads from it to now.
    let warmEnd = since.map { $0 - 1 } ?? start
    for slot in try await follower.warmUp(from: start - warmUpSeconds, now: warmEnd) {
      _ = try session.ingest(time: slot.time, value: slot.value)
    }
    StandardStreams.writeError(
      "surgecast: watching \(follower.expression) on \(follower.server.absoluteString) "
        + "(\(session.series)): \(session.detector.state.rawValue)\n")
    var idle: Int64 = 0
    while true {
      var fresh: [(time: Int64, value: Double)] = []
      do {
        fresh = try await follower.poll(now: Self.wallClock())
      } catch let error as PrometheusError {
        StandardStreams.writeError(
          "surgecast: warning: \(error); trying again in \(intervalSeconds) s\n")
      }
      for slot in fresh {
        if let alert = try session.ingest(time: slot.time, value: slot.value) {
          try await output.emit(alert)
        }
      }
      if !fresh.isEmpty { idle = 0 }
      if let idleExitSeconds, idle >= idleExitSeconds { return }
      try await Task.sleep(for: .seconds(intervalSeconds))
      idle += intervalSeconds
    }
  }
}
