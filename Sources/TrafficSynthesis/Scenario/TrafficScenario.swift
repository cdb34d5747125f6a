import HolidayCalendars

/// Everything that decides a synthetic traffic data set: span, demand components, events,
/// noise and the seed. A plain value: the same scenario always generates the same bytes.
///
/// Demand per slot is multiplicative (additive on the log scale); see ``GroundTruth/demandModel``
/// for the exact formula. Events stated at fixed dates that fall outside the span are dropped.
public struct TrafficScenario: Codable, Sendable, Equatable {
  /// Seed of every random draw (promotion schedule and count noise).
  public var seed: UInt64
  /// First local date; the span starts at its local midnight.
  public var start: CivilDate
  /// Number of whole local days.
  public var days: Int
  /// Sampling step in seconds; must divide an hour.
  public var stepSeconds: Int
  /// IANA zone of the wall clock (recorded in the truth and in the series).
  public var timeZone: String
  /// Fixed offset of that zone from UTC: the generator supports zones without DST only.
  public var utcOffsetSeconds: Int
  public var level: LevelSpec
  public var seasonality: SeasonalitySpec
  public var holidays: HolidaySpec
  public var flashSales: FlashSaleSpec
  public var megaSales: MegaSaleSpec
  public var surge: SurgeSpec?
  public var levelShift: LevelShiftSpec?
  public var outage: OutageSpec?
  public var incident: IncidentSpec?
  public var noise: NoiseSpec

  public init(
    seed: UInt64, start: CivilDate, days: Int, stepSeconds: Int, timeZone: String,
    utcOffsetSeconds: Int, level: LevelSpec, seasonality: SeasonalitySpec,
    holidays: HolidaySpec, flashSales: FlashSaleSpec, megaSales: MegaSaleSpec,
    surge: SurgeSpec?, levelShift: LevelShiftSpec?, outage: OutageSpec?,
    incident: IncidentSpec?, noise: NoiseSpec
  ) {
    self.seed = seed
    self.start = start
    self.days = days
    self.stepSeconds = stepSeconds
    self.timeZone = timeZone
    self.utcOffsetSeconds = utcOffsetSeconds
    self.level = level
    self.seasonality = seasonality
    self.holidays = holidays
    self.flashSales = flashSales
    self.megaSales = megaSales
    self.surge = surge
    self.levelShift = levelShift
    self.outage = outage
    self.incident = incident
    self.noise = noise
  }

  /// Epoch seconds of the first slot (local midnight of ``start``).
  public var startEpoch: Int64 {
    Int64(start.daysSinceEpoch) * 86_400 - Int64(utcOffsetSeconds)
  }

  /// Epoch seconds just after the last slot.
  public var endEpoch: Int64 { startEpoch + Int64(days) * 86_400 }

  /// Number of slots of ``stepSeconds``.
  public var slotCount: Int { days * 86_400 / stepSeconds }

  /// The last local date of the span.
  public var lastDate: CivilDate { start.adding(days: days - 1) }
}
