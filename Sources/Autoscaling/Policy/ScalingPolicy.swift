/// Everything that turns a demand forecast into replica counts, resolved to plain numbers.
///
/// Shared by `surgecast recommend`, `surgecast simulate` and anything else that sizes a fleet,
/// so that a schedule, its replay on history and a capacity plan follow the same rules.
/// Defaults follow the and Kubernetes' conventions: 70% target utilisation (headroom
/// for the forecast's own error and for noise inside an interval), the 95th percentile of the
/// forecast, 2 replicas at least (one may be restarting), a 10-minute start-up lead, a
/// 30-minute scale-in stabilisation window, +100% / −20% per interval.
public struct ScalingPolicy: Sendable, Equatable {
  /// Requests one replica serves per step of the data at 100% utilisation.
  public var capacityPerStep: Double
  /// Share of a replica's capacity to plan for, in (0, 1].
  public var targetUtilization: Double
  /// Forecast quantile level the replicas must serve, in (0, 1).
  public var quantile: Double
  public var minReplicas: Int
  public var maxReplicas: Int
  /// Seconds from asking for a replica to its serving traffic (start-up and warm-up).
  public var leadTimeSeconds: Int64
  /// Seconds demand must stay low before replicas are removed (like HPA's stabilisation
  /// window: the highest recommendation of that window is kept).
  public var scaleInDelaySeconds: Int64
  /// Largest increase per interval as a fraction of the current replicas (1 = +100%); at
  /// least one replica may always be added.
  public var maxScaleUp: Double
  /// Largest decrease per interval as a fraction (0.2 = −20%); at least one replica may
  /// always be removed.
  public var maxScaleDown: Double
  /// Whether a forecast alone may lower replicas; false keeps AWS predictive scaling's rule
  /// that scale-in is left to observed load.
  public var predictiveScaleIn: Bool
  /// What happens when the forecast needs more than `maxReplicas`.
  public var overMax: OverMaxBehavior

  public init(
    capacityPerStep: Double, targetUtilization: Double = 0.7, quantile: Double = 0.95,
    minReplicas: Int = 2, maxReplicas: Int = 500, leadTimeSeconds: Int64 = 600,
    scaleInDelaySeconds: Int64 = 1800, maxScaleUp: Double = 1, maxScaleDown: Double = 0.2,
    predictiveScaleIn: Bool = true, overMax: OverMaxBehavior = .honor
  ) {
    self.capacityPerStep = capacityPerStep
    self.targetUtilization = targetUtilization
    self.quantile = quantile
    self.minReplicas = minReplicas
    self.maxReplicas = maxReplicas
    self.leadTimeSeconds = leadTimeSeconds
    self.scaleInDelaySeconds = scaleInDelaySeconds
    self.maxScaleUp = maxScaleUp
    self.maxScaleDown = maxScaleDown
    self.predictiveScaleIn = predictiveScaleIn
    self.overMax = overMax
  }

  /// The ceiling the rules may reach: `maxReplicas`, or more when the over-max behaviour
  /// raises it by a buffer.
  public var effectiveMaxReplicas: Int {
    switch overMax {
    case .honor: return maxReplicas
    case .raise(let buffer):
      return Int((Double(maxReplicas) * (1 + buffer) - 1e-9).rounded(.up))
    }
  }

  /// The first problem with the values, or nil when they are usable.
  public var problem: String? {
    if !(capacityPerStep.isFinite && capacityPerStep > 0) {
      return "capacity per replica must be a positive number"
    }
    if !(targetUtilization > 0 && targetUtilization <= 1) {
      return "target utilization must be in (0, 1]"
    }
    if !(quantile > 0 && quantile < 1) { return "quantile must be strictly between 0 and 1" }
    if minReplicas < 0 { return "min replicas must not be negative" }
    if maxReplicas < max(1, minReplicas) {
      return "max replicas (\(maxReplicas)) must be at least 1 and at least min replicas "
        + "(\(minReplicas))"
    }
    if leadTimeSeconds < 0 || scaleInDelaySeconds < 0 {
      return "lead time and scale-in delay must not be negative"
    }
    if !(maxScaleUp > 0 && maxScaleUp.isFinite) { return "max scale-up must be above 0%" }
    if !(maxScaleDown > 0 && maxScaleDown <= 1) {
      return "max scale-down must be in (0%, 100%]"
    }
    if case .raise(let buffer) = overMax, !(buffer >= 0 && buffer.isFinite) {
      return "the over-max buffer must not be negative"
    }
    return nil
  }
}
