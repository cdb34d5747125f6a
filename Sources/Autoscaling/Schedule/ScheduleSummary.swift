/// What a schedule amounts to: its peak, its cost, its risk, and the cost of provisioning
/// for the peak all the time instead.
public struct ScheduleSummary: Sendable, Equatable {
  public var peakReplicas: Int
  /// Start of the first interval at the peak (nil for an empty schedule).
  public var peakStart: Int64?
  public var replicaHours: Double
  /// Replica-hours of running the peak count through the whole horizon.
  public var staticPeakReplicaHours: Double
  /// Expected number of intervals whose demand exceeds the replicas' full capacity: the sum
  /// of the intervals' overload probabilities (nil without quantiles).
  public var expectedOverloadIntervals: Double?
  /// The highest overload probability of an interval, and where (nil without quantiles).
  public var maxOverloadProbability: Double?
  public var maxOverloadStart: Int64?
  /// Intervals whose need was capped at the (effective) maximum.
  public var cappedIntervals: Int
  /// Requests over the horizon that the capped replicas cannot serve.
  public var unservedRequests: Double

  public init(_ schedule: [ScheduleInterval], stepSeconds: Int64) {
    let peak = schedule.map(\.replicas).max() ?? 0
    peakReplicas = peak
    peakStart = schedule.first { $0.replicas == peak }?.start
    let hours = schedule.map { Double($0.end - $0.start) / 3600 }
    replicaHours = zip(schedule, hours).reduce(0) { $0 + Double($1.0.replicas) * $1.1 }
    staticPeakReplicaHours = Double(peak) * hours.reduce(0, +)
    let probabilities = schedule.compactMap(\.overloadProbability)
    if probabilities.count == schedule.count, !schedule.isEmpty {
      expectedOverloadIntervals = probabilities.reduce(0, +)
      let highest = probabilities.max() ?? 0
      let worst = probabilities.firstIndex(of: highest) ?? 0
      maxOverloadProbability = probabilities[worst]
      maxOverloadStart = schedule[worst].start
    }
    cappedIntervals = schedule.filter { $0.reason == .cappedAtMax || $0.unserved > 0 }.count
    unservedRequests = schedule.reduce(0) {
      $0 + $1.unserved * Double($1.end - $1.start) / Double(max(1, stepSeconds))
    }
  }
}
