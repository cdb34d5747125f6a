import TimeSeries

extension TrafficScenario {
  /// The longest span accepted: ten years of 5-minute slots is ~1 M rows, already far more
  /// than a demo needs.
  public static let maximumDays = 3660

  /// Checks that the scenario can be generated; user mistakes (a bad `--days`) land here.
  public func validate() throws(SynthesisError) {
    func fail(_ field: String, _ message: String) -> SynthesisError {
      .invalidScenario(field: field, message: message)
    }
    guard (1...Self.maximumDays).contains(days) else {
      throw fail("days", "must be between 1 and \(Self.maximumDays), got \(days)")
    }
    guard stepSeconds > 0, 3600 % stepSeconds == 0 else {
      throw fail("stepSeconds", "must divide 3600, got \(stepSeconds)")
    }
    guard abs(utcOffsetSeconds) <= 14 * 3600, utcOffsetSeconds % 60 == 0 else {
      throw fail("utcOffsetSeconds", "must be whole minutes within ±14 h")
    }
    guard (1...12).contains(start.month), (1...31).contains(start.day),
      CivilDate(daysSinceEpoch: start.daysSinceEpoch) == start
    else { throw fail("start", "\(start) is not a calendar date") }
    guard level.baseLevel > 0, level.growthPerYear > 0 else {
      throw fail("level", "base level and growth must be positive")
    }
    guard seasonality.dayOfWeekLogLevel.count == 7 else {
      throw fail("seasonality.dayOfWeekLogLevel", "needs 7 values, Monday first")
    }
    guard holidays.defaultMultiplier > 0, holidays.preHolidayMultiplier > 0,
      holidays.multiplierByName.values.allSatisfy({ $0 > 0 })
    else { throw fail("holidays", "multipliers must be positive") }
    try validateEvents()
    guard noise.size > 0, noise.size.isFinite else {
      throw fail("noise.size", "must be positive and finite")
    }
  }

  private func validateEvents() throws(SynthesisError) {
    func fail(_ field: String, _ message: String) -> SynthesisError {
      .invalidScenario(field: field, message: message)
    }
    let flash = flashSales
    guard !flash.hourlyMultiplier.isEmpty, flash.hourlyMultiplier.count <= 24,
      flash.hourlyMultiplier.allSatisfy({ $0 > 0 }), flash.preSaleMultiplier > 0
    else { throw fail("flashSales.hourlyMultiplier", "needs 1–24 positive values") }
    guard !flash.scales.isEmpty, flash.scales.allSatisfy({ $0 > 0 }) else {
      throw fail("flashSales.scales", "needs at least one positive scale")
    }
    guard flash.minGapDays >= 8, flash.maxGapDays >= flash.minGapDays else {
      throw fail("flashSales", "gap must be at least 8 days so that a week earlier is clean")
    }
    let lastStart = 24 - flash.hourlyMultiplier.count
    guard !flash.startHours.isEmpty,
      flash.startHours.allSatisfy({ (1...lastStart).contains($0.hour) && $0.weight > 0 })
    else {
      throw fail("flashSales.startHours", "hours must be in 1...\(lastStart) with positive weights")
    }
    guard megaSales.hourlyMultiplier.count == 24,
      megaSales.hourlyMultiplier.allSatisfy({ $0 > 0 })
    else { throw fail("megaSales.hourlyMultiplier", "needs 24 positive values") }
    if let surge {
      guard surge.peakMultiplier > 0, surge.rampMinutes > 0, surge.plateauMinutes >= 0,
        surge.decayMinutes > 0,
        [surge.rampMinutes, surge.plateauMinutes, surge.decayMinutes].allSatisfy({
          ($0 * 60) % stepSeconds == 0
        })
      else { throw fail("surge", "durations must be positive whole steps") }
    }
    if let levelShift, levelShift.multiplier <= 0 {
      throw fail("levelShift.multiplier", "must be positive")
    }
    if let outage {
      guard outage.durationMinutes > 0, outage.reboundMinutes >= 0,
        outage.observedFraction >= 0, outage.reboundMultiplier > 0
      else { throw fail("outage", "durations and fractions must be positive") }
    }
    if let incident, incident.durationMinutes <= 0 || incident.multiplier <= 0 {
      throw fail("incident", "duration and multiplier must be positive")
    }
  }
}
