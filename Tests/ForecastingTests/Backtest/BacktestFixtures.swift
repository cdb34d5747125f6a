import Foundation
import Forecasting
import TestSupport
import TimeSeries

/// Generated hourly series with known answers for the backtest tests (integer-indexed: no
/// calendar, like M4).
enum BacktestFixtures {
  static let hour: Int64 = 3_600

  static func hourly(_ values: [Double], name: String = "s") -> Series {
    Series(name: name, start: 0, step: hour, values: values)
  }

  /// y_t = 100 + t: seasonal naive with m = 24 misses by exactly 24 at every lead ≤ 24, and
  /// the in-sample seasonal differences are all 24, so its MAE is 24 and its MASE exactly 1.
  static func linearTrend(count: Int) -> Series {
    hourly((0..<count).map { 100 + Double($0) })
  }

  /// A smooth daily cycle around 1000 (two harmonics); noisy (seeded) during the first
  /// `noisyUntil` slots and exactly periodic after, so seasonal naive is exact on any late
  /// window while its in-sample MASE scale is positive.
  static func dailyCycle(count: Int, noisyUntil: Int = 240, seed: UInt64 = 7) -> Series {
    var random = SplitMix64(seed: seed)
    return hourly(
      (0..<count).map { t in
        let phase = 2 * Double.pi * Double(t % 24) / 24
        let clean = 1000 + 300 * sin(phase) + 100 * cos(2 * phase)
        return t < noisyUntil ? clean + 40 * random.normal() : clean
      })
  }

  /// A noisy daily cycle with a slow trend (seeded), the kind of series a real backtest sees.
  static func noisyTraffic(_ name: String, count: Int, seed: UInt64) -> Series {
    var random = SplitMix64(seed: seed)
    return hourly(
      (0..<count).map { t in
        let phase = 2 * Double.pi * Double(t % 24) / 24
        return 500 + 0.2 * Double(t) + 150 * sin(phase) + 20 * random.normal()
      }, name: name)
  }

  static func plan(horizon: Int = 24, origins: Int = 3) -> BacktestPlan {
    BacktestPlan(horizon: horizon, origins: origins, season: 24, hasCalendar: false)
  }
}
