import Forecasting
import Foundation
import Modeling
import Testing
import TimeSeries

/// The fit recovers the effects planted in the default dataset (`Datasets/truth.json`).
@Suite struct PlantedEffectRecoveryTests {
  let model = DefaultDataset.fullModel
  let truth = DefaultDataset.truth

  /// Mean contribution of `component` over the `hours` hourly slots from `start`.
  func meanComponent(_ component: String, from start: Int64, hours: Int) throws -> Double {
    let (design, _) = try model.design(start: start, count: hours, events: [])
    let values = model.componentContributions(design)[component] ?? []
    return values.reduce(0, +) / Double(max(1, values.count))
  }

  /// Planted: first-hour multiplier 2.4 at scale 1 (truth.flashSale.hourlyMultiplier[0]).
  /// Required: within ±15% (the issue's acceptance), on the multiplier scale.
  @Test func flashSaleFirstHourLift() throws {
    let label = "promotion(flash_sale, +0h)"
    let index = try #require(model.columnLabels.firstIndex(of: label))
    let learned = exp(model.coefficients[index])
    let planted = truth.flashSale.hourlyMultiplier[0]
    #expect(abs(learned / planted - 1) <= 0.15, "learned \(learned), planted \(planted)")
    // The whole 4-hour profile keeps its shape: decreasing after the first hour.
    let profile = (0..<4).compactMap { h in
      model.columnLabels.firstIndex(of: "promotion(flash_sale, +\(h)h)").map {
        model.coefficients[$0]
      }
    }
    #expect(profile.count == 4)
    #expect(zip(profile, profile.dropFirst()).allSatisfy { $0 > $1 })
  }

  /// Planted: Seollal and Chuseok days ×0.55 relative to a Sunday-like day (log −0.598).
  /// Required: the learned holiday effect of each festival day within ±30% on the log scale.
  @Test(arguments: ["seollal", "chuseok"])
  func festivalEffects(_ name: String) throws {
    let days = truth.holidays.days.filter { $0.names == [name] && !$0.substitute }
    #expect(days.count >= 3)
    for day in days {
      let start = try Timestamp.parse(day.date + "T00:00:00+09:00")
      let learned = try meanComponent("holidays", from: start, hours: 24)
      #expect(learned < 0, "\(name) \(day.date) should lower traffic")
      #expect(
        abs(learned / day.logEffect - 1) <= 0.30,
        "\(name) \(day.date): learned \(learned), planted \(day.logEffect)")
    }
  }

  /// Every planted single-name holiday of at least 10% has the right sign. The planted effect
  /// of a day includes the pre-holiday effect when it is also a festival's eve (2025-01-27).
  @Test func holidaySigns() throws {
    let eve = truth.holidays.preHoliday
    for day in truth.holidays.days where day.names.count == 1 {
      let planted = day.logEffect + (eve.dates.contains(day.date) ? eve.logEffect : 0)
      guard abs(planted) >= 0.1 else { continue }
      let start = try Timestamp.parse(day.date + "T00:00:00+09:00")
      let learned = try meanComponent("holidays", from: start, hours: 24)
      #expect(learned * planted > 0, "\(day.date) \(day.names): learned \(learned)")
    }
  }

  /// Planted: ×1.2 level shift from 2025-07-17 (log 0.182). The trend two weeks after, minus
  /// two weeks before, minus four weeks of planted growth, is the shift: within ±30%.
  @Test func levelShiftAfterTheSurge() throws {
    let shift = try #require(truth.levelShift)
    let before = try meanComponent(
      "trend", from: shift.start.epochSeconds - 21 * 86_400, hours: 7 * 24)
    let after = try meanComponent(
      "trend", from: shift.start.epochSeconds + 14 * 86_400, hours: 7 * 24)
    let growth = truth.level.growthLogPerYear * 35 / truth.level.yearDays
    let learned = after - before - growth
    #expect(abs(learned / shift.logLift - 1) <= 0.30, "learned \(learned)")
  }

  /// The outage hours are not fitted: observed counts there are 3% of demand, the model's
  /// structural prediction stays at normal demand (above 10× the observed).
  @Test func outageIsExcluded() throws {
    let outage = try #require(truth.outage)
    #expect(model.diagnostics.rowsInOutages == 2)
    let (design, _) = try model.design(start: outage.start.epochSeconds, count: 2, events: [])
    let predicted = model.structuralPrediction(design).map(model.transform.inverse)
    let series = DefaultDataset.hourly
    let first = Int((outage.start.epochSeconds - series.start) / series.step)
    for k in 0..<2 {
      #expect(predicted[k] > 10 * series.values[first + k], "hour \(k): \(predicted[k])")
    }
  }

  /// Same data and spec: byte-identical model files.
  @Test func refitIsByteIdentical() throws {
    let again = try DefaultDataset.spec.fit(DefaultDataset.hourly, events: DefaultDataset.events)
    #expect(try ModelFile.encode(again) == ModelFile.encode(model))
  }

  /// A written model reads back equal, and a file of another schema version is refused.
  @Test func modelFileRoundTripAndVersionCheck() throws {
    let data = try ModelFile.encode(model)
    #expect(try ModelFile.decode(data, file: "m.json") == model)
    var text = String(decoding: data, as: UTF8.self)
    text = text.replacingOccurrences(of: "\"schemaVersion\" : \(FittedModel.currentSchemaVersion)", with: "\"schemaVersion\" : 99")
    #expect(throws: ModelingError.unsupportedSchema(found: 99, supported: FittedModel.currentSchemaVersion)) {
      try ModelFile.decode(Data(text.utf8), file: "m.json")
    }
  }

  /// A hand-edited seasonal order far beyond any fit's is refused by name, at once, rather
  /// than listing a billion columns.
  @Test func absurdSeasonalOrdersAreRefused() throws {
    var edited = model
    let weekly = try #require(edited.layout.seasonalities.firstIndex { $0.name == "weekly" })
    edited.layout.seasonalities[weekly].yearlyModulation = 1_000_000_000
    let text = String(decoding: try ModelFile.encode(edited), as: UTF8.self)
    #expect(text.contains("\"yearlyModulation\" : 1000000000"))
    do {
      _ = try ModelFile.decode(Data(text.utf8), file: "m.json")
      Issue.record("an absurd modulation order was accepted")
    } catch let error as DataError {
      #expect(error.description.contains("layout.seasonalities"), "\(error)")
      #expect(error.description.contains("yearly modulation 1000000000"), "\(error)")
    }
  }
}
