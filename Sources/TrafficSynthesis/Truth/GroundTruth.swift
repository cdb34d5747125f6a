import TimeSeries

/// Every planted parameter of a generated data set, as written to `truth.json`.
///
/// Tests elsewhere decode the committed `Datasets/truth.json` into this type to check that a
/// fitted model recovers the planted effects, so every effect is stated on the log scale (what
/// an additive log-linear model estimates) and as a multiplier, and every instant as epoch
/// seconds and local ISO 8601. The JSON has sorted keys and a ``formatVersion``.
public struct GroundTruth: Codable, Sendable, Equatable {
  /// Version of this file's layout; bumped on any incompatible change.
  public static let currentFormatVersion = 1
  /// Length of the year behind the growth rate and the yearly phase (Julian year, as Prophet).
  public static let yearDays = 365.25

  public var formatVersion: Int
  public var seed: UInt64
  /// The demand formula, one line per term, naming the fields below.
  public var demandModel: [String]
  public var span: SpanTruth
  public var level: LevelTruth
  public var dailyProfiles: DailyProfilesTruth
  public var dayOfWeek: DayOfWeekTruth
  public var yearly: YearlyTruth
  public var holidays: HolidayTruth
  public var flashSale: FlashSaleTruth
  public var megaSale: MegaSaleTruth
  /// The unplanned surge (absent from `events.csv`); `nil` when outside the span.
  public var surge: SurgeTruth?
  public var levelShift: LevelShiftTruth?
  public var outage: OutageTruth?
  public var incident: IncidentTruth?
  public var noise: NoiseTruth
  /// The full scenario the data was generated from (regenerates it exactly).
  public var scenario: TrafficScenario
}

/// An instant as epoch seconds and as local ISO 8601 (`2025-07-16T10:00:00+09:00`).
public struct TruthTime: Codable, Sendable, Equatable, Comparable {
  public var epochSeconds: Int64
  public var local: String

  public init(epochSeconds: Int64, local: String) {
    self.epochSeconds = epochSeconds
    self.local = local
  }

  public static func < (a: TruthTime, b: TruthTime) -> Bool { a.epochSeconds < b.epochSeconds }
}

public struct SpanTruth: Codable, Sendable, Equatable {
  public var timeZone: String
  public var utcOffsetSeconds: Int
  public var stepSeconds: Int
  /// First slot's start (local midnight).
  public var start: TruthTime
  /// Exclusive end (local midnight after the last day).
  public var end: TruthTime
  public var days: Int
  public var slots: Int
  public var hours: Int
}

public struct LevelTruth: Codable, Sendable, Equatable {
  public var baseLevel: Double
  public var baseLog: Double
  public var growthMultiplierPerYear: Double
  public var growthLogPerYear: Double
  public var yearDays: Double
  /// The instant where the trend term is zero (the span's start).
  public var growthReference: TruthTime
}

/// One daily shape: its generating harmonics and the multiplier they give each local hour.
public struct DailyProfileTruth: Codable, Sendable, Equatable {
  /// Log-scale Fourier terms in the phase τ = local second of day / 86,400 (zero mean).
  public var harmonics: [Harmonic]
  /// Mean over the hour's slots of exp(shape): what the ratio of hourly sums within one day
  /// reflects. 24 values, hour 0 first.
  public var hourlyMultiplier: [Double]
  public var peakHour: Int
  public var troughHour: Int
}

public struct DailyProfilesTruth: Codable, Sendable, Equatable {
  public var phase: String
  public var weekday: DailyProfileTruth
  public var saturday: DailyProfileTruth
  public var sundayOrHoliday: DailyProfileTruth
}

public struct DayOfWeekTruth: Codable, Sendable, Equatable {
  public var order: String
  public var logLevel: [Double]
  public var multiplier: [Double]
  public var holidayRule: String
}

public struct YearlyTruth: Codable, Sendable, Equatable {
  public var periodDays: Double
  public var phase: String
  public var harmonics: [Harmonic]
  /// exp(yearly) at 00:00 local on the 15th of each month of 2025, January first.
  public var midMonthMultiplier2025: [Double]
}
