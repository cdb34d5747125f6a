import Foundation

/// Computes log demand per slot: the sum of the planted components (see
/// ``GroundTruth/demandModel``), and the factor from demand to the observed count's mean.
struct DemandModel: Sendable {
  let scenario: TrafficScenario
  let calendar: SpanCalendar
  let events: PlantedEvents

  var step: Int64 { Int64(scenario.stepSeconds) }

  /// Log demand of every slot.
  func logDemand() -> [Double] {
    let count = scenario.slotCount
    var values = [Double](repeating: 0, count: count)
    let slotsPerDay = 86_400 / scenario.stepSeconds
    let baseLog = log(scenario.level.baseLevel)
    let growthPerSecond = log(scenario.level.growthPerYear) / (GroundTruth.yearDays * 86_400)
    let season = scenario.seasonality
    let startLocalDays = Double(scenario.start.daysSinceEpoch)
    for i in 0..<count {
      let day = calendar[i / slotsPerDay]
      let secondOfDay = (i % slotsPerDay) * scenario.stepSeconds
      let dayFraction = Double(secondOfDay) / 86_400
      let shape: [Harmonic]
      switch day.kind {
      case .weekday: shape = season.weekday
      case .saturday: shape = season.saturday
      case .sundayOrHoliday: shape = season.sundayOrHoliday
      }
      let elapsed = Double(Int64(i) * step)
      let localDays = startLocalDays + Double(i / slotsPerDay) + dayFraction
      values[i] =
        baseLog + growthPerSecond * elapsed
        + season.yearly.value(atPhase: localDays / GroundTruth.yearDays)
        + season.dayOfWeekLogLevel[day.date.isoWeekday - 1]
        + shape.value(atPhase: dayFraction)
        + day.holidayLogEffect + day.preHolidayLogEffect
    }
    addEvents(to: &values)
    return values
  }

  private func addEvents(to values: inout [Double]) {
    let flash = scenario.flashSales
    for sale in events.flashSales {
      let scale = sale.occurrence.scale
      for i in slots(from: sale.start - 3600, to: sale.end) {
        let hour = Int(FixedOffsetClock.floorDiv(time(i) - sale.start, 3600))
        let multiplier = hour < 0 ? flash.preSaleMultiplier : flash.hourlyMultiplier[hour]
        values[i] += scale * log(multiplier)
      }
    }
    let clock = FixedOffsetClock(utcOffsetSeconds: scenario.utcOffsetSeconds)
    for offset in events.megaSaleDays {
      let midnight = clock.midnight(calendar[offset].date)
      for i in slots(from: midnight, to: midnight + 86_400) {
        values[i] += log(scenario.megaSales.hourlyMultiplier[Int((time(i) - midnight) / 3600)])
      }
    }
    if let surge = events.surge, let spec = scenario.surge {
      let peakLog = log(spec.peakMultiplier)
      for i in slots(from: surge.start, to: surge.end) {
        values[i] += peakLog * Self.surgeStrength(slotEnd: time(i) + step, surge)
      }
    }
    if let start = events.levelShiftStart, let spec = scenario.levelShift {
      for i in slots(from: start, to: scenario.endEpoch) { values[i] += log(spec.multiplier) }
    }
    if let incident = events.incident, let spec = scenario.incident {
      for i in slots(from: incident.start, to: incident.end) { values[i] += log(spec.multiplier) }
    }
  }

  /// Observed-count mean ÷ demand per slot: the outage's observed fraction, the rebound's
  /// retry multiplier, 1 elsewhere.
  func observationFactor() -> [Double] {
    var factor = [Double](repeating: 1, count: scenario.slotCount)
    if let outage = events.outage, let spec = scenario.outage {
      for i in slots(from: outage.start, to: outage.end) { factor[i] = spec.observedFraction }
      if let rebound = events.rebound {
        for i in slots(from: rebound.start, to: rebound.end) {
          factor[i] = spec.reboundMultiplier
        }
      }
    }
    return factor
  }

  /// Fraction of the surge's peak log-lift at a slot, taken at the slot's *end* so that the
  /// first slot of the surge is already raised and the last one is back to zero: a linear ramp
  /// to 1 at `fullStrength`, 1 until `plateauEnd`, then a raised-cosine decay to 0 at `end`.
  static func surgeStrength(slotEnd t: Int64, _ surge: PlantedEvents.Surge) -> Double {
    if t <= surge.start { return 0 }
    if t <= surge.fullStrength {
      return Double(t - surge.start) / Double(surge.fullStrength - surge.start)
    }
    if t <= surge.plateauEnd { return 1 }
    if t >= surge.end { return 0 }
    let u = Double(t - surge.plateauEnd) / Double(surge.end - surge.plateauEnd)
    return 0.5 * (1 + cos(Double.pi * u))
  }

  private func time(_ i: Int) -> Int64 { scenario.startEpoch + Int64(i) * step }

  /// Slots whose start lies in `[from, to)`, clipped to the span.
  private func slots(from: Int64, to: Int64) -> Range<Int> {
    func index(_ t: Int64) -> Int {
      let offset = t - scenario.startEpoch
      let ceil = offset <= 0 ? 0 : (offset + step - 1) / step
      return Int(min(ceil, Int64(scenario.slotCount)))
    }
    let lower = index(from)
    return lower..<max(lower, index(to))
  }
}
