import Foundation
import TestSupport
import Testing
import TimeSeries

@testable import SurgecastCLI

/// Bad inputs give the documented exit status and exactly one line on stderr, naming the file
/// (and line, for data errors); nothing goes to stdout.
@Suite("exit codes and error messages")
struct ExitCodeTests {
  /// Checks a failed run: status, one `surgecast: error:` line containing every fragment.
  func expectFailure(
    _ result: RunResult, _ status: SurgecastExitCode, mentions fragments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == status.rawValue, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "\(result)", sourceLocation: sourceLocation)
    let line = result.stderrLines.first.map(String.init) ?? ""
    #expect(line.hasPrefix("surgecast: error: "), "\(line)", sourceLocation: sourceLocation)
    for fragment in fragments {
      #expect(line.contains(fragment), "'\(fragment)' not in: \(line)",
        sourceLocation: sourceLocation)
    }
  }

  // MARK: usage errors (64)

  @Test func unknownOptionIsUsageError() throws {
    let result = try SurgecastBinary.run(["inspect", "--data", TestInputs.peyton, "--bogus"])
    expectFailure(
      result, .usage, mentions: ["Unknown option '--bogus'", "surgecast inspect --help"])
  }

  @Test func unknownSubcommandIsUsageError() throws {
    let result = try SurgecastBinary.run(["frobnicate"])
    expectFailure(result, .usage, mentions: ["frobnicate"])
  }

  @Test func missingRequiredOptionIsUsageError() throws {
    let result = try SurgecastBinary.run(["inspect"])
    expectFailure(result, .usage, mentions: ["--data"])
  }

  /// Bad option values are caught by `validate()` or a transform before any file is read, so
  /// the data file need not even exist.
  @Test(arguments: [
    (["--timezone", "Mars/Olympus"], "Mars/Olympus"),
    (["--step", "5x"], "5x"),
    (["--step", "0m"], "0m"),
    (["--start", "2025-01-01"], "--step"),
    (["--step", "1h", "--start", "yesterday"], "yesterday"),
    (["--duplicates", "first"], "first"),
    (["--format", "yaml"], "yaml"),
  ])
  func badOptionValueIsUsageError(_ options: [String], _ fragment: String) throws {
    let result = try SurgecastBinary.run(["inspect", "--data", "nowhere.csv"] + options)
    expectFailure(result, .usage, mentions: [fragment])
  }

  @Test func unknownSeriesIsUsageError() throws {
    let result = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.m4Train, "--step", "1h", "--series", "H9999",
    ])
    expectFailure(result, .usage, mentions: ["H9999", "H1"])
  }

  // MARK: input not found (66)

  @Test func missingDataFileIsNoInput() throws {
    let result = try SurgecastBinary.run(["inspect", "--data", "no/such/file.csv"])
    expectFailure(result, .noInput, mentions: ["no/such/file.csv", "no such file"])
  }

  @Test func missingEventsFileIsNoInput() throws {
    let result = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.peyton, "--events", "no-events.csv",
    ])
    expectFailure(result, .noInput, mentions: ["no-events.csv"])
  }

  @Test func directoryAsDataIsNoInput() throws {
    let result = try SurgecastBinary.run(["inspect", "--data", "Tests"])
    expectFailure(result, .noInput, mentions: ["Tests", "directory"])
  }

  // MARK: data errors (65)

  /// Each case: file content, then fragments the message must contain (file name added).
  static let dataErrorCases: [(name: String, csv: String, fragments: [String])] = [
    ("bad-value.csv", "timestamp,value\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,abc\n",
     [":3:", "field 'value'", "abc"]),
    ("bad-time.csv", "timestamp,value\n2025-01-01T00:00Z,1\n2025-13-01T01:00Z,2\n",
     [":3:", "field 'timestamp'"]),
    ("duplicate.csv",
     "timestamp,value\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,2\n2025-01-01T01:00Z,3\n",
     [":4:"]),
    ("unsorted.csv",
     "timestamp,value\n2025-01-01T02:00Z,1\n2025-01-01T03:00Z,2\n2025-01-01T01:00Z,3\n",
     [":4:"]),
    ("no-value-column.csv", "timestamp\n2025-01-01T00:00Z\n", []),
  ]

  @Test(arguments: dataErrorCases.indices)
  func malformedDataIsDataError(_ index: Int) throws {
    let testCase = Self.dataErrorCases[index]
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let path = try directory.write(testCase.name, testCase.csv)
    let result = try SurgecastBinary.run(["inspect", "--data", path])
    expectFailure(result, .dataError, mentions: [path] + testCase.fragments)
  }

  @Test func integerIndexWithoutStepIsDataError() throws {
    let result = try SurgecastBinary.run(["inspect", "--data", TestInputs.m4Train])
    expectFailure(result, .dataError, mentions: ["\(TestInputs.m4Train):2:", "field 't'", "--step"])
  }

  @Test func badEventKindIsDataError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let path = try directory.write(
      "events.csv", "name,kind,start,end\nsale,promotion,2010-01-01,2010-01-02\n"
        + "party,festival,2010-02-01,2010-02-02\n")
    let result = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.peyton, "--events", path,
    ])
    expectFailure(result, .dataError, mentions: ["\(path):3:", "festival"])
  }

  @Test func duplicatesCanBeSummedInstead() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let path = try directory.write(
      "duplicate.csv",
      "timestamp,value\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,2\n2025-01-01T01:00Z,3\n")
    let result = try SurgecastBinary.run([
      "inspect", "--data", path, "--duplicates", "sum", "--format", "json",
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("\"max\" : 5"), "\(result)")
  }

  // MARK: output cannot be written (73)

  @Test func unwritableOutputIsCannotCreate() throws {
    let result = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.peyton, "--out", "no/such/dir/inspect.json",
    ])
    expectFailure(result, .cannotCreateOutput, mentions: ["no/such/dir/inspect.json"])
  }

  // MARK: the mapping itself

  /// The documented numbers never change silently: scripts depend on them.
  @Test func exitStatusValuesAreStable() {
    let expected: [SurgecastExitCode: Int32] = [
      .success: 0, .someSeriesFailed: 2, .usage: 64, .dataError: 65, .noInput: 66,
      .internalError: 70, .cannotCreateOutput: 73,
    ]
    for status in SurgecastExitCode.allCases { #expect(status.rawValue == expected[status]) }
  }

  @Test func errorsMapToTheirStatus() {
    #expect(CommandError.inputNotFound(path: "x").exitCode == .noInput)
    #expect(CommandError.outputNotWritable(path: "x", reason: "y").exitCode
      == .cannotCreateOutput)
    #expect(CommandError.someSeriesFailed(failed: 1, total: 3).exitCode == .someSeriesFailed)
    #expect(InternalError("x").exitCode == .internalError)
  }

  /// An error type nobody mapped is a bug: exit 70, never a user-facing status.
  @Test func unmappedErrorIsInternal() {
    struct Unmapped: Error {}
    let unmapped = SurgecastMain.outcome(of: Unmapped())
    #expect(unmapped.code == SurgecastExitCode.internalError.rawValue)
    #expect(unmapped.errorMessage?.hasPrefix("internal error") == true)
    let dataError = SurgecastMain.outcome(of: DataError(file: "f.csv", line: 2, field: "y", "bad"))
    #expect(dataError.code == SurgecastExitCode.dataError.rawValue)
    #expect(dataError.errorMessage == "f.csv:2: field 'y': bad")
    #expect(dataError.output == nil)
  }

  /// Multi-line messages are flattened so stderr stays one line per error.
  @Test func messagesAreOneLine() {
    let error = InternalError("first\nsecond")
    #expect(!error.oneLineMessage.contains("\n"))
    #expect(error.oneLineMessage.contains("first second"))
  }
}
