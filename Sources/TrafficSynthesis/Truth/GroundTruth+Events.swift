import TimeSeries

public struct HolidayTruth: Codable, Sendable, Equatable {
  public var calendar: String
  public var rule: String
  /// Planted log effect for every name of the calendar (a substitute day uses its name's).
  public var logEffectByName: [String: Double]
  public var multiplierByName: [String: Double]
  public var preHoliday: PreHolidayTruth
  /// Every holiday date inside the span with its total log effect (eves not included).
  public var days: [HolidayDayTruth]
}

public struct PreHolidayTruth: Codable, Sendable, Equatable {
  public var names: [String]
  public var daysBefore: Int
  public var logEffect: Double
  public var multiplier: Double
  /// The eve dates inside the span (`YYYY-MM-DD`).
  public var dates: [String]
}

public struct HolidayDayTruth: Codable, Sendable, Equatable {
  public var date: String
  public var names: [String]
  public var substitute: Bool
  public var logEffect: Double
}

/// One occurrence of a promotion: `[start, end)`.
public struct PromotionTruth: Codable, Sendable, Equatable {
  public var start: TruthTime
  public var end: TruthTime
  public var scale: Double
}

public struct FlashSaleTruth: Codable, Sendable, Equatable {
  public var name: String
  public var kind: EventKind
  public var rule: String
  public var durationSeconds: Int
  /// Log-lift of hour h since the start (h = 0, 1, …) at scale 1.
  public var hourlyLogLift: [Double]
  public var hourlyMultiplier: [Double]
  /// Log-lift of the hour before the start at scale 1.
  public var preSaleLogLift: Double
  public var preSaleMultiplier: Double
  public var preSaleSeconds: Int
  public var scales: [Double]
  public var occurrences: [PromotionTruth]
}

public struct MegaSaleTruth: Codable, Sendable, Equatable {
  public var name: String
  public var kind: EventKind
  public var rule: String
  /// Log-lift of each local hour of a mega-sale day (24 values).
  public var hourlyLogLift: [Double]
  public var hourlyMultiplier: [Double]
  public var occurrences: [PromotionTruth]
}

public struct SurgeTruth: Codable, Sendable, Equatable {
  public var name: String
  public var inEventsFile: Bool
  public var shape: String
  /// Onset: the first raised slot starts here.
  public var start: TruthTime
  /// End of the ramp: full strength from here.
  public var fullStrength: TruthTime
  /// Start of the decay.
  public var plateauEnd: TruthTime
  /// The lift is back to zero here.
  public var end: TruthTime
  public var peakMultiplier: Double
  public var peakLogLift: Double
}

public struct LevelShiftTruth: Codable, Sendable, Equatable {
  public var inEventsFile: Bool
  /// The first slot with the shift (the surge's end in the default scenario).
  public var start: TruthTime
  public var multiplier: Double
  public var logLift: Double
}

public struct OutageTruth: Codable, Sendable, Equatable {
  public var name: String
  public var kind: EventKind
  public var start: TruthTime
  public var end: TruthTime
  /// Observed count mean ÷ demand inside `[start, end)`.
  public var observedFraction: Double
  /// Retries right after the outage (not in `events.csv`); `nil` when none.
  public var rebound: ReboundTruth?
}

public struct ReboundTruth: Codable, Sendable, Equatable {
  public var start: TruthTime
  public var end: TruthTime
  /// Observed count mean ÷ demand inside `[start, end)`.
  public var multiplier: Double
}

public struct IncidentTruth: Codable, Sendable, Equatable {
  public var name: String
  public var kind: EventKind
  public var start: TruthTime
  public var end: TruthTime
  public var multiplier: Double
  public var logLift: Double
}

public struct NoiseTruth: Codable, Sendable, Equatable {
  public var family: String
  public var size: Double
  public var variance: String
  public var sampler: String
  public var randomStreams: String
}
