/// The resolved definition of every column of a model's design matrix.
///
/// A layout is a plain value: it is chosen once from the training data (changepoint candidates,
/// Fourier orders, the holiday and promotion names seen) and stored in the model, so that the
/// same columns can be rebuilt for any future window. The solver never sees it: it only gets the
/// numbers the builder makes from it.
public struct FeatureLayout: Sendable, Codable, Equatable {
  public var trend: TrendTerms
  /// Intercept shifts for Saturday and Sunday/holiday (sub-daily data with a real calendar).
  public var dayKindLevels: Bool
  public var seasonalities: [SeasonalTerms]
  public var holidays: HolidayTerms
  public var promotions: [PromotionTerms]
  public var incidents: [IncidentTerms]

  public init(
    trend: TrendTerms, dayKindLevels: Bool, seasonalities: [SeasonalTerms],
    holidays: HolidayTerms, promotions: [PromotionTerms], incidents: [IncidentTerms]
  ) {
    self.trend = trend
    self.dayKindLevels = dayKindLevels
    self.seasonalities = seasonalities
    self.holidays = holidays
    self.promotions = promotions
    self.incidents = incidents
  }
}

/// Piecewise-linear trend with slope changes and level shifts at candidate times.
public struct TrendTerms: Sendable, Codable, Equatable {
  /// Epoch seconds where the trend variable is 0 (the training start).
  public var origin: Int64
  /// Seconds per unit of the trend variable (the training span), so slopes are per span.
  public var unitSeconds: Double
  /// Candidate times of slope changes (hinge columns max(0, t − c)).
  public var slopeChanges: [Int64]
  /// Candidate times of level shifts (step columns 1[t ≥ c]).
  public var levelShifts: [Int64]

  public init(origin: Int64, unitSeconds: Double, slopeChanges: [Int64], levelShifts: [Int64]) {
    self.origin = origin
    self.unitSeconds = unitSeconds
    self.slopeChanges = slopeChanges
    self.levelShifts = levelShifts
  }
}

/// Fourier terms of one period on the local wall clock.
public struct SeasonalTerms: Sendable, Codable, Equatable {
  /// `daily`, `weekly` or `yearly` (or a user-defined name).
  public var name: String
  public var periodSeconds: Double
  /// Harmonics 1…order, each a sine and a cosine column.
  public var order: Int
  /// One set of harmonics per kind of day (weekday, Saturday, Sunday/holiday).
  public var byDayKind: Bool
  /// Harmonics 1…J of the year that modulate this profile, or nil: every harmonic column is
  /// repeated multiplied by the sine and the cosine of each, so that the profile's shape — not
  /// only the level — changes through the year (a sports site's week in the season is not its
  /// week in summer). Nil when there is none, so that other models' files do not change.
  public var yearlyModulation: Int?

  public init(
    name: String, periodSeconds: Double, order: Int, byDayKind: Bool = false,
    yearlyModulation: Int? = nil
  ) {
    self.name = name
    self.periodSeconds = periodSeconds
    self.order = order
    self.byDayKind = byDayKind
    self.yearlyModulation = yearlyModulation.flatMap { $0 > 0 ? $0 : nil }
  }

  /// The yearly harmonics modulating the profile (0 for none).
  public var modulationOrder: Int { max(0, yearlyModulation ?? 0) }

  /// Columns per kind of day: the harmonics, then the harmonics times the sine and the cosine
  /// of each modulating yearly harmonic.
  public var columnsPerDayKind: Int { order > 0 ? 2 * order * (1 + 2 * modulationOrder) : 0 }

  /// Every column of the terms.
  public var width: Int { columnsPerDayKind * (byDayKind ? DayKind.allCases.count : 1) }

  /// The period of the modulating yearly wave (the mean Gregorian year).
  public static let yearSeconds = 365.2425 * 86_400
}

/// Day-level holiday effects with a window of days before and after each occurrence.
public struct HolidayTerms: Sendable, Codable, Equatable {
  /// Built-in public-holiday calendar (`KR`, `US`), if any.
  public var country: String?
  /// One shared column for every public holiday of `country`, so that a holiday name absent
  /// from the training window still gets the average public-holiday effect.
  public var pooled: Bool
  /// Names with their own columns, with the longest occurrence length in days.
  public var names: [HolidayName]
  public var daysBefore: Int
  public var daysAfter: Int

  public init(
    country: String?, pooled: Bool, names: [HolidayName], daysBefore: Int, daysAfter: Int
  ) {
    self.country = country
    self.pooled = pooled
    self.names = names
    self.daysBefore = daysBefore
    self.daysAfter = daysAfter
  }

  /// Columns per name: the window before, each day of the occurrence, the window after.
  public func width(of name: HolidayName) -> Int { daysBefore + name.length + daysAfter }
}

/// A holiday name and the length in days of its longest occurrence (Seollal: 3).
public struct HolidayName: Sendable, Codable, Equatable {
  public var name: String
  public var length: Int

  public init(name: String, length: Int) {
    self.name = name
    self.length = length
  }
}

/// The response profile of one promotion name over the time since its start.
///
/// Buckets: `bucketsBefore` before the start (anticipation or a pre-sale dip), `profileBuckets`
/// from the start (each its own coefficient: the first hour of a flash sale is not the fourth),
/// one for the rest of the span, and `bucketsAfter` after the end (the hangover). Each column's
/// value is the occurrence's `scale`, so a sale twice as deep moves the log level twice as much.
public struct PromotionTerms: Sendable, Codable, Equatable {
  public var name: String
  public var bucketSeconds: Int64
  public var bucketsBefore: Int
  public var profileBuckets: Int
  public var bucketsAfter: Int

  public init(
    name: String, bucketSeconds: Int64, bucketsBefore: Int, profileBuckets: Int, bucketsAfter: Int
  ) {
    self.name = name
    self.bucketSeconds = bucketSeconds
    self.bucketsBefore = bucketsBefore
    self.profileBuckets = profileBuckets
    self.bucketsAfter = bucketsAfter
  }

  /// Columns: before, profile, rest of span, after.
  public var width: Int { bucketsBefore + profileBuckets + 1 + bucketsAfter }
}

/// Terms absorbing one labelled incident in history: one column per bucket of its span.
///
/// They keep an incident from bending trend and seasonality; they are zero in every forecast.
public struct IncidentTerms: Sendable, Codable, Equatable {
  public var name: String
  public var start: Int64
  public var end: Int64
  public var bucketSeconds: Int64

  public init(name: String, start: Int64, end: Int64, bucketSeconds: Int64) {
    self.name = name
    self.start = start
    self.end = end
    self.bucketSeconds = bucketSeconds
  }

  public var width: Int {
    Int(max(1, (end - start + bucketSeconds - 1) / bucketSeconds))
  }
}
