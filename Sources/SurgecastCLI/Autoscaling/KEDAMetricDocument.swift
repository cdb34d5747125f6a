import Autoscaling

/// What `--format keda` writes: the small JSON document KEDA's metrics-api scaler polls.
///
/// The scaler reads one number at `valueLocation` (a GJSON path): here `replicas`, the
/// recommended count for the interval holding `now`. With `metricType: AverageValue` and
/// `targetValue: "1"` KEDA runs exactly that many replicas. The other fields say how long the
/// value holds, so a stale file (a failed refresh) can be spotted.
struct KEDAMetricDocument: Encodable {
  var replicas: Int
  var reason: String
  var validFrom: String
  var validUntil: String
  var generatedAt: String
  var series: String
  var schemaVersion: Int

  enum CodingKeys: String, CodingKey {
    case replicas, reason, validFrom = "valid_from", validUntil = "valid_until"
    case generatedAt = "generated_at", series, schemaVersion = "schema_version"
  }

  init(_ document: RecommendationDocument) {
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
