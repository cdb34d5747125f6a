import Forecasting
import Modeling
import TimeSeries

/// Forecasts with a fitted model and turns the forecast into a replica schedule.
public struct Recommender: Sendable {
  public var policy: ScalingPolicy
  /// Length of a schedule interval; nil = the model's step.
  public var granularitySeconds: Int64?

  /// Quantile levels behind the overload probabilities (`DemandSlots.exceedanceProbability`).
  public static let riskLevels = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995]

  public init(policy: ScalingPolicy, granularitySeconds: Int64? = nil) {
    self.policy = policy
    self.granularitySeconds = granularitySeconds
  }

  /// What the schedule is for and what it holds.
  public struct Result: Sendable {
    public var now: Int64
    /// Where the forecast starts (end of the training window or of the recent data).
    public var origin: Int64
    public var intervalSeconds: Int64
    public var stepSeconds: Int64
    public var schedule: [ScheduleInterval]
    public var summary: ScheduleSummary
  }

  /// The schedule for `horizonSeconds` from the interval that holds `now` (default: the
  /// forecast origin, so the same inputs always give the same schedule).
  ///
  /// The forecast runs from the origin; the intervals between the origin and `now` are
  /// computed too (they feed the stabilisation window and the ramp) and then dropped.
  /// - Throws: `AutoscalingError` for a bad policy, granularity or `now`; the forecast's
  ///   `ModelingError`s.
  public func recommend(
    model: FittedModel, recent: Series? = nil, plannedEvents: [Event] = [],
    horizonSeconds: Int64, now: Int64? = nil
  ) throws -> Result {
    if let problem = policy.problem { throw AutoscalingError.invalidPolicy(problem) }
    let step = model.training.step
    let g = granularitySeconds ?? step
    guard g > 0, g % step == 0 || step % g == 0 else {
      throw AutoscalingError.granularity(
        "\(g) s is neither a multiple nor a divisor of the model's \(step)-second step")
    }
    let origin = max(model.training.end, recent?.end ?? model.training.end)
    let instant = now ?? origin
    guard instant >= origin else {
      throw AutoscalingError.now(
        "\(instant) is before the end of the data (\(origin)): the schedule cannot start in "
          + "the past")
    }
    let firstStart = origin + (instant - origin) / g * g
    let end = firstStart + max(horizonSeconds, g)
    // Whole model steps from the origin to the end, rounded up.
    let steps = Int((end - origin + step - 1) / step)
    let levels = Array(Set(Self.riskLevels + [policy.quantile])).sorted()
    let forecast = try model.forecast(
      ForecastRequest(
        horizon: steps, recent: recent, plannedEvents: plannedEvents,
        quantiles: levels))
    guard let demand = Self.demand(forecast, quantile: policy.quantile).regridded(to: g) else {
      throw AutoscalingError.granularity("cannot regrid the forecast to \(g) s")
    }
    let all = ScheduleBuilder(policy: policy).schedule(demand)
    let schedule = all.filter { $0.start >= firstStart && $0.start < end }
    return Result(
      now: instant, origin: origin, intervalSeconds: g, stepSeconds: step, schedule: schedule,
      summary: ScheduleSummary(schedule, stepSeconds: step))
  }

  /// A forecast as demand slots on the model's step, sized at `quantile`.
  public static func demand(_ forecast: Forecast, quantile: Double) -> DemandSlots {
    let sized = forecast.quantile(quantile) ?? forecast.mean
    return DemandSlots(
      starts: forecast.times, intervalSeconds: forecast.step, stepSeconds: forecast.step,
      expected: forecast.mean, atQuantile: sized,
      distribution: forecast.quantiles.map { ($0.level, $0.values) })
  }
}
