/// Wall time of each stage of one fit, for the benchmark's breakdown of where the time goes.
///
/// Pass one to `ModelSpec.fit(_:events:hasCalendar:profile:)`; stages are recorded in order.
public final class FitProfile {
  /// (stage, seconds), in the order the fit ran them.
  public private(set) var stages: [(name: String, seconds: Double)] = []
  private let clock = ContinuousClock()
  private var last: ContinuousClock.Instant

  public init() { last = clock.now }

  /// Ends the current stage under `name` and starts the next one.
  func mark(_ name: String) {
    let now = clock.now
    let elapsed = last.duration(to: now).components
    stages.append((name, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
    last = now
  }
}
