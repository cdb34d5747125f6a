/// What a policy did on the replayed history: its requests, the capacity that served, and how
/// often demand exceeded it.
public struct PolicyOutcome: Sendable, Equatable {
  /// Replicas requested at each decision (what is paid for, from launch).
  public var requested: [Int]
  /// Average replicas ready per interval (`ReadyCapacity`).
  public var ready: [Double]
  /// Intervals whose demand exceeded the ready capacity at 100% utilisation.
  public var overloadIntervals: Int
  /// Requests above the ready capacity, summed (an interval shorter than a step holds its
  /// share of the step's rate).
  public var unservedRequests: Double
  /// The largest shortfall of an interval in replicas: ceil((demand − capacity) / R).
  public var peakShortfallReplicas: Int
  public var replicaHours: Double

  /// Scores `requested` against `demand` (rates in requests per step of `stepSeconds`, one
  /// per interval of `intervalSeconds`; NaN = not observed: skipped).
  public init(
    requested: [Int], demand: [Double], policy: ScalingPolicy, intervalSeconds: Int64,
    stepSeconds: Int64? = nil
  ) {
    let share = Double(intervalSeconds) / Double(stepSeconds ?? intervalSeconds)
    self.requested = requested
    ready = ReadyCapacity.averageReady(
      requested: requested, leadSeconds: policy.leadTimeSeconds,
      intervalSeconds: intervalSeconds)
    var overloads = 0
    var unserved = 0.0
    var shortfall = 0
    for k in demand.indices where demand[k].isFinite {
      let excess = demand[k] - ready[k] * policy.capacityPerStep
      // A relative 1e-9 keeps exact equality (demand = capacity) from counting as overload.
      guard excess > 1e-9 * max(1, demand[k]) else { continue }
      overloads += 1
      unserved += excess * share
      shortfall = max(shortfall, Int((excess / policy.capacityPerStep).rounded(.up)))
    }
    overloadIntervals = overloads
    unservedRequests = unserved
    peakShortfallReplicas = shortfall
    replicaHours = requested.reduce(0.0) { $0 + Double($1) } * Double(intervalSeconds) / 3600
  }
}
