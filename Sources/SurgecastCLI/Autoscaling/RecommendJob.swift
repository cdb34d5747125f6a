import Autoscaling
import Modeling
import TimeSeries

/// The options of `recommend` resolved for a model grid (step and zone), so that one model or
/// each model of a group (on a worker) turns a forecast into the same kind of document.
struct RecommendJob: Sendable {
  var policy: ScalingPolicy
  var capacity: ReplicaCapacity
  var granularitySeconds: Int64?
  var horizonSeconds: Int64
  /// `--now`, or nil for the end of each model's data.
  var now: Int64?

  init(_ command: RecommendCommand, step: Int64, zone: String) throws {
    policy = command.policy.policy(stepSeconds: step)
    capacity = command.policy.capacityPerReplica
    granularitySeconds = command.granularity
    horizonSeconds = Int64(try HorizonParsing.steps(command.horizon, step: step)) * step
    let clock = try LocalClock(identifier: zone)
    now = try command.now.map { try PolicyParsing.instant($0, option: "--now", clock: clock) }
  }

  func document(_ model: FittedModel, recent: Series?, planned: [Event], name: String) throws
    -> RecommendationDocument
  {
    let result = try Recommender(policy: policy, granularitySeconds: granularitySeconds).recommend(
      model: model, recent: recent, plannedEvents: planned, horizonSeconds: horizonSeconds,
      now: now)
    return try RecommendationDocument(
      result: result, model: model, modelName: name, policy: policy, capacity: capacity,
      horizonSeconds: horizonSeconds)
  }
}
