import Foundation
import Testing

@testable import TimeSeries

/// One malformed input and the error it must produce.
struct MalformedCase: Sendable, CustomTestStringConvertible {
  var name: String
  var csv: String
  var options = SeriesReadOptions()
  var line: Int?
  var field: String?
  var fragment: String
  var testDescription: String { name }
}

private let header = "timestamp,value\n"
private let newYork = SeriesReadOptions(timeZone: "America/New_York")

/// Every malformed input from the reader's contract, each with its expected line and field.
let malformedCases: [MalformedCase] = [
  .init(name: "empty file", csv: "", line: nil, field: nil, fragment: "file is empty"),
  .init(name: "BOM and blank lines only", csv: "\u{FEFF}\n\n", line: nil, field: nil,
    fragment: "file is empty"),
  .init(name: "header without rows", csv: header, line: 2, field: nil,
    fragment: "no data rows"),
  .init(name: "missing header", csv: "2025-01-01T00:00:00Z,5\n2025-01-01T01:00:00Z,6\n",
    line: 1, field: nil, fragment: "missing header"),
  .init(name: "missing timestamp column", csv: "when,value\nx,1\n", line: 1,
    field: "timestamp", fragment: "missing required column"),
  .init(name: "missing value column", csv: "timestamp,count\n2025-01-01,1\n", line: 1,
    field: "value", fragment: "missing required column"),
  .init(name: "two timestamp columns", csv: "ds,timestamp,y\n", line: 1, field: "timestamp",
    fragment: "two timestamp columns"),
  .init(name: "unparsable timestamp",
    csv: header + "2025-01-01T00:00:00Z,1\nyesterday,2\n", line: 3, field: "timestamp",
    fragment: "'yesterday' is not a timestamp"),
  .init(name: "month 13", csv: header + "2025-13-01T00:00:00Z,1\n", line: 2,
    field: "timestamp", fragment: "month 13 is out of range"),
  .init(name: "February 30", csv: "ds,y\n2025-02-28,1\n2025-02-30,1\n", line: 3, field: "ds",
    fragment: "day 30 is out of range (1–28)"),
  .init(name: "February 29 in a common year", csv: "ds,y\n2023-02-29,1\n", line: 2,
    field: "ds", fragment: "day 29"),
  .init(name: "hour 24", csv: header + "2025-01-01 24:00,1\n", line: 2, field: "timestamp",
    fragment: "hour 24 is out of range"),
  .init(name: "minute 60", csv: header + "2025-01-01T10:60:00Z,1\n", line: 2,
    field: "timestamp", fragment: "minute 60"),
  .init(name: "second 60", csv: header + "2025-01-01T10:00:60Z,1\n", line: 2,
    field: "timestamp", fragment: "second 60"),
  .init(name: "offset out of range", csv: header + "2025-01-01T10:00:00+25:00,1\n", line: 2,
    field: "timestamp", fragment: "offset hour 25"),
  .init(name: "trailing garbage after time", csv: header + "2025-01-01T10:00:00Zulu,1\n",
    line: 2, field: "timestamp", fragment: "is not a timestamp"),
  .init(name: "unparsable number",
    csv: header + "2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z,12abc\n", line: 3,
    field: "value", fragment: "'12abc' is not a number"),
  .init(name: "NaN value", csv: header + "2025-01-01T00:00:00Z,NaN\n", line: 2,
    field: "value", fragment: "must be finite"),
  .init(name: "infinite value", csv: "ds,y\n2025-01-01,-inf\n", line: 2, field: "y",
    fragment: "must be finite"),
  .init(name: "out-of-range value", csv: header + "2025-01-01T00:00:00Z,1e400\n", line: 2,
    field: "value", fragment: "out of the range"),
  .init(name: "negative count", csv: header + "2025-01-01T00:00:00Z,3\n2025-01-01T01:00:00Z,-5\n",
    line: 3, field: "value", fragment: "negative value -5"),
  .init(name: "duplicate timestamp",
    csv: header + "2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z,2\n2025-01-01T01:00:00Z,3\n",
    line: 4, field: "timestamp", fragment: "duplicate timestamp 2025-01-01T01:00:00Z"),
  .init(name: "duplicate in other notation",
    csv: header + "2025-01-01T09:00:00+09:00,1\n2025-01-01T00:00:00Z,2\n", line: 3,
    field: "timestamp", fragment: "also at line 2"),
  .init(name: "unsorted rows",
    csv: header + "2025-01-01T00:00:00Z,1\n2025-01-01T02:00:00Z,2\n2025-01-01T01:00:00Z,3\n",
    line: 4, field: "timestamp", fragment: "out of order"),
  .init(name: "mixed steps",
    csv: header + "2025-01-01T00:00:00Z,1\n2025-01-01T00:05:00Z,1\n2025-01-01T00:10:00Z,1\n"
      + "2025-01-01T00:12:00Z,1\n2025-01-01T00:17:00Z,1\n", line: 5, field: "timestamp",
    fragment: "mixed steps: 2025-01-01T00:12:00Z is not on the 5m grid"),
  .init(name: "off the given grid",
    csv: header + "2025-01-01T00:00:00Z,1\n2025-01-01T00:30:00Z,1\n",
    options: SeriesReadOptions(step: TimeSpan(seconds: 3600)), line: 3, field: "timestamp",
    fragment: "not on the 1h grid"),
  .init(name: "too few fields", csv: header + "2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z\n",
    line: 3, field: nil, fragment: "expected 2 fields as in the header, found 1"),
  .init(name: "too many fields", csv: header + "2025-01-01T00:00:00Z,1,2\n", line: 2,
    field: nil, fragment: "found 3"),
  .init(name: "blank line inside",
    csv: header + "2025-01-01T00:00:00Z,1\n\n2025-01-01T01:00:00Z,1\n",
    line: 3, field: nil, fragment: "empty line"),
  .init(name: "unterminated quote", csv: "\"ds\",\"y\"\n\"2025-01-01,1\n", line: 2,
    field: nil, fragment: "unterminated quoted field"),
  .init(name: "text after closing quote", csv: "ds,y\n\"2025-01-01\"x,1\n", line: 2,
    field: nil, fragment: "after a closing quote"),
  .init(name: "DST gap (spring forward) in naive local time",
    csv: header + "2025-03-09 01:00,1\n2025-03-09 02:00,1\n2025-03-09 03:00,1\n",
    options: newYork, line: 3, field: "timestamp",
    fragment: "'2025-03-09 02:00' does not exist in America/New_York"),
  .init(name: "DST overlap (fall back) in naive local time",
    csv: header + "2025-11-02 00:00,1\n2025-11-02 01:00,1\n2025-11-02 02:00,1\n",
    options: newYork, line: 3, field: "timestamp",
    fragment: "'2025-11-02 01:00' is ambiguous in America/New_York: it occurs at "
      + "2025-11-02T01:00:00-04:00 and 2025-11-02T01:00:00-05:00"),
  .init(name: "step index without a step", csv: "series,t,value\nH1,0,5\nH1,1,6\n", line: 2,
    field: "t", fragment: "pass --step"),
  .init(name: "integer among date-times",
    csv: header + "2025-01-01T00:00:00Z,1\n17,1\n", line: 3, field: "timestamp",
    fragment: "written differently from the first timestamp (line 2)"),
  .init(name: "small epoch among epochs", csv: header + "1735689600,1\n3600,1\n", line: 3,
    field: "timestamp", fragment: "written differently"),
  .init(name: "small decimal", csv: header + "12.5,1\n", line: 2, field: "timestamp",
    fragment: "too small to be epoch seconds"),
  .init(name: "single row cannot give a step", csv: header + "2025-01-01T00:00:00Z,1\n",
    line: 2, field: "timestamp", fragment: "pass --step"),
  .init(name: "absurd gap",
    csv: header + "2025-01-01T00:00:00Z,1\n2025-01-01T00:00:01Z,1\n2027-01-01T00:00:00Z,1\n",
    line: 4, field: "timestamp", fragment: "longer than 50000000 slots of 1s"),
  .init(name: "empty series name", csv: "series,timestamp,value\n,2025-01-01T00:00:00Z,1\n",
    line: 2, field: "series", fragment: "empty series name"),
]

