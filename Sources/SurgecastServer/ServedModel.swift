import Autoscaling
import Foundation
import ModelRegistry
import Modeling

/// One model version ready to serve: the recommendation and KEDA documents already encoded,
/// so that `/v1/recommendation` is a lookup, not a forecast.
///
/// Immutable; the server swaps whole snapshots when a new version lands or a new interval
/// starts.
final class ServedModel: Sendable {
  let stored: StoredModel
  /// The decision time the documents were made for (start of its interval).
  let now: Int64
  let intervalSeconds: Int64
  let recommendation: Data
  let keda: Data
  let document: RecommendationDocument

  /// - Throws: `AutoscalingError`, `ModelingError` (e.g. planned events the model cannot
  ///   forecast).
  init(stored: StoredModel, settings: ServerSettings, wallClock: Int64) throws {
    self.stored = stored
    let model = stored.model
    let origin = model.training.end
    let instant = max(origin, settings.now ?? wallClock)
    let recommender = Recommender(
      policy: settings.policy, granularitySeconds: settings.granularitySeconds)
    let result = try recommender.recommend(
      model: model, plannedEvents: settings.plannedEvents,
      horizonSeconds: settings.horizonSeconds, now: instant)
    document = try RecommendationDocument(
      result: result, model: model, modelName: stored.label, policy: settings.policy,
      capacity: settings.capacity, horizonSeconds: settings.horizonSeconds)
    recommendation = try ServerJSON.encode(document)
    keda = try ServerJSON.encode(KEDAMetricDocument(document))
    intervalSeconds = result.intervalSeconds
    now = result.schedule.first.map { _ in instant - (instant - origin) % result.intervalSeconds }
      ?? instant
  }

  /// Whether `wallClock` has moved into a later interval than the documents were made for.
  func isStale(at wallClock: Int64, settings: ServerSettings) -> Bool {
    settings.now == nil && wallClock >= now + intervalSeconds
  }
}

/// JSON as every endpoint writes it: sorted keys, so equal state gives equal bytes.
enum ServerJSON {
  static func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
  }
}
