/// Which part of a fitted model's calibrated band stands for "normal".
public struct BaselineSettings: Sendable, Equatable {
  /// The lead (in model steps) whose calibrated score quantiles give the band; `nil` = the
  /// model's longest calibrated lead bucket.
  ///
  /// The detector compares each observation with the structural prediction alone (no
  /// short-term correction from the latest residuals, which would follow a surge up and hide
  /// it), so the band that matches it is the one of long leads, where the correction has
  /// decayed.
  public var lead: Int?
  /// Quantile level replicas are sized for (the autoscaling policy's, default p95).
  public var sizingQuantile: Double

  public init(lead: Int? = nil, sizingQuantile: Double = 0.95) {
    self.lead = lead
    self.sizingQuantile = sizingQuantile
  }
}
