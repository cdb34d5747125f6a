import Autoscaling
import Forecasting

extension ScalingPolicy {
  /// Replicas per slot of `forecast` by the Autoscaling schedule rules (sizing at the policy's
  /// quantile, lead time, stabilisation, step limits), so that a plan's replicas are the ones
  /// `surgecast recommend` would schedule for the same forecast.
  func scheduledReplicas(for forecast: Forecast) -> [Int] {
    let demand = Recommender.demand(forecast, quantile: quantile)
    return ScheduleBuilder(policy: self).schedule(demand).map(\.replicas)
  }
}
