import Autoscaling

/// The recommendation a live surge changes: while a surge is declared, the interval holding
/// now runs at least the replicas that cover the surge's projected peak (reason
/// `surge_response`); the rest of the schedule and the summary stay the forecast's plan. A
/// drop lowers nothing (capacity is not taken away on a signal that may be an upstream
/// outage about to rebound).
///
/// Encoded as the `RecommendationDocument` with one more key, `surge`, when the server watches
/// live traffic: an addition to schema version 1, so consumers of `recommend`'s documents
/// read it unchanged.
struct SurgeResponse: Encodable {
  static let reason = "surge_response"

  var document: RecommendationDocument
  var surge: SurgeStatus?

  init(_ forecast: RecommendationDocument, surge: SurgeStatus?) {
    document = forecast
    var status = surge
    if let first = forecast.schedule.first, status != nil {
      status?.forecastReplicas = first.replicas
      if status?.state == .surge, let needed = status?.surgeReplicas, needed > first.replicas {
        document.schedule[0].replicas = needed
        document.schedule[0].reason = Self.reason
      }
    }
    self.surge = status
  }

  enum CodingKeys: String, CodingKey { case surge }

  /// The document's own keys and `surge` side by side in one object.
  func encode(to encoder: any Encoder) throws {
    try document.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(surge, forKey: .surge)
  }
}
