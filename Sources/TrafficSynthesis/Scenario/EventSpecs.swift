import TimeSeries

/// Short flash-sale promotions, scheduled at random (from the seed) every so many days.
public struct FlashSaleSpec: Codable, Sendable, Equatable {
  /// Event name in `events.csv`.
  public var name: String
  /// Multiplier for each hour since the start at scale 1; the count is the duration in hours.
  /// An occurrence with scale `s` multiplies hour `h` by `hourlyMultiplier[h]^s` (the effect is
  /// scale × profile on the log scale).
  public var hourlyMultiplier: [Double]
  /// Multiplier of the hour before the start (shoppers wait for the sale), also raised to `s`.
  public var preSaleMultiplier: Double
  /// Scales drawn in shuffled rounds, so each appears about equally often.
  public var scales: [Double]
  /// Days from one sale to the next: uniform in `minGapDays...maxGapDays`, then pushed later
  /// past any day that is not plain (see the generator).
  public var minGapDays: Int
  public var maxGapDays: Int
  /// Local start hours and their relative weights.
  public var startHours: [WeightedHour]

  public init(
    name: String, hourlyMultiplier: [Double], preSaleMultiplier: Double, scales: [Double],
    minGapDays: Int, maxGapDays: Int, startHours: [WeightedHour]
  ) {
    self.name = name
    self.hourlyMultiplier = hourlyMultiplier
    self.preSaleMultiplier = preSaleMultiplier
    self.scales = scales
    self.minGapDays = minGapDays
    self.maxGapDays = maxGapDays
    self.startHours = startHours
  }
}

/// A local start hour with a relative weight.
public struct WeightedHour: Codable, Sendable, Equatable {
  public var hour: Int
  public var weight: Double

  public init(hour: Int, weight: Double) {
    self.hour = hour
    self.weight = weight
  }
}

/// Day-long sales on fixed dates (00:00 to 24:00 local).
public struct MegaSaleSpec: Codable, Sendable, Equatable {
  public var name: String
  public var dates: [CivilDate]
  /// Multiplier for each local hour of the day (24 values).
  public var hourlyMultiplier: [Double]

  public init(name: String, dates: [CivilDate], hourlyMultiplier: [Double]) {
    self.name = name
    self.dates = dates
    self.hourlyMultiplier = hourlyMultiplier
  }
}

/// An unplanned demand surge: a linear ramp on the log scale, a plateau, a raised-cosine decay.
/// It is deliberately absent from `events.csv`: a model has to cope with it unlabelled.
public struct SurgeSpec: Codable, Sendable, Equatable {
  public var name: String
  public var start: WallTime
  public var peakMultiplier: Double
  public var rampMinutes: Int
  /// Minutes at full strength after the ramp.
  public var plateauMinutes: Int
  /// Minutes of the decay back to no lift.
  public var decayMinutes: Int

  public init(
    name: String, start: WallTime, peakMultiplier: Double, rampMinutes: Int,
    plateauMinutes: Int, decayMinutes: Int
  ) {
    self.name = name
    self.start = start
    self.peakMultiplier = peakMultiplier
    self.rampMinutes = rampMinutes
    self.plateauMinutes = plateauMinutes
    self.decayMinutes = decayMinutes
  }
}

/// A permanent step in demand from `start` on (also not in `events.csv`).
public struct LevelShiftSpec: Codable, Sendable, Equatable {
  public var start: WallTime
  public var multiplier: Double

  public init(start: WallTime, multiplier: Double) {
    self.start = start
    self.multiplier = multiplier
  }
}

/// A service outage: demand goes on, but only a fraction of it is observed; retries follow.
public struct OutageSpec: Codable, Sendable, Equatable {
  public var name: String
  public var start: WallTime
  public var durationMinutes: Int
  /// Observed count mean ÷ demand during the outage.
  public var observedFraction: Double
  /// Minutes right after the outage in which clients retry.
  public var reboundMinutes: Int
  /// Observed count mean ÷ demand during the rebound.
  public var reboundMultiplier: Double

  public init(
    name: String, start: WallTime, durationMinutes: Int, observedFraction: Double,
    reboundMinutes: Int, reboundMultiplier: Double
  ) {
    self.name = name
    self.start = start
    self.durationMinutes = durationMinutes
    self.observedFraction = observedFraction
    self.reboundMinutes = reboundMinutes
    self.reboundMultiplier = reboundMultiplier
  }
}

/// A labelled abnormal interval of real extra demand (e.g. a bot attack), listed in `events.csv`
/// with kind `incident`.
public struct IncidentSpec: Codable, Sendable, Equatable {
  public var name: String
  public var start: WallTime
  public var durationMinutes: Int
  public var multiplier: Double

  public init(name: String, start: WallTime, durationMinutes: Int, multiplier: Double) {
    self.name = name
    self.start = start
    self.durationMinutes = durationMinutes
    self.multiplier = multiplier
  }
}
