import TimeSeries

/// Replays history after a cut-off as three autoscalers would have lived it, on the same
/// actual demand:
///
/// - **predictive**: Surgecast's schedule from a forecast made at each step of the data with
///   only the past (`DemandForecaster`), the interval that starts now requested;
/// - **reactive**: an HPA-like controller following the load of the last completed interval;
/// - **static**: the historical peak (before the cut-off) at the target utilisation, always.
///
/// Both dynamic policies decide every `decisionSeconds` (default: the data's step; a divisor
/// of it runs them more often, as live autoscalers do). Inside a data step the demand rate is
/// taken as flat, so after the first decision interval of a step its rate is known to the
/// reactive controller. Replicas requested at a decision serve after the lead time
/// (`ReadyCapacity`), and all three start from the replicas the last observed load needs.
public struct Simulation {
  public var policy: ScalingPolicy
  /// Length of a decision interval; nil = the data's step.
  public var decisionSeconds: Int64?

  public init(policy: ScalingPolicy, decisionSeconds: Int64? = nil) {
    self.policy = policy
    self.decisionSeconds = decisionSeconds
  }

  public struct Result: Sendable {
    /// Starts of the decision intervals.
    public var times: [Int64]
    public var intervalSeconds: Int64
    public var stepSeconds: Int64
    /// Observed demand rate per interval (requests per step; NaN = missing).
    public var demand: [Double]
    public var predictive: PolicyOutcome
    public var reactive: PolicyOutcome
    public var staticPeak: PolicyOutcome
    /// Replicas of static provisioning, from the peak before the replay.
    public var staticReplicas: Int
    public var historicalPeak: Double
    public var fits: Int
  }

  /// Replays data slots `[first, end)` of `actual`.
  /// - Throws: `AutoscalingError` for a bad policy, window or decision interval; the
  ///   forecaster's errors.
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
    let g = decisionSeconds ?? step
    guard g > 0, step % g == 0 else {
      throw AutoscalingError.granularity("\(g) s does not divide the data's \(step)-second step")
    }
    let parts = Int(step / g)
    let history = actual.values[..<first].filter(\.isFinite)
    guard let peak = history.max() else {
      throw AutoscalingError.simulationWindow("no observed values before the replay")
    }
    let initial = ReplicaSizing.replicas(serving: history.last ?? 0, policy: policy).replicas
    var reactive = ReactiveController(policy: policy, intervalSeconds: g, initial: initial)
    var predictive = PredictiveController(policy: policy, intervalSeconds: g, initial: initial)
    // Forecast steps covering the predictive horizon of decision intervals from any part.
    let forecastSteps = (predictive.horizon + parts - 1) / parts + 1
    var reactiveRequests: [Int] = []
    var predictiveRequests: [Int] = []
    var demand: [Double] = []
    for k in first..<end {
      let forecast = try forecaster.demand(at: k, horizon: forecastSteps)
      guard let fine = forecast.regridded(to: g) else {
        throw AutoscalingError.granularity("cannot split the forecast into \(g) s intervals")
      }
      for part in 0..<parts {
        // The interval just completed: the previous step's rate, or this step's once seen.
        let observed = part == 0 ? actual.values[k - 1] : actual.values[k]
        reactiveRequests.append(reactive.decide(observed: observed))
        let observedTarget = observed.isFinite
          ? ReplicaSizing.replicas(serving: observed, policy: policy).replicas : nil
        let ahead = fine.dropping(part)
        predictiveRequests.append(predictive.decide(ahead, observedTarget: observedTarget))
        demand.append(actual.values[k])
      }
    }
    let staticReplicas = ReplicaSizing.replicas(serving: peak, policy: policy).replicas
    func outcome(_ requested: [Int]) -> PolicyOutcome {
      PolicyOutcome(
        requested: requested, demand: demand, policy: policy, intervalSeconds: g,
        stepSeconds: step)
    }
    let start = actual.start + Int64(first) * step
    return Result(
      times: demand.indices.map { start + Int64($0) * g }, intervalSeconds: g,
      stepSeconds: step, demand: demand, predictive: outcome(predictiveRequests),
      reactive: outcome(reactiveRequests),
      staticPeak: outcome(Array(repeating: staticReplicas, count: demand.count)),
      staticReplicas: staticReplicas, historicalPeak: peak, fits: forecaster.fits)
  }
}

extension DemandSlots {
  /// The slots without the first `count`.
  func dropping(_ count: Int) -> DemandSlots {
    guard count > 0 else { return self }
    return DemandSlots(
      starts: Array(starts.dropFirst(count)), intervalSeconds: intervalSeconds,
      stepSeconds: stepSeconds, expected: Array(expected.dropFirst(count)),
      atQuantile: Array(atQuantile.dropFirst(count)),
      distribution: distribution.map { ($0.level, Array($0.values.dropFirst(count))) })
  }
}
