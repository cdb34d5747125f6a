import Testing
import TimeSeries

@testable import Forecasting

/// Nothing after an origin may reach the forecast made at that origin: not the values, not
/// any automatic choice of the fit, not the interval calibration, not unplanned events.
@Suite struct BacktestLeakageTests {
  /// Poison every value from origin k on (×1000 and missing slots): the forecasts of origins
  /// 0…k — centre and every quantile — are bit-identical to those of the clean series.
  @Test func valuesAfterTheOriginNeverReachTheFit() throws {
    let plan = BacktestFixtures.plan(horizon: 24, origins: 3)
    let clean = BacktestFixtures.noisyTraffic("s", count: 700, seed: 11)
    let reference = try plan.run(clean)
    let origins = try plan.originIndices(series: "s", count: clean.count)
    for (k, cut) in origins.enumerated() {
      var poisoned = clean
      for t in cut..<clean.count {
        poisoned.values[t] = t % 5 == 0 ? .nan : clean.values[t] * 1000
      }
      let backtest = try plan.run(poisoned)
      for j in 0...k {
        #expect(backtest.windows[j].forecast == reference.windows[j].forecast, "origin \(j), cut \(k)")
        #expect(
          backtest.windows[j].baselineForecasts == reference.windows[j].baselineForecasts)
      }
      // And the poison is really there: the window at the cut scores differently.
      #expect(backtest.windows[k].accuracy.mae != reference.windows[k].accuracy.mae)
    }
  }

  /// An incident after the origin is hidden from the fit; planned promotions are passed to the
  /// forecast only when the model has learned them (or they carry a lift).
  @Test func eventsAreSplitByWhatIsKnownAtTheOrigin() throws {
    let origin: Int64 = 1_000
    let early = Event(name: "old", kind: .incident, start: 10, end: 20)
    let late = Event(name: "surge", kind: .incident, start: 1_100, end: 1_200)
    let straddling = Event(name: "sale", kind: .promotion, start: 900, end: 1_100)
    #expect(
      EventVisibility.forFit([early, late, straddling], origin: origin).map(\.name)
        == ["old", "sale"])

    let series = BacktestFixtures.noisyTraffic("s", count: 600, seed: 5)
    let model = try BacktestFixtures.plan().spec.fit(series, hasCalendar: false)
    let lifted = Event(
      name: "new_sale", kind: .promotion, start: series.end, end: series.end + 3_600, lift: 2)
    let unknown = Event(
      name: "mystery", kind: .promotion, start: series.end, end: series.end + 3_600)
    let incident = Event(
      name: "outage", kind: .outage, start: series.end, end: series.end + 3_600)
    let planned = EventVisibility.planned(
      [lifted, unknown, incident], model: model, start: series.end, end: series.end + 86_400)
    #expect(planned.map(\.name) == ["new_sale"])
  }
}
