import Foundation
import HolidayCalendars

extension GroundTruth {
  static let formulaLines = [
    "log lambda(t) = level.baseLog",
    "  + level.growthLogPerYear * (t - span.start) / (level.yearDays * 86400 s)",
    "  + yearly(t) + dayOfWeek.logLevel[isoWeekday - 1] + dailyProfiles[kind](tau)",
    "  + holidays.days[date].logEffect + holidays.preHoliday.logEffect on its dates",
    "  + flash sales: scale * flashSale.hourlyLogLift[h], h = whole hours since the start,"
      + " h = -1 -> scale * flashSale.preSaleLogLift",
    "  + megaSale.hourlyLogLift[local hour] on mega-sale days",
    "  + surge.peakLogLift * strength(t) + levelShift.logLift for t >= levelShift.start"
      + " + incident.logLift inside the incident",
    "Terms use the slot's start t on the local wall clock (date, isoWeekday,"
      + " tau = second of day / 86400); the surge's strength uses the slot's end.",
    "kind = sundayOrHoliday on Sundays and public holidays, saturday on other Saturdays,"
      + " weekday otherwise.",
    "observed count ~ NegativeBinomial(mean = lambda(t) * f(t), size = noise.size);"
      + " f = outage.observedFraction in the outage, outage.rebound.multiplier in the"
      + " rebound, 1 elsewhere.",
  ]

  init(scenario s: TrafficScenario, calendar: SpanCalendar, events: PlantedEvents) {
    let clock = FixedOffsetClock(utcOffsetSeconds: s.utcOffsetSeconds)
    func at(_ epoch: Int64) -> TruthTime {
      TruthTime(epochSeconds: epoch, local: clock.iso8601(epoch))
    }
    formatVersion = Self.currentFormatVersion
    seed = s.seed
    demandModel = Self.formulaLines
    span = SpanTruth(
      timeZone: s.timeZone, utcOffsetSeconds: s.utcOffsetSeconds, stepSeconds: s.stepSeconds,
      start: at(s.startEpoch), end: at(s.endEpoch), days: s.days, slots: s.slotCount,
      hours: s.days * 24)
    level = LevelTruth(
      baseLevel: s.level.baseLevel, baseLog: log(s.level.baseLevel),
      growthMultiplierPerYear: s.level.growthPerYear,
      growthLogPerYear: log(s.level.growthPerYear), yearDays: Self.yearDays,
      growthReference: at(s.startEpoch))
    let season = s.seasonality
    dailyProfiles = DailyProfilesTruth(
      phase: "tau = local second of day at the slot's start / 86400",
      weekday: Self.profile(season.weekday, step: s.stepSeconds),
      saturday: Self.profile(season.saturday, step: s.stepSeconds),
      sundayOrHoliday: Self.profile(season.sundayOrHoliday, step: s.stepSeconds))
    dayOfWeek = DayOfWeekTruth(
      order: "ISO weekday, Monday first",
      logLevel: season.dayOfWeekLogLevel, multiplier: season.dayOfWeekLogLevel.map { exp($0) },
      holidayRule: "a holiday keeps its date's weekday level; its effect is relative to that")
    yearly = YearlyTruth(
      periodDays: Self.yearDays,
      phase: "local wall-clock days since 1970-01-01 at the slot's start / 365.25",
      harmonics: season.yearly,
      midMonthMultiplier2025: (1...12).map { month in
        let days = Double(CivilDate(2025, month, 15).daysSinceEpoch)
        return exp(season.yearly.value(atPhase: days / Self.yearDays))
      })
    holidays = Self.holidayTruth(s, calendar)
    noise = NoiseTruth(
      family: "negative_binomial", size: s.noise.size, variance: "mean + mean^2 / size",
      sampler: "Poisson(Gamma(shape = size, scale = mean / size)): Marsaglia-Tsang gamma,"
        + " Knuth (mean < 10) or PTRS (Hormann 1993) Poisson",
      randomStreams: "xoshiro256** seeded by SplitMix64(seed ^ stream * 0xD1B54A32D192ED03);"
        + " stream 1: flash-sale schedule, stream 2: count noise (one draw per slot in order)")
    scenario = s
    flashSale = Self.flashSaleTruth(s, events, at)
    megaSale = Self.megaSaleTruth(s, calendar, events, clock, at)
    surge = events.surge.flatMap { planted in
      s.surge.map { spec in
        SurgeTruth(
          name: spec.name, inEventsFile: false,
          shape: "log-lift = peakLogLift * strength; strength at the slot's end: linear 0 -> 1"
            + " from start to fullStrength, 1 until plateauEnd, then 0.5 * (1 + cos(pi * u)),"
            + " u = (t - plateauEnd) / (end - plateauEnd), 0 from end",
          start: at(planted.start), fullStrength: at(planted.fullStrength),
          plateauEnd: at(planted.plateauEnd), end: at(planted.end),
          peakMultiplier: spec.peakMultiplier, peakLogLift: log(spec.peakMultiplier))
      }
    }
    levelShift = events.levelShiftStart.flatMap { start in
      s.levelShift.map {
        LevelShiftTruth(
          inEventsFile: false, start: at(start), multiplier: $0.multiplier,
          logLift: log($0.multiplier))
      }
    }
    outage = events.outage.flatMap { planted in
      s.outage.map { spec in
        OutageTruth(
          name: spec.name, kind: .outage, start: at(planted.start), end: at(planted.end),
          observedFraction: spec.observedFraction,
          rebound: events.rebound.map {
            ReboundTruth(
              start: at($0.start), end: at($0.end), multiplier: spec.reboundMultiplier)
          })
      }
    }
    incident = events.incident.flatMap { planted in
      s.incident.map {
        IncidentTruth(
          name: $0.name, kind: .incident, start: at(planted.start), end: at(planted.end),
          multiplier: $0.multiplier, logLift: log($0.multiplier))
      }
    }
  }

