import Foundation
import TestSupport
import Testing

@testable import TimeSeries

@Suite("Series CSV: formats")
struct SeriesCSVReadTests {
  @Test func plainIsoWithOffsets() throws {
    let result = try ingest(
      "timestamp,value\n2025-01-01T00:00:00+09:00,5\n2025-01-01T01:00:00+0900,6.5\n"
        + "2025-01-01T02:00:00+09,7\n")
    let series = try #require(result.series.first)
    #expect(series.name == "web")
    #expect(series.start == epoch("2024-12-31T15:00:00Z"))
    #expect(series.step == 3600)
    #expect(series.values == [5, 6.5, 7])
  }

  @Test func crlfBomQuotesAndNoTrailingNewline() throws {
    let csv = "\u{FEFF}\"ds\",\"y\"\r\n\"2025-01-01\",\"1.5\"\r\n\"2025-01-02\",2\r\n2025-01-03,3"
    let series = try #require(try ingest(csv).series.first)
    #expect(series.values == [1.5, 2, 3])
    #expect(series.start == epoch("2025-01-01T00:00:00Z") && series.step == 86_400)
  }

  @Test func trailingBlankLinesAndSpacesAreTolerated() throws {
    let csv = "timestamp , value\n2025-01-01 00:00 , 1\n2025-01-01 00:15, 2 \n\n\r\n"
    let series = try #require(try ingest(csv).series.first)
    #expect(series.values == [1, 2] && series.step == 900)
  }

  @Test func spaceSeparatedAndFractionalSeconds() throws {
    let csv = "timestamp,value\n2025-01-01 00:00:00.000,1\n2025-01-01T00:01:00.4Z,2\n"
      + "2025-01-01 00:01:59.6,3\n"
    let series = try #require(try ingest(csv).series.first)
    #expect(series.step == 60 && series.values == [1, 2, 3])
  }

  /// Exports stamp 5-minute data at :04:53, :09:53, …: regular with an odd phase.
  @Test func oddPhaseFiveMinuteSeries() throws {
    var csv = "timestamp,value\n"
    for k in 0..<24 where k != 7 {
      let minute = 4 + 5 * k
      csv += String(format: "2025-06-01T%02d:%02d:53Z,%d\n", minute / 60, minute % 60, k)
    }
    let result = try ingest(csv)
    let series = try #require(result.series.first)
    #expect(series.start == epoch("2025-06-01T00:04:53Z"))
    #expect(series.step == 300 && series.count == 24)
    #expect(series.values[7].isNaN && series.values[8] == 8)
    #expect(result.stats[0].gapCount == 1 && result.stats[0].gapSlots == 1)
  }

  @Test func epochSecondsIntegersAndDecimals() throws {
    let csv = "timestamp,value\n1735689600,1\n1735693200.0,2\n1735696800.4,3\n"
    let series = try #require(try ingest(csv).series.first)
    #expect(series.start == epoch("2025-01-01T00:00:00Z"))
    #expect(series.step == 3600 && series.values == [1, 2, 3])
  }

  @Test func stepIndexWithGivenStepAndStart() throws {
    let options = SeriesReadOptions(
      step: try TimeSpan(parsing: "15m"), start: epoch("2025-01-01T00:00:00Z"))
    let series = try #require(try ingest("t,value\n0,1\n1,2\n3,4\n", options).series.first)
    #expect(series.start == epoch("2025-01-01T00:00:00Z") && series.step == 900)
    #expect(series.values.count == 4 && series.values[2].isNaN)
  }

  @Test func givenStepOverridesInference() throws {
    // Mostly 2-hourly rows on an hourly grid: inference says 2h, and 03:00 is off that grid.
    let csv = "timestamp,value\n2025-01-01T00:00Z,1\n2025-01-01T02:00Z,1\n2025-01-01T03:00Z,1\n"
      + "2025-01-01T05:00Z,1\n2025-01-01T07:00Z,1\n"
    expectDataError(line: 4, field: "timestamp", "not on the 2h grid") { _ = try ingest(csv) }
    let series = try ingest(csv, SeriesReadOptions(step: TimeSpan(seconds: 3600))).series[0]
    #expect(series.step == 3600 && series.count == 8 && series.missingCount == 3)
  }

  @Test func emptyValuesAreMissing() throws {
    let result = try ingest("ds,y\n2025-01-01,1\n2025-01-02,\n2025-01-03,\"\"\n2025-01-04,4\n")
    let series = result.series[0]
    #expect(series.values[0] == 1 && series.values[1].isNaN && series.values[2].isNaN)
    #expect(result.stats[0].emptyValues == 2 && result.stats[0].missingSlots == 2)
    #expect(result.stats[0].gapCount == 0)
  }

  @Test func manySeriesInterleavedInOrderOfFirstAppearance() throws {
    let csv = "timestamp,series,value,host\n"
      + "2025-01-01T00:00Z,b,1,x\n2025-01-01T00:00Z,a,10,x\n"
      + "2025-01-01T01:00Z,b,2,x\n2025-01-01T01:00Z,a,11,x\n"
      + "2025-01-01T03:00Z,b,4,x\n2025-01-01T00:30Z,\"c,d\",7,x\n2025-01-01T01:00Z,\"c,d\",8,x\n"
    let result = try ingest(csv)
    #expect(result.series.map(\.name) == ["b", "a", "c,d"])
    #expect(result.series[0].values.count == 4 && result.series[0].values[2].isNaN)
    #expect(result.series[1].values == [10, 11])
    #expect(result.series[2].step == 1800 && result.series[2].values == [7, 8])
  }

  @Test func seriesNameOptionAndStem() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let path = try dir.write("api.requests.csv", "ds,y\n2025-01-01,1\n2025-01-02,2\n")
    #expect(try SeriesCSV.read(path: path).series[0].name == "api.requests")
    let named = try SeriesCSV.read(path: path, options: SeriesReadOptions(seriesName: "api"))
    #expect(named.series[0].name == "api")
  }

  @Test func exactValuesThroughTheSlowPath() throws {
    // 17 significant digits exceed 2^53 and go through strtod.
    let csv = "timestamp,value\n2025-01-01T00:00Z,0.30000000000000004\n"
      + "2025-01-01T01:00Z,12345678901234567890\n2025-01-01T02:00Z,4.9406564584124654e-324\n"
    let values = try ingest(csv).series[0].values
    #expect(values == [0.30000000000000004, 12345678901234567890.0, .leastNonzeroMagnitude])
  }
}
