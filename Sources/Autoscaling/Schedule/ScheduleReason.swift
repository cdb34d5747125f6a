/// Why an interval has its replica count: the last rule that set it. Raw values are part of
/// the JSON contract (`reason`).
public enum ScheduleReason: String, Sendable, CaseIterable, Codable {
  /// Serves the forecast quantile at the target utilisation.
  case matchForecast = "match_forecast"
  /// The forecast needs fewer than `min_replicas`.
  case atMinReplicas = "at_min_replicas"
  /// The forecast needs more than the maximum and the over-max behaviour raised it.
  case raisedAboveMax = "raised_above_max"
  /// The forecast needs more than the (effective) maximum: capped, traffic unserved.
  case cappedAtMax = "capped_at_max"
  /// Raised for a later interval that starts within the lead time.
  case scaleUpAheadOfPeak = "scale_up_ahead_of_peak"
  /// Held at the highest target of the scale-in stabilisation window.
  case holdForScaleInDelay = "hold_for_scale_in_delay"
  /// Held because a forecast alone may not scale in (`--no-predictive-scale-in`).
  case holdNoPredictiveScaleIn = "hold_no_predictive_scale_in"
  /// Raised early so that a later step stays within the scale-up limit.
  case rampForScaleUpLimit = "ramp_for_scale_up_limit"
  /// Held because the scale-down limit allows no bigger decrease.
  case limitedByMaxScaleDown = "limited_by_max_scale_down"
}