@Suite("Series CSV: malformed input")
struct SeriesCSVErrorTests {
  @Test(arguments: malformedCases)
  func rejects(_ example: MalformedCase) {
    expectDataError(line: example.line, field: example.field, example.fragment) {
      _ = try ingest(example.csv, example.options)
    }
  }

  @Test func errorDescriptionIsOneLineNamingFileLineAndField() {
    let error = expectDataError(line: 3, field: "value", "not a number") {
      _ = try ingest(header + "2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z,x\n")
    }
    #expect(error?.description == "web.csv:3: field 'value': 'x' is not a number")
  }

  @Test func unknownTimeZoneIsNamed() {
    #expect(throws: UnknownTimeZoneError(identifier: "Mars/Olympus")) {
      _ = try ingest(header + "2025-01-01,1\n", SeriesReadOptions(timeZone: "Mars/Olympus"))
    }
  }

  @Test func missingFileIsADataError() {
    expectDataError(line: nil, field: nil, "no such file") {
      _ = try SeriesCSV.read(path: "/nonexistent/surgecast/x.csv")
    }
  }

  @Test func lineNumbersCountPhysicalLinesInsideQuotedFields() {
    let csv = "series,timestamp,value\n\"a\nb\",2025-01-01T00:00:00Z,1\n\"a\nb\",oops,1\n"
    expectDataError(line: 4, field: "timestamp", "'oops'") { _ = try ingest(csv) }
  }
}
