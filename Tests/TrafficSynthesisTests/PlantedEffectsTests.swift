import Foundation
import Testing
import TimeSeries

@testable import TrafficSynthesis

/// Each planted effect, measured on the generated counts without any model: the counts must
/// show what `truth.json` says. Expected values are the planted parameters (closed form);
/// tolerances are several standard errors of the measurement, stated per test.
@Suite("Planted effects are visible in the default data set")
struct PlantedEffectsTests {
  let traffic = Fixture.traffic
  var truth: GroundTruth { traffic.truth }
  var counts: [Double] { traffic.fiveMinute.values }
  let day = Fixture.slotsPerDay
  let hour = Fixture.slotsPerHour

  /// Log ratio of the counts in `length` slots from `start` to the same slots `weeks` earlier.
  func logRatioToWeekBefore(_ start: Int, length: Int, weeks: Int = 1) -> Double {
    let before = start - weeks * 7 * day
    return log(Fixture.sum(start..<(start + length)) / Fixture.sum(before..<(before + length)))
  }

  /// Least-squares slope through the origin of log ratios on scales, hour `h` after the start.
  func flashSaleSlope(hourOffset h: Int) -> Double {
    var sxy = 0.0
    var sxx = 0.0
    for sale in truth.flashSale.occurrences {
      let start = Fixture.slot(sale.start.epochSeconds) + h * hour
      sxy += sale.scale * logRatioToWeekBefore(start, length: hour)
      sxx += sale.scale * sale.scale
    }
    return sxy / sxx
  }

  @Test func flashSaleHourlyLiftMatchesProfile() {
    // Per sale, the hour's count vs the same hour a week earlier (a plain day by construction
    // of the schedule). An hourly sum has a relative sd of ≈ 2.5–3% at these levels, so a
    // ratio ≈ 4%, and the slope over 26 sales (Σ scale² ≈ 48) has sd ≈ 0.006; a week of
    // growth and yearly drift adds at most ±0.01. Tolerance 0.035 on the log scale.
    let planted = truth.flashSale.hourlyLogLift
    for h in planted.indices {
      let slope = flashSaleSlope(hourOffset: h)
      let error = abs(slope - planted[h])
      #expect(error < 0.035, "hour \(h): measured \(slope), planted \(planted[h])")
    }
    let pre = flashSaleSlope(hourOffset: -1)
    #expect(abs(pre - truth.flashSale.preSaleLogLift) < 0.035, "pre-sale hour: \(pre)")
  }

  @Test func flashSaleLiftScalesWithScale() {
    // Scale 2 should give 2.4² = 5.76 in the first hour, scale 0.5 √2.4 = 1.55 (geometric
    // mean over the 6–7 sales of each scale; tolerance 8% ≈ 4 sd).
    let lift = truth.flashSale.hourlyLogLift[0]
    for scale in truth.flashSale.scales {
      let sales = truth.flashSale.occurrences.filter { $0.scale == scale }
      #expect(sales.count >= 5, "scale \(scale) has \(sales.count) sales")
      let mean =
        sales.map { logRatioToWeekBefore(Fixture.slot($0.start.epochSeconds), length: hour) }
        .reduce(0, +) / Double(sales.count)
      let error = abs(mean - scale * lift)
      #expect(error < 0.08, "scale \(scale): \(exp(mean)) vs \(exp(scale * lift))")
    }
  }

  /// Sum of a daily shape's hourly multipliers: the relative size of a day of that kind.
  func dayWeight(_ profile: DailyProfileTruth) -> Double {
    profile.hourlyMultiplier.reduce(0, +)
  }

  @Test func seollalDaysAreLowerThanTheSameWeekdaysAround() throws {
    // A Seollal day has the Sunday shape and ×0.55; the same weekday two and three weeks
    // away is a plain weekday. Expected daily ratio = 0.55 × (Sunday-shape weight ÷ weekday
    // weight); daily totals have sd ≈ 1%, growth and yearly drift over three weeks ≈ ±3%.
    let seollal = truth.holidays.days.filter { $0.names == ["seollal"] }
    #expect(seollal.count == 3)
    let shapeRatio =
      dayWeight(truth.dailyProfiles.sundayOrHoliday) / dayWeight(truth.dailyProfiles.weekday)
    for holiday in seollal {
      let date = try #require(parse(holiday.date))
      let offset = date.daysSinceEpoch - truth.scenario.start.daysSinceEpoch
      let total = Fixture.sum((offset * day)..<((offset + 1) * day))
      let around = [-21, -14, 14, 21].map { weeks in
        Fixture.sum(((offset + weeks) * day)..<((offset + weeks + 1) * day))
      }
      let ratio = total / (around.reduce(0, +) / Double(around.count))
      let expected = exp(holiday.logEffect) * shapeRatio
      #expect(ratio < 0.7, "\(holiday.date): \(ratio)")
      #expect(abs(ratio / expected - 1) < 0.08, "\(holiday.date): \(ratio) vs \(expected)")
    }
  }

