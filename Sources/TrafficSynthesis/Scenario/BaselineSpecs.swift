import HolidayCalendars

/// Overall level and growth of demand.
public struct LevelSpec: Codable, Sendable, Equatable {
  /// Demand per slot before every other factor, at the span's start (the exponent of the
  /// log-scale intercept).
  public var baseLevel: Double
  /// Multiplicative growth per year of 365.25 days, applied as a linear trend on the log scale.
  public var growthPerYear: Double

  public init(baseLevel: Double, growthPerYear: Double) {
    self.baseLevel = baseLevel
    self.growthPerYear = growthPerYear
  }
}

/// Daily, weekly and yearly seasonality, all on the log scale.
public struct SeasonalitySpec: Codable, Sendable, Equatable {
  /// Daily shape of working days; phase = local time of day / 24 h.
  public var weekday: [Harmonic]
  /// Daily shape of Saturdays that are not public holidays.
  public var saturday: [Harmonic]
  /// Daily shape of Sundays and of every public holiday (substitute and one-off days included).
  public var sundayOrHoliday: [Harmonic]
  /// Log level of each ISO weekday, Monday first (7 values). A holiday keeps its date's weekday
  /// level: its own effect is stated relative to that.
  public var dayOfWeekLogLevel: [Double]
  /// Yearly shape; phase = local wall-clock days since 1970-01-01 / 365.25.
  public var yearly: [Harmonic]

  public init(
    weekday: [Harmonic], saturday: [Harmonic], sundayOrHoliday: [Harmonic],
    dayOfWeekLogLevel: [Double], yearly: [Harmonic]
  ) {
    self.weekday = weekday
    self.saturday = saturday
    self.sundayOrHoliday = sundayOrHoliday
    self.dayOfWeekLogLevel = dayOfWeekLogLevel
    self.yearly = yearly
  }
}

/// Day-level effects of public holidays from the built-in calendar.
public struct HolidaySpec: Codable, Sendable, Equatable {
  public var country: HolidayCountry
  /// Multiplier of a day that carries `name`; a substitute day carries the name it stands in for
  /// and so gets the same effect. When several names share a date their log effects add.
  public var multiplierByName: [String: Double]
  /// Multiplier for names not in ``multiplierByName``.
  public var defaultMultiplier: Double
  /// Festivals whose eve is a shopping day (the day before each run of their days).
  public var preHolidayNames: [String]
  /// Multiplier of such an eve; its log adds to whatever else that date carries.
  public var preHolidayMultiplier: Double

  public init(
    country: HolidayCountry, multiplierByName: [String: Double], defaultMultiplier: Double,
    preHolidayNames: [String], preHolidayMultiplier: Double
  ) {
    self.country = country
    self.multiplierByName = multiplierByName
    self.defaultMultiplier = defaultMultiplier
    self.preHolidayNames = preHolidayNames
    self.preHolidayMultiplier = preHolidayMultiplier
  }

  /// The multiplier of a day carrying `name`.
  public func multiplier(for name: String) -> Double {
    multiplierByName[name] ?? defaultMultiplier
  }
}

/// The count noise around demand.
public struct NoiseSpec: Codable, Sendable, Equatable {
  /// Negative-binomial size `r`: variance = mean + mean²/r. Smaller is noisier.
  public var size: Double

  public init(size: Double) { self.size = size }
}
