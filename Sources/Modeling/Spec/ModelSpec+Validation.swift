import TimeSeries

extension ModelSpec {
  typealias IntegerField = (
    name: String, value: KeyPath<ModelSpec, Int?>, range: ClosedRange<Int>
  )

  /// The accepted range of each integer field. The bounds keep a hand-written or hostile spec
  /// from asking for millions of design columns (memory grows with p², time with p³) or from
  /// overflowing a conversion; they are far beyond what any series needs (hourly data resolves
  /// at most 11 daily harmonics, a 5-minute day 143).
  /// (Computed: key paths are not `Sendable`, so a stored static table is not allowed.)
  static var integerRanges: [IntegerField] {
    [
      ("holidayDaysBefore", \.holidayDaysBefore, 0...30),
      ("holidayDaysAfter", \.holidayDaysAfter, 0...30),
      ("dailyOrder", \.dailyOrder, 0...150),
      ("weeklyOrder", \.weeklyOrder, 0...50),
      ("yearlyOrder", \.yearlyOrder, 0...50),
      ("weeklyYearlyModulation", \.weeklyYearlyModulation, 0...10),
      ("slopeChanges", \.slopeChanges, 0...200),
      ("promotionBucketsBefore", \.promotionBucketsBefore, 0...48),
      ("promotionProfileBuckets", \.promotionProfileBuckets, 1...96),
      ("promotionBucketsAfter", \.promotionBucketsAfter, 0...48),
      ("robustIterations", \.robustIterations, 0...50),
      ("arLags", \.arLags, 0...48),
      ("calibrationOrigins", \.calibrationOrigins, 1...200),
      ("calibrationHorizon", \.calibrationHorizon, 1...100_000),
    ]
  }

  /// Checks every field a user set against its documented range, before any fitting.
  /// - Throws: `DataError` naming `file` and the field, e.g. `spec.json: field 'dailyOrder':
  ///   must be between 0 and 150, got 5000`.
  public func validate(file: String) throws {
    for (name, keyPath, range) in Self.integerRanges {
      if let value = self[keyPath: keyPath], !range.contains(value) {
        throw DataError(
          file: file, field: name,
          "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
      }
    }
    try Self.check(boxCoxLambda, "boxCoxLambda", -2...3, file: file)
    try Self.check(transformOffset, "transformOffset", 0...1e9, file: file)
    try Self.check(levelShiftSpacingDays, "levelShiftSpacingDays", 1...3_660, file: file)
    try Self.check(penalty, "penalty", 0...1e12, file: file)
    try Self.check(changepointStrength, "changepointStrength", 0...1e6, file: file)
  }

  private static func check(
    _ value: Double?, _ name: String, _ range: ClosedRange<Double>, file: String
  ) throws {
    guard let value else { return }
    guard value.isFinite, range.contains(value) else {
      throw DataError(
        file: file, field: name,
        "must be a number between \(range.lowerBound) and \(range.upperBound), got \(value)")
    }
  }
}
