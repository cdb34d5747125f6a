import Foundation
import Testing

@testable import TimeSeries

@Suite("Events CSV")
struct EventsCSVTests {
  func events(_ text: String, zone: String = "UTC") throws -> [EventRecord] {
    try EventsCSV.parse(Data(text.utf8), file: "events.csv", timeZone: zone)
  }

  @Test func surgecastFormatWithOptionalColumns() throws {
    let csv = "name,kind,start,end,scale,lift,scenario\n"
      + "flash_sale,promotion,2025-03-01T10:00:00+09:00,2025-03-01T14:00:00+09:00,0.5,1.8,big\n"
      + "flash_sale,promotion,2025-03-01T10:00,2025-03-01T12:00,,,small\n"
      + "chuseok,holiday,2025-10-05,2025-10-08,,,\n"
      + "db_down,OUTAGE,2025-02-01 03:00,2025-02-01 03:30,,,\n"
    let records = try events(csv, zone: "Asia/Seoul")
    #expect(records.map(\.event.name) == ["db_down", "flash_sale", "flash_sale", "chuseok"])
    let big = try #require(records.first { $0.scenario == "big" })
    #expect(big.event.kind == .promotion && big.event.scale == 0.5 && big.event.lift == 1.8)
    #expect(big.event.start == epoch("2025-03-01T01:00:00Z") && big.line == 2)
    let small = try #require(records.first { $0.scenario == "small" })
    #expect(small.event.scale == 1 && small.event.lift == nil)
    #expect(small.event.end == epoch("2025-03-01T03:00:00Z"))
    let chuseok = try #require(records.last)
    #expect(chuseok.event.start == epoch("2025-10-04T15:00:00Z"))
    #expect(chuseok.event.end - chuseok.event.start == 3 * 86_400 && chuseok.scenario == nil)
    #expect(records[0].event.kind == .outage)
  }

  @Test func prophetWindowsCoverWholeLocalDays() throws {
    let csv = "holiday,ds,lower_window,upper_window,prior_scale\nblack_friday,2025-11-28,-1,2,10\n"
      + "xmas,2025-12-25,,,\n"
    let records = try events(csv, zone: "America/New_York")
    let friday = records[0].event
    #expect(friday.kind == .holiday)
    #expect(friday.start == epoch("2025-11-27T00:00:00-05:00"))
    #expect(friday.end == epoch("2025-12-01T00:00:00-05:00"))
    #expect(records[1].event.end - records[1].event.start == 86_400)
  }

  @Test func datesAcrossDSTAreTrueLocalMidnights() throws {
    let records = try events("name,kind,start,end\nx,holiday,2025-03-09,2025-03-10\n",
      zone: "America/New_York")
    #expect(records[0].event.end - records[0].event.start == 23 * 3600)
  }

  @Test(arguments: [
    ("", nil, nil, "file is empty"),
    ("name,kind,start,end\n", 2, nil, "no events"),
    ("name,kind,start\nx,holiday,2025-01-01\n", 1, "end", "missing required column"),
    ("name,kind,start,end\nx,party,2025-01-01,2025-01-02\n", 2, "kind", "unknown kind 'party'"),
    ("name,kind,start,end\nx,holiday,2025-01-02,2025-01-02\n", 2, "end", "is not after start"),
    ("name,kind,start,end\nx,holiday,2025-01-02,2025-01-01\n", 2, "end", "is not after start"),
    ("name,kind,start,end,scale\nx,promotion,2025-01-01,2025-01-02,0\n", 2, "scale",
      "must be a positive number"),
    ("name,kind,start,end,scale\nx,promotion,2025-01-01,2025-01-02,abc\n", 2, "scale",
      "must be a positive number"),
    ("name,kind,start,end,lift\nx,promotion,2025-01-01,2025-01-02,-2\n", 2, "lift",
      "must be a positive number"),
    ("name,kind,start,end\n,holiday,2025-01-01,2025-01-02\n", 2, "name", "empty value"),
    ("name,kind,start,end\nx,holiday,2025-13-01,2025-01-02\n", 2, "start", "month 13"),
    ("name,kind,start,end\nx,holiday,2025-01-01\n", 2, nil, "expected 4 fields"),
    ("name,kind,start,end\nx,holiday,2025-03-09 02:30,2025-03-09 04:00\n", 2, "start",
      "does not exist in America/New_York"),
    ("name,kind,start,end\nx,holiday,2025-11-02 01:30,2025-11-02 04:00\n", 2, "start",
      "is ambiguous in America/New_York"),
    ("holiday,ds,lower_window,upper_window\nx,2025-01-01,1,0\n", 2, "lower_window", "≤ 0"),
    ("holiday,ds,lower_window,upper_window\nx,2025-01-01,0,-1\n", 2, "upper_window", "≥ 0"),
    ("holiday,ds,lower_window,upper_window\nx,2025-01-01,0,1.5\n", 2, "upper_window",
      "whole number"),
    ("holiday,ds\nx,2025-01-01T10:00\n", 2, "ds", "not a date"),
  ] as [(String, Int?, String?, String)])
  func rejects(_ csv: String, _ line: Int?, _ field: String?, _ fragment: String) {
    expectDataError(line: line, field: field, fragment) {
      _ = try events(csv, zone: "America/New_York")
    }
  }
}
