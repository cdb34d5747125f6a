import Foundation
import TestSupport
import Testing

@testable import TimeSeries

@Suite("Series CSV: shared public datasets")
struct SeriesCSVDatasetTests {
  /// Prophet's example: 2,905 daily rows from 2007-12-10 to 2016-01-20 with 59 calendar days
  /// missing (datasets README), written as quoted `"ds","y"`.
  @Test func peytonManningDaily() throws {
    let path = ProjectPaths.shared("peyton-manning/example_wp_log_peyton_manning.csv").path
    let result = try SeriesCSV.read(path: path)
    #expect(result.series.count == 1)
    let series = try #require(result.series.first)
    let stats = try #require(result.stats.first)
    #expect(series.name == "example_wp_log_peyton_manning")
    #expect(series.step == 86_400)
    #expect(stats.step == 86_400 && !stats.stepWasGiven)
    #expect(stats.rowsRead == 2_905)
    // Closed form: days from 2007-12-10 to 2016-01-20 inclusive = 2,905 rows + 59 missing.
    let days = CivilDate(2016, 1, 20).daysSinceEpoch - CivilDate(2007, 12, 10).daysSinceEpoch + 1
    #expect(days == 2_964)
    #expect(series.count == 2_964)
    #expect(series.missingCount == 59)
    #expect(stats.gapSlots == 59 && stats.missingSlots == 59 && stats.emptyValues == 0)
    #expect(series.start == epoch("2007-12-10T00:00:00Z"))
    #expect(stats.last == epoch("2016-01-20T00:00:00Z"))
    #expect(series.values[0] == 9.59076113897809)
    #expect(series.values[series.count - 1] == 8.89137400948464)
  }

  /// M4 Hourly in long format: 414 series, 700 or 960 rows each (info.csv), 353,500 rows.
  @Test func m4HourlyLongFormatWithGivenStep() throws {
    let path = ProjectPaths.shared("m4-hourly/train.csv").path
    var options = SeriesReadOptions(step: TimeSpan(seconds: 3600))
    options.start = epoch("2015-07-01T12:00:00Z")
    let result = try SeriesCSV.read(path: path, options: options)
    #expect(result.series.count == 414)
    #expect(result.series.first?.name == "H1")
    #expect(result.series.last?.name == "H414")
    #expect(result.stats.reduce(0) { $0 + $1.rowsRead } == 353_500)
    #expect(result.series.allSatisfy { $0.count == 700 || $0.count == 960 })
    #expect(result.series.allSatisfy { $0.missingCount == 0 && $0.step == 3600 })
    #expect(result.stats.allSatisfy { $0.stepWasGiven })
    let h1 = result.series[0]
    #expect(h1.start == options.start)
    #expect(Array(h1.values.prefix(2)) == [605, 586])  // train.csv lines 2–3
  }

  @Test func m4WithoutStepAsksForIt() {
    let path = ProjectPaths.shared("m4-hourly/train.csv").path
    expectDataError(line: 2, field: "t", "pass --step") {
      _ = try SeriesCSV.read(path: path)
    }
  }

  /// Prophet's holidays frame and the same events in Surgecast's format agree exactly.
  @Test func eventsInBothFormatsAgree() throws {
    let prophet = try EventsCSV.read(path: ProjectPaths.shared("peyton-manning/events.csv").path)
    let native = try EventsCSV.read(
      path: ProjectPaths.shared("peyton-manning/events-surgecast.csv").path)
    #expect(prophet.count == 17)
    #expect(prophet == native)
    #expect(prophet.filter { $0.name == "superbowl" }.count == 3)
    #expect(prophet.allSatisfy { $0.kind == .holiday && $0.end - $0.start == 2 * 86_400 })
    // Sorted by start then name: 2010-02-07 has a playoff and a superbowl.
    let first = try #require(prophet.first)
    #expect(first.name == "playoff" && first.start == epoch("2008-01-13T00:00:00Z"))
    let pair = prophet.filter { $0.start == epoch("2010-02-07T00:00:00Z") }.map(\.name)
    #expect(pair == ["playoff", "superbowl"])
  }
}