  @Test func outageSlotsShowAFewPercentOfDemand() throws {
    // ≈ 24 slots at ≈ 7 counts each: a total near 180 ± 14 (Poisson-like at this mean).
    let outage = try #require(truth.outage)
    let range = Fixture.slot(outage.start.epochSeconds)..<Fixture.slot(outage.end.epochSeconds)
    #expect(range.count == 24)
    let demand = traffic.demand[range].reduce(0, +)
    let fraction = Fixture.sum(range) / demand
    #expect(abs(fraction - outage.observedFraction) < 0.01, "observed/demand \(fraction)")
    // Model-free: against the same slots a week earlier.
    let weekRatio = exp(logRatioToWeekBefore(range.lowerBound, length: range.count))
    #expect(weekRatio > 0.015 && weekRatio < 0.05, "vs a week earlier: \(weekRatio)")
    let rebound = try #require(outage.rebound)
    let reboundRange =
      Fixture.slot(rebound.start.epochSeconds)..<Fixture.slot(rebound.end.epochSeconds)
    let reboundRatio = exp(logRatioToWeekBefore(reboundRange.lowerBound, length: 6))
    #expect(reboundRatio > 1.2, "rebound vs a week earlier: \(reboundRatio)")
  }

  @Test func surgeStartsWhereCountsJump() throws {
    // Baseline: the mean of the same slot on the three previous Wednesdays that are plain
    // (06-18 is a mega sale). The jump is the first slot from 08:00 that opens three slots in
    // a row above 1.25 × baseline (one slot's noise is ≈ 9%, so three in a row by chance is
    // negligible); the planted ramp gives ×1.41, ×2, ×2.83 in the first three slots, so the
    // jump is found at the start or, rarely, one slot later.
    let surge = try #require(truth.surge)
    let start = Fixture.slot(surge.start.epochSeconds)
    let dayStart = start - start % day
    let previous = [7, 14, 21, 28, 35].map { dayStart - $0 * day }.filter { base in
      !truth.megaSale.occurrences.contains { Fixture.slot($0.start.epochSeconds) == base }
    }.prefix(3)
    #expect(previous.count == 3)
    func baseline(_ slot: Int) -> Double {
      previous.map { counts[$0 + slot - dayStart] }.reduce(0, +) / Double(previous.count)
    }
    let jump = (dayStart + 8 * hour..<dayStart + 20 * hour).first { i in
      (i..<(i + 3)).allSatisfy { counts[$0] > 1.25 * baseline($0) }
    }
    let found = try #require(jump)
    #expect(abs(found - start) <= 1, "jump at slot \(found - dayStart), truth \(start - dayStart)")

    // At full strength the ratio is the planted peak (×4): 32 slots, tolerance 10%.
    let plateau =
      Fixture.slot(surge.fullStrength.epochSeconds)..<Fixture.slot(surge.plateauEnd.epochSeconds)
    let ratio = Fixture.sum(plateau) / plateau.map(baseline).reduce(0, +)
    #expect(abs(ratio / surge.peakMultiplier - 1) < 0.1, "plateau ratio \(ratio)")
    // The surge is not an event: forecasters must not be told about it.
    let onset = surge.start.epochSeconds
    let announced = traffic.events.contains { $0.contains(onset) }
    #expect(!announced)
  }

  @Test func levelShiftRaisesTheLevelAfterTheSurge() throws {
    // Mean daily totals over four weeks before the surge and four weeks from a week after the
    // shift, plain days only. Expected: the shift × the trend over the gap × the change of the
    // yearly term between the windows (both from truth.json). Daily totals have sd ≈ 1% and
    // the window means ≈ 0.3%, but the day-of-week mix differs slightly once special days are
    // dropped: tolerance 4%.
    let shift = try #require(truth.levelShift)
    let surge = try #require(truth.surge)
    let surgeDay = Fixture.slot(surge.start.epochSeconds) / day
    let shiftDay = Fixture.slot(shift.start.epochSeconds) / day
    let before = Array((surgeDay - 28)..<surgeDay)
    let after = Array((shiftDay + 8)..<(shiftDay + 36))
    func plainMean(_ days: [Int]) -> (total: Double, day: Double, yearly: Double) {
      let plain = days.filter { isPlain($0) }
      let total = plain.map { Fixture.sum(($0 * day)..<(($0 + 1) * day)) }.reduce(0, +)
      let yearly = plain.map { offset -> Double in
        let localDays = Double(truth.scenario.start.daysSinceEpoch + offset) + 0.5
        return truth.yearly.harmonics.value(atPhase: localDays / truth.yearly.periodDays)
      }.reduce(0, +)
      let n = Double(plain.count)
      return (total / n, Double(plain.reduce(0, +)) / n, yearly / n)
    }
    let a = plainMean(before)
    let b = plainMean(after)
    let expected =
      shift.multiplier * exp(truth.level.growthLogPerYear * (b.day - a.day) / 365.25)
      * exp(b.yearly - a.yearly)
    let ratio = b.total / a.total
    #expect(abs(ratio / expected - 1) < 0.04, "ratio \(ratio), expected \(expected)")
  }

