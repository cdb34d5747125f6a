import Forecasting
import Foundation
import Modeling
import PropertyBased
import TestSupport
import Testing
import TimeSeries

/// Invariants of every forecast, over drawn traffic shapes (level, daily swing, noise, zeros,
/// gaps, a burst) rather than the one default dataset the behaviour tests use.
@Suite struct ForecastProperties {
  /// Hourly traffic from drawn parameters; `zeroRate` of the hours are zero (quiet services),
  /// `gapRate` missing, and one day may carry a ×`burst` surge.
  static func traffic(
    seed: Int, days: Int, level: Double, swing: Double, noise: Double, zeroRate: Double,
    gapRate: Double, burst: Double
  ) -> Series {
    var rng = SplitMix64(seed: UInt64(seed))
    let burstDay = Int(rng.next() % UInt64(days))
    let values = (0..<(days * 24)).map { hour -> Double in
      if rng.uniform() < gapRate { return .nan }
      if rng.uniform() < zeroRate { return 0 }
      let daily = 1 + swing * sin(2 * Double.pi * Double(hour % 24) / 24)
      let surge = hour / 24 == burstDay ? burst : 1
      return max(0, (level * daily * surge * (1 + noise * rng.normal())).rounded())
    }
    return Series(
      name: "drawn", start: 1_735_657_200, step: 3_600, values: values, timeZone: "Asia/Seoul")
  }

  @Test func forecastsAreFiniteNonNegativeAndOrdered() async throws {
    let shape = zip(
      Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 15...40), Gen.double(in: 0.5...50_000),
      Gen.double(in: 0...0.95), Gen.double(in: 0...0.6), Gen.double(in: 0...0.5),
      Gen.double(in: 0...0.2), Gen.double(in: 1...8))
    await propertyCheck(count: 25, input: shape, Gen.int(in: 1...200)) { shape, horizon in
      let (seed, days, level, swing, noise, zeroRate, gapRate, burst) = shape
      let series = Self.traffic(
        seed: seed, days: days, level: level, swing: swing, noise: noise, zeroRate: zeroRate,
        gapRate: gapRate, burst: burst)
      let model = try ModelSpec().fit(series)
      let levels = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]
      let forecast = try model.forecast(ForecastRequest(horizon: horizon, quantiles: levels))
      #expect(forecast.count == horizon)
      #expect(forecast.mean.allSatisfy { $0.isFinite && $0 >= 0 }, "\(forecast.mean)")
      #expect(forecast.quantiles.map(\.level) == levels)
      for quantile in forecast.quantiles {
        #expect(quantile.values.count == horizon)
        #expect(quantile.values.allSatisfy { $0.isFinite && $0 >= 0 }, "p\(quantile.level)")
      }
      for (lower, upper) in zip(forecast.quantiles, forecast.quantiles.dropFirst()) {
        let crossings = zip(lower.values, upper.values).filter { $0 > $1 }
        #expect(crossings.isEmpty, "p\(lower.level) above p\(upper.level): \(crossings.prefix(3))")
      }
    }
  }
}
