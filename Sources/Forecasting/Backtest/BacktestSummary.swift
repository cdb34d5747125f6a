import Evaluation

/// The accuracy of many test windows (all origins of all series), aggregated as M4 does: each
/// metric is the mean over windows (``ForecastAccuracy/average(_:)``), so every window counts
/// once whatever the scale of its series.
public struct BacktestSummary: Sendable {
  /// The model's mean metrics.
  public var aggregate: ForecastAccuracy
  /// Each baseline's mean metrics over the same windows.
  public var baselines: [BaselineName: ForecastAccuracy]
  /// The model's mean metric divided by seasonal naive's, for the point metrics (below 1 is
  /// better than seasonal naive).
  public var relativeToSeasonalNaive: RelativeAccuracy
  /// M4's overall weighted average against Naive2: ½ (sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2),
  /// over the windows where all four are defined.
  public var owa: Double
  /// Seasonal naive's OWA on the same windows (M4 Hourly: 0.6275).
  public var seasonalNaiveOWA: Double
  /// The model's mean 95% MSIS (M4's interval score).
  public var msis95: Double
  /// Mean metrics per lead-time bucket.
  public var byLeadTime: [LeadTimeAccuracy]
  /// Number of windows aggregated.
  public var windowCount: Int

  public init(_ windows: [BacktestWindow], horizon: Int) {
    windowCount = windows.count
    aggregate = ForecastAccuracy.average(windows.map(\.accuracy))
    var baselines: [BaselineName: ForecastAccuracy] = [:]
    for name in BaselineName.allCases {
      baselines[name] = ForecastAccuracy.average(windows.compactMap { $0.baselines[name] })
    }
    self.baselines = baselines
    relativeToSeasonalNaive = RelativeAccuracy(
      aggregate, to: baselines[.seasonalNaive] ?? aggregate)
    let naive2 = windows.map { $0.baselines[.naive2] }
    func owaAgainstNaive2(_ scores: [ForecastAccuracy?]) -> Double {
      Accuracy.owa(
        smapes: scores.map { $0?.smape ?? .nan }, mases: scores.map { $0?.mase ?? .nan },
        naive2Smapes: naive2.map { $0?.smape ?? .nan },
        naive2Mases: naive2.map { $0?.mase ?? .nan })
    }
    owa = owaAgainstNaive2(windows.map(\.accuracy))
    seasonalNaiveOWA = owaAgainstNaive2(windows.map { $0.baselines[.seasonalNaive] })
    msis95 = Accuracy.meanSkippingNaN(windows.map(\.msis95).map { $0.isFinite ? $0 : .nan })
    byLeadTime = LeadTimeBuckets.ranges(horizon: horizon).enumerated().map { b, range in
      var baselines: [BaselineName: ForecastAccuracy] = [:]
      for name in BaselineName.allCases {
        baselines[name] = ForecastAccuracy.average(
          windows.compactMap { $0.baselinesByLead[name]?[b] })
      }
      return LeadTimeAccuracy(
        firstLead: range.lowerBound + 1, lastLead: range.upperBound,
        model: ForecastAccuracy.average(windows.map { $0.accuracyByLead[b] }),
        baselines: baselines)
    }
  }
}

/// Point metrics of a method divided by a reference's (below 1 = better than the reference).
public struct RelativeAccuracy: Sendable, Equatable {
  public var mae: Double
  public var rmse: Double
  public var smape: Double
  public var mase: Double
  public var wape: Double

  public init(_ method: ForecastAccuracy, to reference: ForecastAccuracy) {
    mae = method.mae / reference.mae
    rmse = method.rmse / reference.rmse
    smape = method.smape / reference.smape
    mase = method.mase / reference.mase
    wape = method.wape / reference.wape
  }
}

/// Mean metrics of the leads `firstLead…lastLead` (1-based steps ahead).
public struct LeadTimeAccuracy: Sendable {
  public var firstLead: Int
  public var lastLead: Int
  public var model: ForecastAccuracy
  public var baselines: [BaselineName: ForecastAccuracy]
}
