import Forecasting
import Foundation
import Modeling
import Testing
import TimeSeries

/// Forecasts on the default dataset, checked against what actually happened after the cut.
@Suite struct ForecastBehaviourTests {
  let series = DefaultDataset.hourly

  func actuals(from start: Int64, count: Int) -> [Double] {
    let first = Int((start - series.start) / series.step)
    return Array(series.values[first..<(first + count)])
  }

  /// A planned flash sale is forecast with its learned profile: the peak of the sale day
  /// falls in the sale's first hour and its size is within ±20% of what happened.
  @Test func plannedFlashSalePeak() throws {
    let sale = try #require(
      DefaultDataset.events.last { $0.name == "flash_sale" && $0.scale >= 1 })
    // Cut at local midnight of the sale day.
    let cut = sale.start - (sale.start + 32_400) % 86_400
    let model = try DefaultDataset.spec.fit(
      DefaultDataset.hourly(before: cut), events: DefaultDataset.events.filter { $0.end <= cut })
    let forecast = try model.forecast(
      ForecastRequest(horizon: 24, plannedEvents: [sale], quantiles: [0.5]))
    let peak = try #require(forecast.mean.indices.max { forecast.mean[$0] < forecast.mean[$1] })
    #expect(forecast.times[peak] == sale.start)
    let actual = actuals(from: cut, count: 24)
    let actualPeak = try #require(actual.max())
    #expect(abs(forecast.mean[peak] / actualPeak - 1) <= 0.20,
            "forecast \(forecast.mean[peak]), actual \(actualPeak)")
  }

  /// Without the planned event the same day has no spike: the lift comes from the calendar.
  @Test func unknownEventIsRefusedUnlessLifted() throws {
    let model = DefaultDataset.fullModel
    let start = model.training.end + 20 * 3_600
    let unknown = Event(name: "black_friday", kind: .promotion, start: start, end: start + 7_200)
    #expect(throws: ModelingError.self) {
      try model.forecast(ForecastRequest(horizon: 48, plannedEvents: [unknown]))
    }
    var lifted = unknown
    lifted.lift = 1.5
    let withLift = try model.forecast(ForecastRequest(horizon: 48, plannedEvents: [lifted]))
    let plain = try model.forecast(ForecastRequest(horizon: 48))
    #expect(abs(withLift.mean[20] / plain.mean[20] - 1.5) < 1e-9)
    #expect(withLift.mean[30] == plain.mean[30])
  }

  /// The unplanned refund surge (×4 for hours, absent from the calendar) does not leak into
  /// the forecast of the week after it: every hour within ±35% of the actual traffic.
  @Test func surgeDoesNotLeak() throws {
    let surge = try #require(DefaultDataset.truth.surge)
    let cut = surge.end.epochSeconds + 4 * 86_400
    let model = try DefaultDataset.spec.fit(
      DefaultDataset.hourly(before: cut), events: DefaultDataset.events.filter { $0.end <= cut })
    let forecast = try model.forecast(ForecastRequest(horizon: 7 * 24, quantiles: [0.5]))
    let actual = actuals(from: cut, count: 7 * 24)
    let worst = zip(forecast.mean, actual).map { abs($0 / $1 - 1) }.max() ?? 0
    #expect(worst < 0.35, "worst hourly relative error \(worst)")
  }

  /// The 80% and 95% intervals over the last four weeks, hour by hour: coverage within five
  /// points of nominal (the acceptance).
  @Test func intervalCoverageLastFourWeeks() throws {
    let hours = 28 * 24
    let cut = series.end - Int64(hours) * series.step
    let model = try DefaultDataset.spec.fit(
      DefaultDataset.hourly(before: cut), events: DefaultDataset.events.filter { $0.end <= cut })
    let planned = DefaultDataset.events.filter { $0.start >= cut }
    var inside80 = 0
    var inside95 = 0
    // Four weekly forecasts, each from the actuals before it, as a planner would run them.
    for week in 0..<4 {
      let origin = cut + Int64(week * 7 * 24) * series.step
      let recent = DefaultDataset.hourly(before: origin)
      let forecast = try model.forecast(
        ForecastRequest(
          horizon: 7 * 24, recent: recent, plannedEvents: planned,
          quantiles: [0.025, 0.1, 0.9, 0.975]))
      let actual = actuals(from: origin, count: 7 * 24)
      for h in 0..<actual.count {
        let y = actual[h]
        if y >= forecast.quantiles[1].values[h] && y <= forecast.quantiles[2].values[h] {
          inside80 += 1
        }
        if y >= forecast.quantiles[0].values[h] && y <= forecast.quantiles[3].values[h] {
          inside95 += 1
        }
      }
    }
    let c80 = Double(inside80) / Double(hours)
    let c95 = Double(inside95) / Double(hours)
    #expect(abs(c80 - 0.80) <= 0.05, "80% coverage \(c80)")
    #expect(abs(c95 - 0.95) <= 0.05, "95% coverage \(c95)")
  }

  /// Intervals are ordered and the expected count sits inside the central band.
  @Test func quantilesAreOrdered() throws {
    let forecast = try DefaultDataset.fullModel.forecast(
      ForecastRequest(horizon: 7 * 24, quantiles: [0.05, 0.25, 0.5, 0.75, 0.95]))
    for h in 0..<forecast.count {
      let values = forecast.quantiles.map { $0.values[h] }
      #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
      #expect(forecast.mean[h] >= values[0] && forecast.mean[h] <= values[4])
      #expect(forecast.mean[h].isFinite && forecast.mean[h] >= 0)
    }
  }
}