  private static func profile(_ harmonics: [Harmonic], step: Int) -> DailyProfileTruth {
    let perHour = 3600 / step
    let hourly = (0..<24).map { hour in
      (0..<perHour).reduce(0.0) { sum, k in
        let second = hour * 3600 + k * step
        return sum + exp(harmonics.value(atPhase: Double(second) / 86_400))
      } / Double(perHour)
    }
    let peak = hourly.indices.max { hourly[$0] < hourly[$1] } ?? 0
    let trough = hourly.indices.min { hourly[$0] < hourly[$1] } ?? 0
    return DailyProfileTruth(
      harmonics: harmonics, hourlyMultiplier: hourly, peakHour: peak, troughHour: trough)
  }

  private static func holidayTruth(_ s: TrafficScenario, _ calendar: SpanCalendar)
    -> HolidayTruth
  {
    let spec = s.holidays
    let names = Set(HolidayCalendar.names(spec.country)).union(spec.multiplierByName.keys)
    var logByName: [String: Double] = [:]
    var multiplierByName: [String: Double] = [:]
    for name in names {
      logByName[name] = log(spec.multiplier(for: name))
      multiplierByName[name] = spec.multiplier(for: name)
    }
    let days = calendar.days.filter { !$0.holidayNames.isEmpty }.map {
      HolidayDayTruth(
        date: $0.date.description, names: $0.holidayNames, substitute: $0.isSubstitute,
        logEffect: $0.holidayLogEffect)
    }
    let eves = calendar.days.filter { $0.preHolidayLogEffect != 0 }.map(\.date.description)
    return HolidayTruth(
      calendar: spec.country.rawValue,
      rule: "built-in calendar; holidays use the sundayOrHoliday shape; a date's log effect"
        + " is the sum over its distinct names; substitute days take their name's effect",
      logEffectByName: logByName, multiplierByName: multiplierByName,
      preHoliday: PreHolidayTruth(
        names: spec.preHolidayNames, daysBefore: 1, logEffect: log(spec.preHolidayMultiplier),
        multiplier: spec.preHolidayMultiplier, dates: eves),
      days: days)
  }

  private static func flashSaleTruth(
    _ s: TrafficScenario, _ events: PlantedEvents, _ at: (Int64) -> TruthTime
  ) -> FlashSaleTruth {
    let spec = s.flashSales
    return FlashSaleTruth(
      name: spec.name, kind: .promotion,
      rule: "effect = scale * profile on the log scale: hour h since the start gets"
        + " scale * hourlyLogLift[h]; the hour before gets scale * preSaleLogLift",
      durationSeconds: spec.hourlyMultiplier.count * 3600,
      hourlyLogLift: spec.hourlyMultiplier.map { log($0) },
      hourlyMultiplier: spec.hourlyMultiplier,
      preSaleLogLift: log(spec.preSaleMultiplier), preSaleMultiplier: spec.preSaleMultiplier,
      preSaleSeconds: 3600, scales: spec.scales,
      occurrences: events.flashSales.map {
        PromotionTruth(start: at($0.start), end: at($0.end), scale: $0.occurrence.scale)
      })
  }

  private static func megaSaleTruth(
    _ s: TrafficScenario, _ calendar: SpanCalendar, _ events: PlantedEvents,
    _ clock: FixedOffsetClock, _ at: (Int64) -> TruthTime
  ) -> MegaSaleTruth {
    let spec = s.megaSales
    return MegaSaleTruth(
      name: spec.name, kind: .promotion,
      rule: "local hour h of the day (00:00 to 24:00) gets hourlyLogLift[h]; scale 1",
      hourlyLogLift: spec.hourlyMultiplier.map { log($0) },
      hourlyMultiplier: spec.hourlyMultiplier,
      occurrences: events.megaSaleDays.map {
        let midnight = clock.midnight(calendar[$0].date)
        return PromotionTruth(start: at(midnight), end: at(midnight + 86_400), scale: 1)
      })
  }
}
