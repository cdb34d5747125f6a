/// What a user may fix about a model; every field left `nil` is chosen from the data.
///
/// A spec is a plain value read from `--spec SPEC.json`. The fit resolves it into a
/// `ResolvedSpec` that records every automatic choice, and the model stores that, so a refit
/// with the resolved spec reproduces the model exactly.
public struct ModelSpec: Sendable, Codable, Equatable {
  /// Box-Cox λ of the model scale (0 = log, 1 = identity); `nil` = Guerrero's method.
  public var boxCoxLambda: Double?
  /// Added to counts before the transform; `nil` = 1 for data with zeros, else 0.
  public var transformOffset: Double?
  /// Built-in public holidays (`KR`, `US`); also settable with `--holidays`.
  public var holidays: String?
  /// Days of holiday window before and after each occurrence (default 1 and 1).
  public var holidayDaysBefore: Int?
  public var holidayDaysAfter: Int?
  /// Fourier orders; 0 switches a seasonality off; `nil` = chosen from the step and span.
  public var dailyOrder: Int?
  public var weeklyOrder: Int?
  public var yearlyOrder: Int?
  /// Yearly harmonics that modulate the weekly profile, so that its shape changes through the
  /// year (0 = a fixed weekly shape; default 2 for daily data spanning two years or more).
  public var weeklyYearlyModulation: Int?
  /// Daily profile conditioned on weekday/Saturday/Sunday-holiday (default: on when the data
  /// are sub-daily with a real calendar and span at least three weeks).
  public var dailyByDayKind: Bool?
  /// Number of candidate slope changes (default: one per ~2 weeks, at most 25, or 60 for two years or more, in the first
  /// 80% of the history so the forecast slope rests on a long stretch).
  public var slopeChanges: Int?
  /// Spacing of level-shift candidates in days (default 7).
  public var levelShiftSpacingDays: Double?
  /// Promotion response profile: buckets before, from the start, after (defaults 1, 6, 2).
  public var promotionBucketsBefore: Int?
  public var promotionProfileBuckets: Int?
  public var promotionBucketsAfter: Int?
  /// Ridge penalty on the standardised columns; `nil` = generalised cross-validation.
  public var penalty: Double?
  /// Multiplier of the penalty on slope changes and level shifts; `nil` = chosen by
  /// rolling-origin cross-validation (1 when `penalty` is fixed).
  public var changepointStrength: Double?
  /// Robust re-weighting iterations (default 3; 0 = plain least squares).
  public var robustIterations: Int?
  /// Short-term autoregressive lags on the residuals (default 3, or 14 for daily data) and whether to add the lag of
  /// one season (a day for sub-daily data, a week for daily data).
  public var arLags: Int?
  public var arSeasonalLag: Bool?
  /// Calibration: number of rolling origins and the longest lead calibrated, in steps.
  public var calibrationOrigins: Int?
  public var calibrationHorizon: Int?

  public init() {}
}
