/// What `recommend --format keda` writes and `serve` answers on `/v1/recommendation/keda`:
/// the small JSON document KEDA's metrics-api scaler polls.
///
/// The scaler reads one number at `valueLocation` (a GJSON path): here `replicas`, the
/// recommended count for the interval holding `now`. With `metricType: AverageValue` and
/// `targetValue: "1"` KEDA runs exactly that many replicas. The other fields say how long the
/// value holds, so a stale file (a failed refresh) can be spotted.
public struct KEDAMetricDocument: Encodable, Sendable {
  public var replicas: Int
  public var reason: String
  public var validFrom: String
  public var validUntil: String
  public var generatedAt: String
  public var series: String
  public var schemaVersion: Int

  enum CodingKeys: String, CodingKey {
    case replicas, reason, validFrom = "valid_from", validUntil = "valid_until"
    case generatedAt = "generated_at", series, schemaVersion = "schema_version"
  }

  public init(_ document: RecommendationDocument) {
    let first = document.schedule.first
    replicas = first?.replicas ?? document.policy.minReplicas
    reason = first?.reason ?? ScheduleReason.atMinReplicas.rawValue
    validFrom = first?.start ?? document.generatedAt
    validUntil = first?.end ?? document.generatedAt
    generatedAt = document.generatedAt
    series = document.series
    schemaVersion = document.schemaVersion
  }
}
