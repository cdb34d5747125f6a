import Foundation
import SurgeDetection
import TimeSeries

/// The `surge` object of `/v1/recommendation` when `serve` watches live traffic: what the
/// detector declares now, and (during a surge) the replicas that cover its projection.
///
/// Described in `docs/schemas/recommendation.schema.json`; absent without `--prometheus`.
struct SurgeStatus: Encodable, Sendable, Equatable {
  /// `normal`, `surge` or `drop`.
  var state: DetectorState
  /// Start of the latest observed slot.
  var lastObservation: String
  /// Observed / expected median: of the latest slot when normal; the episode's current size
  /// (mean of the last slots) during a surge or drop.
  var ratio: Double
  var started: String?
  var detectedAt: String?
  var logGrowthPerHour: Double?
  /// Largest projected requests per step over the next hour.
  var projectedPeak: Double?
  /// Replicas that cover the projected peak at the policy's quantile (as `watch` alerts).
  var surgeReplicas: Int?
  /// The forecast schedule's replicas for the interval holding now, before the surge response.
  var forecastReplicas: Int?
  var reason: String

  enum CodingKeys: String, CodingKey {
    case state, lastObservation = "last_observation", ratio, started
    case detectedAt = "detected_at", logGrowthPerHour = "log_growth_per_hour"
    case projectedPeak = "projected_peak", surgeReplicas = "surge_replicas"
    case forecastReplicas = "forecast_replicas", reason
  }

  /// The session's state after its latest slot, or nil before it has seen one.
  init?(session: inout WatchSession) throws {
    guard let step = session.lastStep else { return nil }
    let clock = try LocalClock(identifier: session.band.model.training.timeZone)
    lastObservation = Timestamp.format(step.time, clock: clock)
    if let episode = try session.currentEpisode() {
      state = episode.episode
      ratio = Self.rounded(episode.ratio)
      started = episode.start
      detectedAt = episode.detectedAt
      logGrowthPerHour = Self.rounded(episode.logGrowthPerHour)
      projectedPeak = Self.rounded(episode.projectedPeak)
      surgeReplicas = state == .surge ? episode.recommendedReplicas : nil
      reason = episode.reason
    } else {
      state = .normal
      ratio = Self.rounded(exp(step.logRatio))
      reason = "traffic is within its forecast band"
    }
  }

  static func rounded(_ value: Double) -> Double {
    value.isFinite ? (value * 1000).rounded() / 1000 : 0
  }
}
