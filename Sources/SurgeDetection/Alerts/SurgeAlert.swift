/// One alert record, as `surgecast watch` prints it (one JSON line) and posts it to a webhook.
///
/// Times are ISO 8601 in the model's zone; counts are requests per step of the data. Format
/// version 1; fields are only ever added.
public struct SurgeAlert: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable {
    /// A surge was declared.
    case surge
    /// A drop was declared (e.g. an upstream outage).
    case drop
    /// A declared surge or drop is still going on: its current size and projection, repeated
    /// at the session's update cadence (added in format version 1; consumers should ignore
    /// kinds they do not know).
    case update
    /// A declared surge or drop is over: traffic is back within its band.
    case recovered
  }

  /// Projected traffic at one lead after the detection.
  public struct Projection: Sendable, Equatable, Codable {
    public var minutes: Int
    public var at: String
    public var ratio: Double
    /// Expected median × projected ratio.
    public var requests: Double
  }

  public var formatVersion = 1
  public var kind: Kind
  public var series: String
  /// Estimated onset (start of the first slot of the evidence run).
  public var start: String
  public var detectedAt: String
  /// When this alert was raised: the end of the slot that raised it (`detected_at` for a
  /// surge or drop, `end` for a recovery, later for an update).
  public var raisedAt: String
  /// Seconds from the onset to the detection.
  public var delaySeconds: Int64
  /// The kind of the episode an `update` or `recovered` alert belongs to (`surge` or `drop`);
  /// for `surge` and `drop` alerts, the kind itself.
  public var episode: DetectorState
  /// The ended time, for `recovered`.
  public var end: String?
  /// Observed / expected median now (geometric mean over the last slots).
  public var ratio: Double
  /// Change of the log ratio per hour (0.69 ≈ doubling per hour).
  public var logGrowthPerHour: Double
  public var observed: Double
  public var expected: Double
  public var projections: [Projection]
  /// The largest projected request count over the projection horizon.
  public var projectedPeak: Double
  /// Replicas for the projected peak at the policy's quantile (nil without a capacity).
  public var recommendedReplicas: Int?
  /// Replicas the forecast alone would ask for now (nil without a capacity).
  public var forecastReplicas: Int?
  /// One sentence a human on call can act on.
  public var reason: String

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case kind, series, start
    case detectedAt = "detected_at"
    case raisedAt = "raised_at"
    case delaySeconds = "delay_seconds"
    case episode, end, ratio
    case logGrowthPerHour = "log_growth_per_hour"
    case observed, expected, projections
    case projectedPeak = "projected_peak"
    case recommendedReplicas = "recommended_replicas"
    case forecastReplicas = "forecast_replicas"
    case reason
  }
}
