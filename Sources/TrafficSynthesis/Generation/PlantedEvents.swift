import TimeSeries

/// The scenario's events resolved to absolute instants inside the span (epoch seconds; every
/// interval half-open). Fixed-date events whose start falls outside the span are dropped.
struct PlantedEvents: Sendable {
  struct Interval: Sendable, Equatable {
    var start: Int64
    var end: Int64
  }

  struct Surge: Sendable, Equatable {
    var start: Int64
    var fullStrength: Int64
    var plateauEnd: Int64
    var end: Int64
  }

  struct FlashSale: Sendable, Equatable {
    var occurrence: FlashSaleOccurrence
    var start: Int64
    var end: Int64
  }

  var flashSales: [FlashSale]
  /// Offsets of the mega-sale dates from the span's first date.
  var megaSaleDays: [Int]
  var surge: Surge?
  var levelShiftStart: Int64?
  var outage: Interval?
  var rebound: Interval?
  var incident: Interval?

  init(_ scenario: TrafficScenario, calendar: SpanCalendar) {
    let offset = scenario.utcOffsetSeconds
    let spanStart = scenario.startEpoch
    let spanEnd = scenario.endEpoch
    let clock = FixedOffsetClock(utcOffsetSeconds: offset)
    func inSpan(_ t: WallTime) -> Int64? {
      let epoch = t.epochSeconds(utcOffsetSeconds: offset)
      return epoch >= spanStart && epoch < spanEnd ? epoch : nil
    }
    func dayOffset(_ epoch: Int64) -> Int { clock.localDay(epoch) - calendar.firstDay }

    megaSaleDays = scenario.megaSales.dates.map { $0.daysSinceEpoch - calendar.firstDay }
      .filter { (0..<scenario.days).contains($0) }.sorted()
    if let spec = scenario.surge, let start = inSpan(spec.start) {
      let full = start + Int64(spec.rampMinutes * 60)
      let plateauEnd = full + Int64(spec.plateauMinutes * 60)
      surge = Surge(
        start: start, fullStrength: full, plateauEnd: plateauEnd,
        end: plateauEnd + Int64(spec.decayMinutes * 60))
    }
    levelShiftStart = scenario.levelShift.flatMap { inSpan($0.start) }
    if let spec = scenario.outage, let start = inSpan(spec.start) {
      let end = start + Int64(spec.durationMinutes * 60)
      outage = Interval(start: start, end: end)
      if spec.reboundMinutes > 0 {
        rebound = Interval(start: end, end: end + Int64(spec.reboundMinutes * 60))
      }
    }
    if let spec = scenario.incident, let start = inSpan(spec.start) {
      incident = Interval(start: start, end: start + Int64(spec.durationMinutes * 60))
    }

    // Days a flash sale (or its control a week earlier) must avoid.
    var blocked = Set(calendar.specialOffsets).union(megaSaleDays)
    func block(_ from: Int64, _ to: Int64) {
      for day in dayOffset(from)...dayOffset(to - 1) { blocked.insert(day) }
    }
    if let surge { block(surge.start, surge.end) }
    if let levelShiftStart {
      let day = dayOffset(levelShiftStart)
      for d in day...(day + 7) { blocked.insert(d) }
    }
    if let outage { block(outage.start, rebound?.end ?? outage.end) }
    if let incident { block(incident.start, incident.end) }

    var rng = Xoshiro256StarStar(seed: scenario.seed, stream: RandomStream.schedule)
    let hours = Int64(scenario.flashSales.hourlyMultiplier.count) * 3600
    flashSales = FlashSaleSchedule.draw(
      scenario.flashSales, days: scenario.days, blocked: blocked, rng: &rng
    ).map { sale in
      let start = clock.midnight(calendar[sale.dayOffset].date) + Int64(sale.startHour) * 3600
      return FlashSale(occurrence: sale, start: start, end: start + hours)
    }
  }
}

/// Independent random streams of one seed.
enum RandomStream {
  /// The flash-sale calendar.
  static let schedule: UInt64 = 1
  /// The count noise.
  static let noise: UInt64 = 2
}
