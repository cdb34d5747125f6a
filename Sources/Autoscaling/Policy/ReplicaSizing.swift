/// How many replicas serve a demand: ceil(demand / (capacity × utilisation)), within the
/// policy's minimum and (effective) maximum.
///
/// The one sizing rule of the project: recommendations, simulations and capacity plans all
/// call it, so that "replicas for this demand" means the same number everywhere.
public enum ReplicaSizing {
  /// The replicas for one interval's demand (requests per step, at the chosen quantile).
  ///
  /// A non-finite or negative demand counts as none (the minimum). The division is rounded up
  /// after removing a relative 1e-9, so that a demand of exactly 10 replicas' worth stays 10
  /// despite floating-point error.
  public static func replicas(serving demand: Double, policy: ScalingPolicy) -> ReplicaNeed {
    let load = demand.isFinite ? max(0, demand) : 0
    let perReplica = policy.capacityPerStep * policy.targetUtilization
    let exact = load / perReplica
    let raw = exact > 1e15 ? Int.max / 2 : Int((exact * (1 - 1e-9)).rounded(.up))
    let ceiling = policy.effectiveMaxReplicas
    if raw > ceiling {
      let unserved = max(0, load - Double(ceiling) * policy.capacityPerStep)
      return ReplicaNeed(replicas: ceiling, uncapped: raw, bound: .cappedAtMax, unserved: unserved)
    }
    if raw > policy.maxReplicas {
      return ReplicaNeed(replicas: raw, uncapped: raw, bound: .raisedAboveMax, unserved: 0)
    }
    if raw < policy.minReplicas {
      return ReplicaNeed(replicas: policy.minReplicas, uncapped: raw, bound: .atMin, unserved: 0)
    }
    return ReplicaNeed(replicas: raw, uncapped: raw, bound: .none, unserved: 0)
  }
}

/// The replicas one interval needs, and which bound (if any) decided them.
public struct ReplicaNeed: Sendable, Equatable {
  /// Replicas within the bounds.
  public var replicas: Int
  /// ceil(demand / (capacity × utilisation)) before the bounds.
  public var uncapped: Int
  public var bound: Bound
  /// Requests per step above what the capped replicas serve at 100% (0 unless capped).
  public var unserved: Double

  public enum Bound: Sendable, Equatable {
    case none, atMin, raisedAboveMax, cappedAtMax
  }

  public init(replicas: Int, uncapped: Int, bound: Bound, unserved: Double) {
    self.replicas = replicas
    self.uncapped = uncapped
    self.bound = bound
    self.unserved = unserved
  }
}
