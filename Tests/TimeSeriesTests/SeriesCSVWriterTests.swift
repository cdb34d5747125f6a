import Foundation
import TestSupport
import Testing

@testable import TimeSeries

@Suite("Series CSV: writing")
struct SeriesCSVWriterTests {
  @Test func writesOffsetsOfTheSeriesZoneAndEmptyMissing() throws {
    let series = Series(
      name: "web", start: epoch("2024-12-31T15:00:00Z"), step: 3600, values: [5, .nan, 0.1],
      timeZone: "Asia/Seoul")
    let text = String(decoding: try SeriesCSV.encode(series), as: UTF8.self)
    #expect(text == """
      timestamp,value
      2025-01-01T00:00:00+09:00,5
      2025-01-01T01:00:00+09:00,
      2025-01-01T02:00:00+09:00,0.1

      """)
  }

  @Test func offsetsFollowDSTInNewYork() throws {
    let series = Series(
      name: "web", start: epoch("2025-11-02T05:00:00Z"), step: 3600, values: [1, 2],
      timeZone: "America/New_York")
    let text = String(decoding: try SeriesCSV.encode(series), as: UTF8.self)
    #expect(text.contains("2025-11-02T01:00:00-04:00,1\n2025-11-02T01:00:00-05:00,2\n"))
  }

  /// Seeded random values of every magnitude, integers and gaps: reading back the written file
  /// gives bit-identical Doubles, the same start, step and zone.
  @Test(arguments: ["UTC", "Asia/Seoul", "America/New_York"])
  func roundTripIsExact(_ zone: String) throws {
    var random = SplitMix64(seed: 99)
    var values: [Double] = []
    for k in 0..<5_000 {
      switch k % 5 {
      case 0: values.append(.nan)
      case 1: values.append(Double(Int.random(in: 0...1_000_000, using: &random)))
      case 2: values.append(Double.random(in: 0..<1, using: &random))
      case 3: values.append(Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF))
      default: values.append(Double.random(in: 0..<1e18, using: &random).rounded())
      }
    }
    values[1] = .nan  // a gap at the start must not move the start
    let original = Series(
      name: "rt", start: epoch("2025-03-01T00:04:53Z"), step: 300, values: values,
      timeZone: zone)
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let path = dir.path("rt.csv")
    try SeriesCSV.write(original, to: path)
    let back = try SeriesCSV.read(path: path, options: SeriesReadOptions(timeZone: zone))
    let series = try #require(back.series.first)
    #expect(series.start == original.start && series.step == original.step)
    #expect(series.name == "rt" && series.timeZone == zone)
    #expect(series.values.map(\.bitPattern) == original.values.map(\.bitPattern))
  }

  @Test func manySeriesWithASeriesColumnRoundTrip() throws {
    let a = Series(name: "a,b", start: 0, step: 60, values: [1, 2])
    let b = Series(name: "c\"d", start: 60, step: 120, values: [3, .nan, 5])
    let data = try SeriesCSV.encode([a, b])
    let back = try SeriesCSV.parse(data, file: "many.csv")
    #expect(back.series.map(\.name) == ["a,b", "c\"d"])
    #expect(back.series[0] == a)
    #expect(back.series[1].step == 120 && back.series[1].values[1].isNaN)
  }

  @Test func unknownZoneIsReported() {
    let series = Series(name: "x", start: 0, step: 60, values: [1], timeZone: "Nowhere/Land")
    #expect(throws: UnknownTimeZoneError.self) { _ = try SeriesCSV.encode(series) }
  }
}
