import Forecasting
import Foundation
import Modeling
import PropertyBased
import TestSupport
import Testing
import TimeSeries

/// A backtest never reads past its origin: over drawn series, horizons, origin counts, cut
/// points and kinds of poison, every window whose origin is at or before the cut forecasts
/// exactly what it forecasts on the clean series. (BacktestLeakageTests checks cuts at the
/// origins of one fixed series; this draws the cut anywhere.)
@Suite struct BacktestProperties {
  @Test func backtestNeverReadsPastItsOrigin() async throws {
    let shape = zip(
      Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 14...20), Gen.double(in: 5...5_000),
      Gen.double(in: 0...0.9), Gen.double(in: 0...0.4))
    let plan = zip(Gen.int(in: 2...24), Gen.int(in: 1...3), Gen.double(in: 0...1))
    let poison = zip(Gen.double(in: 0...1_000), Gen.double(in: 0...0.5))
    await propertyCheck(count: 8, input: shape, plan, poison) { shape, plan, poison in
      let (seed, days, level, swing, noise) = shape
      let (horizon, origins, cutFraction) = plan
      let (factor, gapRate) = poison
      let clean = ForecastProperties.traffic(
        seed: seed, days: days, level: level, swing: swing, noise: noise, zeroRate: 0.02,
        gapRate: 0.02, burst: 1)
      let backtest = BacktestPlan(
        horizon: horizon, origins: origins, season: 24, quantiles: [0.1, 0.5, 0.9])
      let starts = try backtest.originIndices(series: clean.name, count: clean.count)
      // A cut anywhere from the first origin to the end.
      let first = starts[0]
      let cut = first + Int(cutFraction * Double(clean.count - 1 - first))
      var rng = SplitMix64(seed: UInt64(seed) ^ 0x5EED)
      var poisoned = clean
      for t in cut..<clean.count {
        poisoned.values[t] = rng.uniform() < gapRate ? .nan : clean.values[t] * factor
      }
      let reference = try backtest.run(clean)
      let result = try backtest.run(poisoned)
      #expect(result.windows.count == origins)
      for (window, (clean, index)) in zip(result.windows, zip(reference.windows, starts)) {
        #expect(window.trainingSlots == index)
        #expect(window.start == poisoned.time(at: index))
        guard index <= cut else { continue }
        #expect(window.forecast == clean.forecast, "origin \(index), cut \(cut)")
        #expect(window.baselineForecasts == clean.baselineForecasts, "origin \(index)")
      }
    }
  }
}
