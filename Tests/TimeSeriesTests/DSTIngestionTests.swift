import Testing

@testable import TimeSeries

@Suite("Series CSV: time zones and DST")
struct DSTIngestionTests {
  let newYork = SeriesReadOptions(timeZone: "America/New_York")

  /// The same fall-back night written with offsets: 01:00 appears twice, once per offset,
  /// and the series is a regular hourly one with 25 hours that day.
  @Test func offsetsAcrossFallBackAreFine() throws {
    let csv = "timestamp,value\n2025-11-02T00:00:00-04:00,1\n2025-11-02T01:00:00-04:00,2\n"
      + "2025-11-02T01:00:00-05:00,3\n2025-11-02T02:00:00-05:00,4\n"
    let series = try ingest(csv, newYork).series[0]
    #expect(series.step == 3600 && series.values == [1, 2, 3, 4])
    #expect(series.timeZone == "America/New_York")
  }

  @Test func offsetsAcrossSpringForwardAreFine() throws {
    let csv = "timestamp,value\n2025-03-09T01:00:00-05:00,1\n2025-03-09T03:00:00-04:00,2\n"
      + "2025-03-09T04:00:00-04:00,3\n"
    let series = try ingest(csv, newYork).series[0]
    #expect(series.step == 3600 && series.values == [1, 2, 3])
  }

  /// A logger writing local wall time skips 02:00 on spring-forward day: no error, one hour.
  @Test func naiveLocalTimesAvoidingTheGapAreRegular() throws {
    let csv = "timestamp,value\n2025-03-09 00:00,1\n2025-03-09 01:00,2\n2025-03-09 03:00,3\n"
    let series = try ingest(csv, newYork).series[0]
    #expect(series.step == 3600 && series.values == [1, 2, 3])
    #expect(series.start == epoch("2025-03-09T05:00:00Z"))
  }

  @Test func seoulNaiveTimes() throws {
    let csv = "timestamp,value\n2025-01-01 00:00,1\n2025-01-01 00:05,2\n"
    let series = try ingest(csv, SeriesReadOptions(timeZone: "Asia/Seoul")).series[0]
    #expect(series.start == epoch("2024-12-31T15:00:00Z") && series.step == 300)
  }

  /// Daily rows across both DST changes stay exactly 24 h apart and each slot's local date is
  /// its row's date (midnight standard time, 01:00 in summer).
  @Test func dailyDatesInADSTZoneFormARegularGrid() throws {
    var csv = "ds,y\n"
    let first = CivilDate(2025, 1, 1)
    for k in 0..<365 { csv += "\(first.adding(days: k)),\(k)\n" }
    let series = try ingest(csv, newYork).series[0]
    #expect(series.step == 86_400 && series.count == 365 && series.missingCount == 0)
    let ny = try clock("America/New_York")
    for k in 0..<365 {
      let local = ny.localTime(at: series.time(at: k))
      #expect(local.date == first.adding(days: k))
      #expect(local.secondOfDay == 0 || local.secondOfDay == 3600)
    }
  }
}
