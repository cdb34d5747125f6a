/// One interval of a replica schedule.
public struct ScheduleInterval: Sendable, Equatable {
  public var start: Int64
  public var end: Int64
  /// Expected demand, requests per step.
  public var expected: Double
  /// Demand at the policy's quantile, requests per step.
  public var atQuantile: Double
  /// Replicas the interval's own demand needs (within min and max).
  public var neededReplicas: Int
  /// Replicas to run from `start`: the need after lead time, stabilisation and step limits.
  public var replicas: Int
  public var reason: ScheduleReason
  /// Requests per step above the capacity of the capped replicas (0 unless capped).
  public var unserved: Double
  /// Probability that demand exceeds the replicas' full capacity (nil without quantiles).
  public var overloadProbability: Double?

  public init(
    start: Int64, end: Int64, expected: Double, atQuantile: Double, neededReplicas: Int,
    replicas: Int, reason: ScheduleReason, unserved: Double, overloadProbability: Double?
  ) {
    self.start = start
    self.end = end
    self.expected = expected
    self.atQuantile = atQuantile
    self.neededReplicas = neededReplicas
    self.replicas = replicas
    self.reason = reason
    self.unserved = unserved
    self.overloadProbability = overloadProbability
  }
}
