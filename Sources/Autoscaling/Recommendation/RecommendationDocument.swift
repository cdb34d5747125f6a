import Modeling
import TimeSeries

/// The versioned JSON contract of `surgecast recommend --format json`, described by
/// `docs/schemas/recommendation.schema.json`.
///
/// Keys are snake_case and sorted on output; timestamps are ISO 8601 in the model's zone;
/// demand figures are requests per step of the data, rounded to 3 decimals so that the same
/// inputs give the same bytes. Bump `currentSchemaVersion` on any change a consumer could
/// misread (renamed or removed fields, changed meaning); adding a field is compatible.
public struct RecommendationDocument: Encodable, Sendable {
  public static let currentSchemaVersion = 1

  public var schemaVersion = RecommendationDocument.currentSchemaVersion
  public var generatedAt: String
  public var forecastOrigin: String
  public var series: String
  public var timeZone: String
  public var stepSeconds: Int64
  public var model: ModelReference
  public var policy: PolicyRecord
  public var schedule: [Interval]
  public var summary: Summary

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version", generatedAt = "generated_at"
    case forecastOrigin = "forecast_origin", series, timeZone = "time_zone"
    case stepSeconds = "step_seconds", model, policy, schedule, summary
  }

  public struct ModelReference: Encodable, Sendable {
    public var name: String
    public var fingerprint: String
    public var generator: String
    public var trainedUntil: String
    enum CodingKeys: String, CodingKey {
      case name, fingerprint, generator, trainedUntil = "trained_until"
    }
  }

  public struct PolicyRecord: Encodable, Sendable {
    public var capacityPerReplica: Double
    public var capacityUnit: String
    public var capacityPerStep: Double
    public var targetUtilization: Double
    public var quantile: Double
    public var minReplicas: Int
    public var maxReplicas: Int
    public var overMax: String
    public var overMaxBuffer: Double
    public var effectiveMaxReplicas: Int
    public var leadTimeSeconds: Int64
    public var scaleInDelaySeconds: Int64
    public var maxScaleUp: Double
    public var maxScaleDown: Double
    public var predictiveScaleIn: Bool
    public var granularitySeconds: Int64
    public var horizonSeconds: Int64
    enum CodingKeys: String, CodingKey {
      case capacityPerReplica = "capacity_per_replica", capacityUnit = "capacity_unit"
      case capacityPerStep = "capacity_per_step", targetUtilization = "target_utilization"
      case quantile, minReplicas = "min_replicas", maxReplicas = "max_replicas"
      case overMax = "over_max", overMaxBuffer = "over_max_buffer"
      case effectiveMaxReplicas = "effective_max_replicas"
      case leadTimeSeconds = "lead_time_seconds", scaleInDelaySeconds = "scale_in_delay_seconds"
      case maxScaleUp = "max_scale_up", maxScaleDown = "max_scale_down"
      case predictiveScaleIn = "predictive_scale_in", granularitySeconds = "granularity_seconds"
      case horizonSeconds = "horizon_seconds"
    }

    /// Every parameter of `policy`, resolved, as the contract records it.
    public init(
      policy: ScalingPolicy, capacity: ReplicaCapacity, granularitySeconds: Int64,
      horizonSeconds: Int64
    ) {
      capacityPerReplica = capacity.value
      capacityUnit = capacity.unit.rawValue
      capacityPerStep = RecommendationDocument.rounded(policy.capacityPerStep)
      targetUtilization = policy.targetUtilization
      quantile = policy.quantile
      minReplicas = policy.minReplicas
      maxReplicas = policy.maxReplicas
      overMax = policy.overMax.name
      overMaxBuffer = policy.overMax.buffer
      effectiveMaxReplicas = policy.effectiveMaxReplicas
      leadTimeSeconds = policy.leadTimeSeconds
      scaleInDelaySeconds = policy.scaleInDelaySeconds
      maxScaleUp = policy.maxScaleUp
      maxScaleDown = policy.maxScaleDown
      predictiveScaleIn = policy.predictiveScaleIn
      self.granularitySeconds = granularitySeconds
      self.horizonSeconds = horizonSeconds
    }
  }

  public struct Interval: Encodable, Sendable {
    public var start: String
    public var end: String
    public var expected: Double
    public var quantile: Double
    public var quantileValue: Double
    public var neededReplicas: Int
    public var replicas: Int
    public var reason: String
    public var unserved: Double
    public var overloadProbability: Double?
    enum CodingKeys: String, CodingKey {
      case start, end, expected, quantile, quantileValue = "quantile_value"
      case neededReplicas = "needed_replicas", replicas, reason, unserved
      case overloadProbability = "overload_probability"
    }
  }

  public struct Summary: Encodable, Sendable {
    public var peakReplicas: Int
    public var peakAt: String?
    public var replicaHours: Double
    public var staticPeakReplicaHours: Double
    public var savingsVsStaticPeak: Double
    public var expectedOverloadIntervals: Double?
    public var maxOverloadProbability: Double?
    public var maxOverloadAt: String?
    public var cappedIntervals: Int
    public var unservedRequests: Double
    enum CodingKeys: String, CodingKey {
      case peakReplicas = "peak_replicas", peakAt = "peak_at", replicaHours = "replica_hours"
      case staticPeakReplicaHours = "static_peak_replica_hours"
      case savingsVsStaticPeak = "savings_vs_static_peak"
      case expectedOverloadIntervals = "expected_overload_intervals"
      case maxOverloadProbability = "max_overload_probability"
      case maxOverloadAt = "max_overload_at", cappedIntervals = "capped_intervals"
      case unservedRequests = "unserved_requests"
    }
  }

  /// The document for a recommendation made with `model` (named `modelName`, usually its
  /// file name without `.json`).
  public init(
    result: Recommender.Result, model: FittedModel, modelName: String, policy: ScalingPolicy,
    capacity: ReplicaCapacity, horizonSeconds: Int64
  ) throws {
    let clock = try LocalClock(identifier: model.training.timeZone)
    func time(_ t: Int64) -> String { Timestamp.format(t, clock: clock) }
    generatedAt = time(result.now)
    forecastOrigin = time(result.origin)
    series = model.training.series
    timeZone = model.training.timeZone
    stepSeconds = result.stepSeconds
    self.model = ModelReference(
      name: modelName, fingerprint: model.training.fingerprint, generator: model.generator,
      trainedUntil: time(model.training.end))
    self.policy = PolicyRecord(
      policy: policy, capacity: capacity, granularitySeconds: result.intervalSeconds,
      horizonSeconds: horizonSeconds)
    schedule = result.schedule.map { interval in
      Interval(
        start: time(interval.start), end: time(interval.end),
        expected: Self.rounded(interval.expected), quantile: policy.quantile,
        quantileValue: Self.rounded(interval.atQuantile),
        neededReplicas: interval.neededReplicas, replicas: interval.replicas,
        reason: interval.reason.rawValue, unserved: Self.rounded(interval.unserved),
        overloadProbability: interval.overloadProbability.map(Self.rounded))
    }
    let s = result.summary
    summary = Summary(
      peakReplicas: s.peakReplicas, peakAt: s.peakStart.map(time),
      replicaHours: Self.rounded(s.replicaHours),
      staticPeakReplicaHours: Self.rounded(s.staticPeakReplicaHours),
      savingsVsStaticPeak: s.staticPeakReplicaHours > 0
        ? Self.rounded(1 - s.replicaHours / s.staticPeakReplicaHours) : 0,
      expectedOverloadIntervals: s.expectedOverloadIntervals.map(Self.rounded),
      maxOverloadProbability: s.maxOverloadProbability.map(Self.rounded),
      maxOverloadAt: s.maxOverloadStart.map(time), cappedIntervals: s.cappedIntervals,
      unservedRequests: Self.rounded(s.unservedRequests))
  }

  /// Three decimals: far below a forecast's uncertainty, and deterministic.
  static func rounded(_ value: Double) -> Double {
    guard value.isFinite else { return 0 }
    return (value * 1000).rounded() / 1000
  }
}
