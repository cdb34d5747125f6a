/// A spec with every automatic choice made; stored in the model.
public struct ResolvedSpec: Sendable, Codable, Equatable {
  public var boxCoxLambda: Double
  public var transformOffset: Double
  public var holidays: String?
  public var holidayDaysBefore: Int
  public var holidayDaysAfter: Int
  public var dailyOrder: Int
  public var weeklyOrder: Int
  public var yearlyOrder: Int
  public var weeklyYearlyModulation: Int
  public var dailyByDayKind: Bool
  public var slopeChanges: Int
  public var levelShiftSpacingDays: Double
  public var promotionBucketsBefore: Int
  public var promotionProfileBuckets: Int
  public var promotionBucketsAfter: Int
  /// The ridge penalty used (chosen by GCV unless the spec fixed it).
  public var penalty: Double
  public var penaltyChosenBy: String
  /// The multiplier of the changepoint penalty and how it was chosen (`cv`, `spec`, `fixed`).
  public var changepointStrength: Double
  public var changepointStrengthChosenBy: String
  public var robustIterations: Int
  public var arLags: Int
  public var arSeasonalLag: Bool
  /// `cv` when the short-term correction was chosen by rolling-origin errors, `spec` if fixed.
  public var shortTermChosenBy: String
  public var calibrationOrigins: Int
  public var calibrationHorizon: Int

  /// The same choices as a spec, for refitting on new data without re-choosing anything.
  public var asSpec: ModelSpec {
    var spec = ModelSpec()
    spec.boxCoxLambda = boxCoxLambda
    spec.transformOffset = transformOffset
    spec.holidays = holidays
    spec.holidayDaysBefore = holidayDaysBefore
    spec.holidayDaysAfter = holidayDaysAfter
    spec.dailyOrder = dailyOrder
    spec.weeklyOrder = weeklyOrder
    spec.yearlyOrder = yearlyOrder
    spec.weeklyYearlyModulation = weeklyYearlyModulation
    spec.dailyByDayKind = dailyByDayKind
    spec.slopeChanges = slopeChanges
    spec.levelShiftSpacingDays = levelShiftSpacingDays
    spec.promotionBucketsBefore = promotionBucketsBefore
    spec.promotionProfileBuckets = promotionProfileBuckets
    spec.promotionBucketsAfter = promotionBucketsAfter
    spec.penalty = penalty
    spec.changepointStrength = changepointStrength
    spec.robustIterations = robustIterations
    spec.arLags = arLags
    spec.arSeasonalLag = arSeasonalLag
    spec.calibrationOrigins = calibrationOrigins
    spec.calibrationHorizon = calibrationHorizon
    return spec
  }
}