  @Test func megaSaleAndIncidentLifts() throws {
    // A mega-sale weekday against the same weekday a week earlier: the planted hourly
    // multipliers weighted by the weekday shape (daily total sd ≈ 1%; tolerance 5%).
    let weekday = truth.dailyProfiles.weekday.hourlyMultiplier
    let weighted = zip(weekday, truth.megaSale.hourlyMultiplier).map { $0 * $1 }.reduce(0, +)
    let expected = weighted / weekday.reduce(0, +)
    for sale in truth.megaSale.occurrences {
      let ratio = exp(logRatioToWeekBefore(Fixture.slot(sale.start.epochSeconds), length: day))
      #expect(abs(ratio / expected - 1) < 0.05, "\(sale.start.local): \(ratio) vs \(expected)")
    }
    // The bot attack triples demand for three night hours (sum of ≈ 36 slots at ≈ 250:
    // ratio sd ≈ 3%; tolerance 10%).
    let incident = try #require(truth.incident)
    let range =
      Fixture.slot(incident.start.epochSeconds)..<Fixture.slot(incident.end.epochSeconds)
    let ratio = exp(logRatioToWeekBefore(range.lowerBound, length: range.count))
    #expect(abs(ratio / incident.multiplier - 1) < 0.1, "incident ratio \(ratio)")
  }

  @Test func dailyShapesDifferByKindOfDay() {
    // Plain weekdays peak at 21:00 and have a lunch bump; Sundays peak later (22:00). Mean
    // hourly totals over every plain day of the kind: noise is negligible after averaging.
    func meanProfile(_ kind: Int) -> [Double] {
      let days = (0..<truth.span.days).filter { offset in
        let weekday = truth.scenario.start.adding(days: offset).isoWeekday
        return isPlain(offset) && (kind == 7 ? weekday == 7 : weekday <= 5)
      }
      return (0..<24).map { h in
        days.map { Fixture.sum(($0 * day + h * hour)..<($0 * day + (h + 1) * hour)) }
          .reduce(0, +) / Double(days.count)
      }
    }
    let weekdays = meanProfile(1)
    let sundays = meanProfile(7)
    #expect(weekdays.indices.max { weekdays[$0] < weekdays[$1] } == 21)
    #expect(sundays.indices.max { sundays[$0] < sundays[$1] } == 22)
    #expect(weekdays[12] > weekdays[15], "weekday lunch peak")
    #expect(sundays[8] / sundays[21] < weekdays[8] / weekdays[21], "later weekend morning")
  }

  @Test func countsAreOverdispersed() {
    // Within 15:00–16:00 on plain weekdays demand is nearly flat (the shape moves < 1% over
    // the hour), so the sample variance of the 12 counts over their mean estimates
    // 1 + μ/size ≈ 8 here; Poisson noise would give 1.
    var ratios: [Double] = []
    for offset in 0..<truth.span.days where isPlain(offset) {
      guard truth.scenario.start.adding(days: offset).isoWeekday <= 5 else { continue }
      let slots = (offset * day + 15 * hour)..<(offset * day + 16 * hour)
      let xs = slots.map { counts[$0] }
      let mean = xs.reduce(0, +) / Double(xs.count)
      let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)
      ratios.append(variance / mean)
    }
    let average = ratios.reduce(0, +) / Double(ratios.count)
    #expect(ratios.count > 200)
    #expect(average > 4, "variance/mean \(average)")
  }

  /// Whether the day at `offset` carries no holiday, eve, promotion, outage, incident, surge.
  func isPlain(_ offset: Int) -> Bool {
    let date = truth.scenario.start.adding(days: offset).description
    if truth.holidays.days.contains(where: { $0.date == date })
      || truth.holidays.preHoliday.dates.contains(date)
    {
      return false
    }
    let from = Int64(offset * day) * 300 + truth.span.start.epochSeconds
    let to = from + 86_400
    let busy =
      traffic.events.map { ($0.start, $0.end) }
      + [truth.surge.map { ($0.start.epochSeconds, $0.end.epochSeconds) }].compactMap { $0 }
      + [truth.outage?.rebound.map { ($0.start.epochSeconds, $0.end.epochSeconds) }]
      .compactMap { $0 }
    // A flash sale's pre-sale hour lies the hour before its start.
    return !busy.contains { $0.0 - 3600 < to && from < $0.1 }
  }

  func parse(_ text: String) -> CivilDate? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    return parts.count == 3 ? CivilDate(parts[0], parts[1], parts[2]) : nil
  }
}
