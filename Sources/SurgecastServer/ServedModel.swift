import Autoscaling
import Foundation
import ModelRegistry
import Modeling

/// One model version ready to serve: the recommendation and KEDA documents already encoded,
/// so that `/v1/recommendation` is a lookup, not a forecast.
///
/// Immutable; the server swaps whole snapshots when a new version lands, a new interval starts
/// or the surge detector's state changes.
final class ServedModel: Sendable {
  let stored: StoredModel
  /// The decision time the documents were made for (start of its interval).
  let now: Int64
  let intervalSeconds: Int64
  /// The forecast's recommendation, before any surge response.
  let forecastDocument: RecommendationDocument
  /// The live detector's state (nil without a live source, or before its first observation).
  let surge: SurgeStatus?
  /// What is served: the forecast's recommendation with the surge response applied.
  let document: RecommendationDocument
  let recommendation: Data
  let keda: Data

  /// - Throws: `AutoscalingError`, `ModelingError` (e.g. planned events the model cannot
  ///   forecast).
  convenience init(
    stored: StoredModel, settings: ServerSettings, wallClock: Int64, surge: SurgeStatus? = nil
  ) throws {
    let model = stored.model
    let origin = model.training.end
    let instant = max(origin, settings.now ?? wallClock)
    let recommender = Recommender(
      policy: settings.policy, granularitySeconds: settings.granularitySeconds)
    let result = try recommender.recommend(
      model: model, plannedEvents: settings.plannedEvents,
      horizonSeconds: settings.horizonSeconds, now: instant)
    let document = try RecommendationDocument(
      result: result, model: model, modelName: stored.label, policy: settings.policy,
      capacity: settings.capacity, horizonSeconds: settings.horizonSeconds)
    let now = result.schedule.first.map { _ in instant - (instant - origin) % result.intervalSeconds }
      ?? instant
    try self.init(
      stored: stored, now: now, intervalSeconds: result.intervalSeconds,
      forecastDocument: document, surge: surge)
  }

  private init(
    stored: StoredModel, now: Int64, intervalSeconds: Int64,
    forecastDocument: RecommendationDocument, surge: SurgeStatus?
  ) throws {
    self.stored = stored
    self.now = now
    self.intervalSeconds = intervalSeconds
    self.forecastDocument = forecastDocument
    let response = SurgeResponse(forecastDocument, surge: surge)
    self.surge = response.surge
    document = response.document
    recommendation = try ServerJSON.encode(response)
    keda = try ServerJSON.encode(KEDAMetricDocument(response.document))
  }

  /// The same snapshot with the detector's new state (the forecast is not made again).
  func with(surge: SurgeStatus?) throws -> ServedModel {
    try ServedModel(
      stored: stored, now: now, intervalSeconds: intervalSeconds,
      forecastDocument: forecastDocument, surge: surge)
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
