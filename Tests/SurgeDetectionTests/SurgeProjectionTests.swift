import Foundation
import Testing

@testable import SurgeDetection

@Suite("surge size, growth and projection")
struct SurgeProjectionTests {
  /// A log ratio growing exactly 0.3 per hour: the slope is recovered to 1e-12, the size is
  /// the mean of the last three log ratios, and the projection follows the slope.
  @Test func linearGrowthIsRecovered() throws {
    let history: [(time: Int64, logRatio: Double)] = (0..<7).map { k in
      let hours = Double(k) / 12
      return (Int64(k * 300), 0.5 + 0.3 * hours)
    }
    let outlook = try #require(SurgeProjection().outlook(history: history, surge: true))
    #expect(abs(outlook.logGrowthPerHour - 0.3) < 1e-12)
    let size = (history[4].logRatio + history[5].logRatio + history[6].logRatio) / 3
    #expect(abs(log(outlook.ratio) - size) < 1e-12)
    #expect(abs(log(outlook.ratio(after: 1800)) - (size + 0.15)) < 1e-12)
  }

  /// Growth is capped at ×2 the current size within the horizon; a surge is never projected
  /// below its size, a drop never above.
  @Test func projectionsAreBounded() throws {
    let steep: [(time: Int64, logRatio: Double)] = (0..<4).map { k in (Int64(k * 300), Double(k)) }
    let up = try #require(SurgeProjection().outlook(history: steep, surge: true))
    #expect(abs(up.ratio(after: 3600) / up.ratio - 2) < 1e-12)
    #expect(up.ratio(after: 7200) == up.ratio(after: 3600))
    let falling: [(time: Int64, logRatio: Double)] = steep.map { ($0.time, -$0.logRatio) }
    let surge = try #require(SurgeProjection().outlook(history: falling, surge: true))
    #expect(surge.ratio(after: 3600) == surge.ratio)
    let drop = try #require(SurgeProjection().outlook(history: falling, surge: false))
    #expect(abs(drop.ratio / drop.ratio(after: 3600) - 2) < 1e-12)
  }
}
