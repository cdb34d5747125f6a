import Features
import TimeSeries

extension PenalizedFit {
  /// Assembles the artifact from the fit, the short-term dynamics and the calibration.
  func model(
    shortTerm: ShortTermDynamics, calibration: IntervalCalibration,
    calibrationSetting: (origins: Int, horizon: Int), shortTermChosenBy: String, spec: ModelSpec
  ) -> FittedModel {
    let residuals = self.residuals()
    let last = residuals.suffix(shortTerm.memory).map { $0.isFinite ? $0 : 0 }
    let observed = setup.baseWeights.filter { $0 > 0 }.count
    let downWeighted = (0..<weights.count).filter {
      setup.baseWeights[$0] > 0 && weights[$0] < 1
    }
    let rejected = downWeighted.filter { weights[$0] < 0.1 }
    let resolution = LayoutResolution(spec: spec, grid: setup.grid, hasCalendar: setup.hasCalendar)
    let layout = setup.layout
    let resolved = ResolvedSpec(
      boxCoxLambda: setup.transform.lambda, transformOffset: setup.transform.offset,
      holidays: layout.holidays.country,
      holidayDaysBefore: layout.holidays.daysBefore, holidayDaysAfter: layout.holidays.daysAfter,
      dailyOrder: layout.seasonalities.first { $0.name == "daily" }?.order ?? 0,
      weeklyOrder: layout.seasonalities.first { $0.name == "weekly" }?.order ?? 0,
      yearlyOrder: layout.seasonalities.first { $0.name == "yearly" }?.order ?? 0,
      weeklyYearlyModulation:
        layout.seasonalities.first { $0.name == "weekly" }?.modulationOrder ?? 0,
      dailyByDayKind: layout.dayKindLevels,
      slopeChanges: layout.trend.slopeChanges.count,
      levelShiftSpacingDays: spec.levelShiftSpacingDays ?? resolution.defaultLevelShiftSpacingDays,
      promotionBucketsBefore: spec.promotionBucketsBefore ?? 1,
      promotionProfileBuckets: layout.promotions.first?.profileBuckets
        ?? spec.promotionProfileBuckets ?? (resolution.isSubDaily ? 6 : 2),
      promotionBucketsAfter: layout.promotions.first?.bucketsAfter
        ?? spec.promotionBucketsAfter ?? (resolution.isSubDaily ? 2 : 1),
      penalty: lambda, penaltyChosenBy: penaltyChosenBy,
      changepointStrength: changepointStrength,
      changepointStrengthChosenBy: changepointStrengthChosenBy,
      robustIterations: max(0, spec.robustIterations ?? 3),
      arLags: shortTerm.lagCoefficients.count,
      arSeasonalLag: shortTerm.seasonalLag > 0,
      shortTermChosenBy: shortTermChosenBy,
      calibrationOrigins: calibrationSetting.origins,
      calibrationHorizon: calibrationSetting.horizon)
    let series = setup.series
    let trainingEvents = setup.calendar.promotions.values.flatMap { $0 }
      + setup.calendar.incidents + setup.calendar.outages
    return FittedModel(
      schemaVersion: FittedModel.currentSchemaVersion,
      generator: "surgecast \(SurgecastVersion.current)",
      spec: resolved, transform: setup.transform,
      training: TrainingWindow(
        series: series.name, start: series.start, end: series.end, step: series.step,
        timeZone: series.timeZone, hasCalendar: setup.hasCalendar,
        fingerprint: Fingerprint.of(series), lastResiduals: Array(last)),
      layout: layout, columnLabels: setup.columns.map(\.label), coefficients: coefficients,
      columnScales: columnScales, shortTerm: shortTerm, calibration: calibration,
      diagnostics: FitDiagnostics(
        slots: series.count, rowsUsed: observed, rowsMissing: setup.rowsMissing,
        rowsInOutages: setup.rowsInOutages, columns: coefficients.count,
        effectiveDegreesOfFreedom: criterion?.effectiveDegreesOfFreedom ?? 0,
        penalty: lambda, gcvScore: criterion?.gcv ?? 0,
        downWeightedShare: Double(downWeighted.count) / Double(max(1, observed)),
        rejectedShare: Double(rejected.count) / Double(max(1, observed)),
        residualScale: residualScale, conditionEstimate: reciprocalCondition),
      trainingEvents: trainingEvents.sorted { ($0.start, $0.name) < ($1.start, $1.name) })
  }
}

/// The version stamped into artifacts.
public enum SurgecastVersion {
  public static let current = "0.1.0"
}
