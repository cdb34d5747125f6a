import Autoscaling
import TimeSeries

/// Everything `surgecast serve` needs, resolved to plain values by the CLI.
public struct ServerSettings: Sendable {
  public var host: String
  public var port: Int
  /// The registry folder; the server reads nothing else from disk (besides `events`).
  public var registryRoot: String
  /// The registry model to serve (its latest version, followed as new versions land).
  public var modelName: String
  public var policy: ScalingPolicy
  public var capacity: ReplicaCapacity
  /// Horizon of the served recommendation, in seconds.
  public var horizonSeconds: Int64
  /// Schedule interval; nil = the model's step.
  public var granularitySeconds: Int64?
  /// Planned events handed to every forecast.
  public var plannedEvents: [Event]
  /// How often to look for a new model version (and for a new interval).
  public var reloadSeconds: Double
  /// A fixed decision time (tests, demos); nil = the wall clock, never before the model's
  /// forecast origin.
  public var now: Int64?
  /// Live traffic to run the surge detector on (`--prometheus`), or nil.
  public var live: LiveSourceSettings?

  public init(
    host: String, port: Int, registryRoot: String, modelName: String, policy: ScalingPolicy,
    capacity: ReplicaCapacity, horizonSeconds: Int64, granularitySeconds: Int64?,
    plannedEvents: [Event], reloadSeconds: Double, now: Int64?,
    live: LiveSourceSettings? = nil
  ) {
    self.host = host
    self.port = port
    self.registryRoot = registryRoot
    self.modelName = modelName
    self.policy = policy
    self.capacity = capacity
    self.horizonSeconds = horizonSeconds
    self.granularitySeconds = granularitySeconds
    self.plannedEvents = plannedEvents
    self.reloadSeconds = reloadSeconds
    self.now = now
    self.live = live
  }
}
