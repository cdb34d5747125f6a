import Foundation
import Testing
import TimeSeries

@testable import TrafficSynthesis

@Suite("Scenarios, spans and the truth's bookkeeping")
struct ScenarioTests {
  /// One way to break the default scenario, with the field the error must name.
  enum Breakage: String, CaseIterable, Sendable {
    case noDays, tooManyDays, oddStep, impossibleDate, zeroNoiseSize, shortGap, megaHours

    var field: String {
      switch self {
      case .noDays, .tooManyDays: "days"
      case .oddStep: "stepSeconds"
      case .impossibleDate: "start"
      case .zeroNoiseSize: "noise.size"
      case .shortGap: "flashSales"
      case .megaHours: "megaSales.hourlyMultiplier"
      }
    }

    func apply(to s: inout TrafficScenario) {
      switch self {
      case .noDays: s.days = 0
      case .tooManyDays: s.days = 5000
      case .oddStep: s.stepSeconds = 7
      case .impossibleDate: s.start = CivilDate(2025, 2, 30)
      case .zeroNoiseSize: s.noise.size = 0
      case .shortGap: s.flashSales.minGapDays = 3
      case .megaHours: s.megaSales.hourlyMultiplier = [1.5]
      }
    }
  }

  @Test(arguments: Breakage.allCases)
  func invalidScenariosAreRejected(_ breakage: Breakage) {
    var scenario = TrafficScenario.default
    breakage.apply(to: &scenario)
    #expect {
      try scenario.generate()
    } throws: { error in
      guard case .invalidScenario(let field, _) = error as? SynthesisError else { return false }
      return field == breakage.field
    }
  }

  @Test func shortSpanAroundTheSurgeKeepsIt() throws {
    var scenario = TrafficScenario.default
    scenario.start = CivilDate(2025, 7, 10)
    scenario.days = 14
    let traffic = try scenario.generate()
    #expect(traffic.fiveMinute.count == 14 * 288)
    #expect(traffic.hourly.count == 14 * 24)
    #expect(traffic.truth.surge?.start.local == "2025-07-16T10:00:00+09:00")
    #expect(traffic.truth.levelShift?.start.local == "2025-07-17T00:00:00+09:00")
    #expect(traffic.truth.outage == nil && traffic.truth.incident == nil)
    #expect(!traffic.events.contains { $0.kind == .outage })
    #expect(traffic.truth.span.start.local == "2025-07-10T00:00:00+09:00")
  }

  @Test func spanWithoutFixedEventsDropsThem() throws {
    var scenario = TrafficScenario.default
    scenario.start = CivilDate(2023, 1, 1)
    scenario.days = 60
    let traffic = try scenario.generate()
    let truth = traffic.truth
    #expect(truth.surge == nil && truth.levelShift == nil && truth.outage == nil)
    #expect(truth.megaSale.occurrences.isEmpty)
    #expect(traffic.events.allSatisfy { $0.name == "flash_sale" })
    #expect(!traffic.events.isEmpty)
    let json = try JSONSerialization.jsonObject(with: DatasetFiles.render(traffic)[3].contents)
    let object = try #require(json as? [String: Any])
    #expect(object["surge"] == nil && object["outage"] == nil && object["flashSale"] != nil)
    // Seollal 2023 (21–24 January, with a substitute on the 24th) is inside this span.
    #expect(truth.holidays.days.filter { $0.names == ["seollal"] }.count == 4)
  }

  @Test func holidayEffectsFollowTheCalendar() throws {
    let holidays = Fixture.traffic.truth.holidays
    let seollal = holidays.days.filter { $0.names == ["seollal"] }.map(\.date)
    #expect(seollal == ["2025-01-28", "2025-01-29", "2025-01-30"])
    let chuseok = holidays.days.filter { $0.names == ["chuseok"] }
    #expect(chuseok.map(\.date) == ["2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08"])
    #expect(chuseok.last?.substitute == true)
    #expect(chuseok.allSatisfy { abs($0.logEffect - log(0.55)) < 1e-12 })
    // Two names on one date: their log effects add.
    let may5 = try #require(holidays.days.first { $0.date == "2025-05-05" })
    #expect(may5.names == ["buddhas_birthday", "childrens_day"])
    #expect(abs(may5.logEffect - (log(0.85) + log(1.05))) < 1e-12)
    #expect(holidays.preHoliday.dates == ["2025-01-27", "2025-10-04"])
    #expect(holidays.logEffectByName["hangul_day"] == log(0.85))
    #expect(holidays.days.first?.date == "2024-10-01")  // Armed Forces Day 2024 (one-off)
  }

  @Test func flashSalesAvoidSpecialDaysAndTheirControls() {
    let truth = Fixture.traffic.truth
    let special = Set(
      truth.holidays.days.map(\.date) + truth.holidays.preHoliday.dates
        + truth.megaSale.occurrences.map { String($0.start.local.prefix(10)) })
    var previous: Int64?
    for sale in truth.flashSale.occurrences {
      let date = String(sale.start.local.prefix(10))
      let weekBefore = CivilDate(
        daysSinceEpoch: Int((sale.start.epochSeconds + 32_400) / 86_400) - 7
      ).description
      #expect(!special.contains(date) && !special.contains(weekBefore), "\(date)")
      if let previous { #expect(sale.start.epochSeconds - previous >= 10 * 86_400 - 12 * 3600) }
      previous = sale.start.epochSeconds
      let hour = Int(sale.start.local.dropFirst(11).prefix(2))!
      #expect([10, 12, 15, 18, 20].contains(hour))
    }
    #expect((20...40).contains(truth.flashSale.occurrences.count))
  }

  @Test func truthDescribesTheProfilesItGenerated() {
    let truth = Fixture.traffic.truth
    let weekday = truth.dailyProfiles.weekday
    #expect(weekday.peakHour == 21 && weekday.troughHour == 4)
    #expect(truth.dailyProfiles.sundayOrHoliday.peakHour == 22)
    // The shapes are zero-mean on the log scale: the mean of log(multiplier) over the day's
    // slots is 0 to rounding, so the level lives only in the level terms.
    for profile in [weekday, truth.dailyProfiles.saturday, truth.dailyProfiles.sundayOrHoliday] {
      let mean =
        (0..<288).map { profile.harmonics.value(atPhase: Double($0) / 288) }
        .reduce(0, +) / 288
      #expect(abs(mean) < 1e-12)
    }
    let planted: [Double] = [log(2.4), log(1.7), log(1.3), log(1.15)]
    #expect(truth.flashSale.hourlyLogLift == planted)
    #expect(truth.span.slots == 122_688 && truth.span.stepSeconds == 300)
    #expect(truth.noise.family == "negative_binomial")
  }

  @Test func surgeStrengthShape() throws {
    // Ramp evaluated at slot ends: 1/4, 2/4, 3/4, 1 over the first four slots; 1 on the
    // plateau; half way through the decay 0.5; 0 at the end.
    let surge = PlantedEvents.Surge(start: 0, fullStrength: 1200, plateauEnd: 10_800, end: 50_400)
    let strength = { (t: Int64) in DemandModel.surgeStrength(slotEnd: t, surge) }
    #expect([300, 600, 900, 1200].map(strength) == [0.25, 0.5, 0.75, 1])
    #expect(strength(5000) == 1)
    #expect(abs(strength(10_800 + 19_800) - 0.5) < 1e-12)
    #expect(strength(50_400) == 0 && strength(0) == 0)
  }
}
