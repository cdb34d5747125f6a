import Foundation
import Testing

@testable import TimeSeries

/// Reads CSV text as the file `name` (no disk involved).
func ingest(_ text: String, _ options: SeriesReadOptions = .init(), name: String = "web.csv")
  throws -> IngestionResult
{
  try SeriesCSV.parse(Data(text.utf8), file: name, options: options)
}

/// Expects `body` to throw a `DataError` at `line` naming `field`, whose message contains
/// `fragment`; returns the error for further checks.
@discardableResult
func expectDataError(
  line: Int?, field: String?, _ fragment: String = "",
  sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> DataError? {
  do {
    try body()
    Issue.record("expected a DataError at line \(line.map(String.init) ?? "-")",
      sourceLocation: sourceLocation)
    return nil
  } catch let error as DataError {
    #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
    #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
    #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
    #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
    return error
  } catch {
    Issue.record("expected a DataError, got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

/// Epoch seconds of an ISO 8601 text with offset, for readable expectations.
func epoch(_ text: String) -> Int64 {
  do {
    return try Timestamp.parse(text)
  } catch {
    Issue.record("bad test timestamp \(text): \(error)")
    return 0
  }
}

/// A clock that the test needs to exist.
func clock(_ identifier: String) throws -> LocalClock { try LocalClock(identifier: identifier) }
