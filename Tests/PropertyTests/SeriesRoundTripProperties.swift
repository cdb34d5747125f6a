import Foundation
import PropertyBased
import TestSupport
import Testing
import TimeSeries

/// Writing a series and reading it back gives the same series, bit for bit, whatever its zone,
/// step, gaps and values: unit tests sample a few files; this draws many.
@Suite struct SeriesRoundTripProperties {
  static let steps: [Int64] = [1, 60, 300, 900, 3_600, 86_400]
  static let zones = ["UTC", "Asia/Seoul", "America/New_York", "Europe/London"]

  /// A series built from drawn parameters; values mix integers, decimals of every magnitude,
  /// zeros and gaps (never negative: the reader refuses negative counts).
  static func series(seed: Int, count: Int, step: Int64, zone: String, gapRate: Double)
    -> Series
  {
    var rng = SplitMix64(seed: UInt64(seed))
    // Starts from 1990 to 2040, on the step's grid.
    let start = (631_152_000 + Int64(rng.uniform() * 1.58e9)) / step * step
    let values = (0..<count).map { _ -> Double in
      if rng.uniform() < gapRate { return .nan }
      switch rng.next() % 4 {
      case 0: return Double(rng.next() % 100_000)
      case 1: return rng.uniform() * pow(10, Double(rng.next() % 16) - 6)
      case 2: return 0
      default: return (rng.uniform() * 1e6).rounded() / 1000
      }
    }
    return Series(name: "s", start: start, step: step, values: values, timeZone: zone)
  }

  @Test func writeThenReadIsIdentity() async throws {
    await propertyCheck(
      count: 200,
      input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 2...300),
      Gen.element(of: Self.steps), Gen.element(of: Self.zones), Gen.double(in: 0...0.3)
    ) { seed, count, step, zone, gapRate in
      guard let step, let zone else { return }
      var original = Self.series(
        seed: seed, count: count, step: step, zone: zone, gapRate: gapRate)
      // The reader's series start at their first and end at their last row.
      original.values[0] = 1
      original.values[count - 1] = 2
      let text = try SeriesCSV.encode(original)
      let read = try SeriesCSV.parse(
        text, file: "s.csv",
        options: SeriesReadOptions(timeZone: zone, step: TimeSpan(seconds: step)))
      let series = try #require(read.series.first)
      #expect(read.series.count == 1)
      #expect(series.start == original.start)
      #expect(series.step == original.step)
      #expect(series.values.count == original.values.count)
      #expect(series.values.map(\.bitPattern) == original.values.map(\.bitPattern))
      // Writing again gives the same bytes.
      #expect(try SeriesCSV.encode(series) == text)
    }
  }
}
