import TimeSeries

/// Replays history after a cut-off as three autoscalers would have lived it, on the same
/// actual demand:
///
/// - **predictive**: Surgecast's schedule from a forecast made at each decision with only
///   the past (`DemandForecaster`), its first interval requested;
/// - **reactive**: an HPA-like controller following the load of the last completed interval;
/// - **static**: the historical peak (before the cut-off) at the target utilisation, always.
///
/// Decisions are made at each step of the data; replicas requested at a decision serve after
/// the lead time (`ReadyCapacity`), and all three start from the replicas the last observed
/// load needs, as if each had been running before the replay.
public struct Simulation {
  public var policy: ScalingPolicy

  public init(policy: ScalingPolicy) { self.policy = policy }

  public struct Result: Sendable {
    /// Slot starts of the replayed intervals.
    public var times: [Int64]
    public var stepSeconds: Int64
    /// Observed demand per interval (requests per step; NaN = missing).
    public var demand: [Double]
    public var predictive: PolicyOutcome
    public var reactive: PolicyOutcome
    public var staticPeak: PolicyOutcome
    /// Replicas of static provisioning, from the peak before the replay.
    public var staticReplicas: Int
    public var historicalPeak: Double
    public var fits: Int
  }

  /// Replays slots `[first, end)` of `actual`.
  /// - Throws: `AutoscalingError` for a bad policy or window; the forecaster's errors.
  public func run(
    actual: Series, first: Int, end: Int, forecaster: inout some DemandForecaster
  ) throws -> Result {
    if let problem = policy.problem { throw AutoscalingError.invalidPolicy(problem) }
    guard first >= 1, first < end, end <= actual.count else {
      throw AutoscalingError.simulationWindow(
        "the replay needs history before it and at least one slot to replay "
          + "(slots \(first)..<\(end) of \(actual.count))")
    }
    let step = actual.step
    let history = actual.values[..<first].filter(\.isFinite)
    guard let peak = history.max() else {
      throw AutoscalingError.simulationWindow("no observed values before the replay")
    }
    let lastObserved = history.last ?? 0
    let initial = ReplicaSizing.replicas(serving: lastObserved, policy: policy).replicas
    var reactive = ReactiveController(policy: policy, intervalSeconds: step, initial: initial)
    var predictive = PredictiveController(policy: policy, intervalSeconds: step, initial: initial)
    var reactiveRequests: [Int] = []
    var predictiveRequests: [Int] = []
    for k in first..<end {
      let observed = actual.values[k - 1]
      reactiveRequests.append(reactive.decide(observed: observed))
      let demand = try forecaster.demand(at: k, horizon: predictive.horizon)
      let observedTarget = observed.isFinite
        ? ReplicaSizing.replicas(serving: observed, policy: policy).replicas : nil
      predictiveRequests.append(predictive.decide(demand, observedTarget: observedTarget))
    }
    let staticReplicas = ReplicaSizing.replicas(serving: peak, policy: policy).replicas
    let demand = Array(actual.values[first..<end])
    func outcome(_ requested: [Int]) -> PolicyOutcome {
      PolicyOutcome(requested: requested, demand: demand, policy: policy, intervalSeconds: step)
    }
    return Result(
      times: (first..<end).map { actual.start + Int64($0) * step }, stepSeconds: step,
      demand: demand, predictive: outcome(predictiveRequests),
      reactive: outcome(reactiveRequests),
      staticPeak: outcome(Array(repeating: staticReplicas, count: end - first)),
      staticReplicas: staticReplicas, historicalPeak: peak, fits: forecaster.fits)
  }
}
