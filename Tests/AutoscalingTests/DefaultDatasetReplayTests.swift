import Foundation
import Modeling
import TestSupport
import TimeSeries
import Testing

@testable import Autoscaling

/// A small but real replay on the default dataset: the model refitted with `ModelSpec.fit`,
/// forecasts with only the past. (The 8-week comparison is in the README and the benchmark.)
@Suite("replay on the default dataset")
struct DefaultDatasetReplayTests {
  static let timeZone = DefaultData.timeZone

  static func load() throws -> (Series, [Event]) {
    (DefaultData.hourly, DefaultData.events)
  }

  static func slot(_ text: String, in series: Series) throws -> Int {
    let clock = try LocalClock(identifier: timeZone)
    return Int((try Timestamp.parse(text, clock: clock) - series.start) / series.step)
  }

  static var spec: ModelSpec {
    var spec = ModelSpec()
    spec.holidays = "KR"
    return spec
  }

  /// 1800 requests per hour per replica (the README's choice for the default data).
  static let policy = ScalingPolicy(capacityPerStep: 1800)

  /// Two days around the planned flash sale of 2025-11-20 12:00 (scale 2, about ×5.8 in its
  /// first hour): the forecast knows it from the events file, the reactive controller cannot.
  @Test func predictiveIsReadyForAPlannedFlashSale() throws {
    let (series, events) = try Self.load()
    let first = try Self.slot("2025-11-19T00:00", in: series)
    let sale = try Self.slot("2025-11-20T12:00", in: series)
    var forecaster = RefittingForecaster(
      actual: series, events: events, spec: Self.spec, hasCalendar: true,
      refitEverySeconds: 86_400, quantile: Self.policy.quantile)
    let result = try Simulation(policy: Self.policy).run(
      actual: series, first: first, end: first + 48, forecaster: &forecaster)
    #expect(result.fits == 2)
    let k = sale - first
    let demand = result.demand[k]
    #expect(result.reactive.ready[k] * Self.policy.capacityPerStep < demand)
    #expect(result.predictive.ready[k] * Self.policy.capacityPerStep >= demand)
    #expect(result.predictive.overloadIntervals < result.reactive.overloadIntervals)
  }

  /// The forecaster must not see the future: changing every value from slot j on leaves its
  /// demand at decisions up to j unchanged.
  @Test func forecastsUseOnlyThePast() throws {
    let (series, events) = try Self.load()
    let j = try Self.slot("2025-11-10T12:00", in: series)
    var tampered = series
    for i in j..<tampered.count { tampered.values[i] *= 3 }
    func forecaster(_ actual: Series) -> RefittingForecaster {
      RefittingForecaster(
        actual: actual, events: events, spec: Self.spec, hasCalendar: true,
        refitEverySeconds: 86_400, quantile: 0.95)
    }
    var honest = forecaster(series)
    var changed = forecaster(tampered)
    for k in (j - 2)...j {
      #expect(try honest.demand(at: k, horizon: 4) == changed.demand(at: k, horizon: 4))
    }
    // …and it does learn from the values once they are past: after the next daily refit
    // (the model may carry no short-term correction, so between refits it need not react).
    let refit = j - 2 + 24
    #expect(try honest.demand(at: refit, horizon: 4) != changed.demand(at: refit, horizon: 4))
    #expect(honest.fits == 2 && changed.fits == 2)
  }
}
