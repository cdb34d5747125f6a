import Foundation
import ModelRegistry
import PrometheusSource
import SurgeDetection

/// The surge detector inside `serve`: follows the live query every `pollSeconds`, feeds the
/// served model's watch session and publishes its state, which the recommendation then
/// includes.
///
/// - At the start (before the server binds) and whenever a new model version is served, the
///   session is rebuilt on that model and warmed on the last `warmUpSeconds` of the query:
///   the new model's band is the new baseline.
/// - A failed poll (Prometheus unreachable, a query timing out) is reported on standard error
///   and counted in `/metrics`; the last state stays in service and the next poll tries again
///   from the last instant seen, so no observation is skipped.
struct SurgeMonitor: Sendable {
  let settings: ServerSettings
  let live: LiveSourceSettings
  let reloader: ModelReloader
  let polls = Locked(0)
  let pollFailures = Locked(0)

  /// The session of one model version and the query followed for it.
  struct Tracker: Sendable {
    var model: String
    var session: WatchSession
    var follower: PrometheusFollower
  }

  func clock() -> Int64 { settings.now ?? ModelReloader.wallClock() }

  /// A session on `stored`, warmed on the recent history, and its state published.
  /// - Throws: `PrometheusError` (a query that cannot be answered, no samples, several
  ///   series), `ModelingError` (planned events the model cannot forecast).
  func start(_ stored: StoredModel) async throws -> Tracker {
    let model = stored.model
    let band = try NormalBand(
      model: model, plannedEvents: settings.plannedEvents,
      settings: BaselineSettings(sizingQuantile: settings.policy.quantile))
    var session = try WatchSession(
      band: band, series: model.training.series, detector: live.detector,
      policy: settings.policy)
    var follower = PrometheusFollower(
      server: live.server, expression: live.query, origin: model.training.start,
      step: model.training.step, seriesName: live.seriesName,
      preferredName: model.training.series)
    let now = clock()
    for slot in try await follower.warmUp(from: now - live.warmUpSeconds, now: now) {
      _ = try session.ingest(time: slot.time, value: slot.value)
    }
    var tracker = Tracker(model: stored.label, session: session, follower: follower)
    try publish(&tracker)
    return tracker
  }

  /// One poll: new observations, or a new baseline when the served version changed.
  func poll(_ tracker: inout Tracker) async throws {
    let served = reloader.current.get().stored
    if served.label != tracker.model {
      tracker = try await start(served)
      Self.log("surge detector re-baselined on \(served.label)")
      return
    }
    for slot in try await tracker.follower.poll(now: clock()) {
      if let alert = try tracker.session.ingest(time: slot.time, value: slot.value),
        alert.kind != .update
      {
        Self.log("\(alert.kind.rawValue) on \(alert.series) at \(alert.raisedAt): \(alert.reason)")
      }
    }
    try publish(&tracker)
  }

  /// Polls every `pollSeconds` until the task is cancelled.
  func run(_ initial: Tracker) async {
    var tracker = initial
    while !Task.isCancelled {
      try? await Task.sleep(for: .seconds(live.pollSeconds))
      do {
        try await poll(&tracker)
        polls.update { $0 += 1 }
      } catch {
        pollFailures.update { $0 += 1 }
        Self.log("warning: surge detector: \(error); trying again in \(live.pollSeconds) s")
      }
    }
  }

  private func publish(_ tracker: inout Tracker) throws {
    try reloader.publish(surge: try SurgeStatus(session: &tracker.session))
  }

  static func log(_ line: String) {
    FileHandle.standardError.write(Data("surgecast: \(line)\n".utf8))
  }
}
