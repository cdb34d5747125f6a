import Foundation
import TestSupport
import Testing

/// `surgecast inspect` on real files, run through the built binary.
///
/// Expected figures come from the files themselves, checked independently with Python's csv
/// module: Peyton Manning has 2,905 rows over 2,964 days (2007-12-10 … 2016-01-20) with 29 gaps,
/// values 5.26269018890489 … 12.846746888829 (mean 8.138958 to 6 decimals); its Prophet events
/// file has 17 rows (14 playoff, 3 superbowl), of which 3 start after 2016-01-20. M4 Hourly has
/// 414 series and 353,500 rows (also the figure in shared/datasets/README.md); H1 has 700 values
/// in 349 … 926.
@Suite("inspect, end to end")
struct InspectEndToEndTests {
  static let peytonPresent = TestInputs.exists(TestInputs.peyton)
  static let m4Present = TestInputs.exists(TestInputs.m4Train)

  /// Decodes JSON output into nested dictionaries for spot checks.
  func json(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  @Test(.enabled(if: peytonPresent))
  func peytonTextMatchesSnapshot() throws {
    let result = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.peyton, "--events", TestInputs.peytonEvents,
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("1 series, 2,905 rows, 2,964 slots, 29 gaps"))
    #expect(result.stdout.contains("3 events outside the data span"))
    try Snapshot.expectMatches(result.stdout, named: "inspect-peyton.txt")
  }

  @Test(.enabled(if: peytonPresent))
  func peytonJSONHasTheFileFigures() throws {
    let result = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.peyton, "--events", TestInputs.peytonEvents,
      "--format", "json",
    ])
    #expect(result.status == 0, "\(result)")
    let report = try json(result.stdout)
    let series = try #require((report["series"] as? [[String: Any]])?.first)
    #expect(series["step"] as? String == "1d")
    #expect(series["rows"] as? Int == 2905)
    #expect(series["slots"] as? Int == 2964)
    #expect(series["gaps"] as? Int == 29)
    #expect(series["missing"] as? Int == 59)
    #expect(series["first"] as? String == "2007-12-10T00:00:00Z")
    #expect(series["last"] as? String == "2016-01-20T00:00:00Z")
    #expect(series["min"] as? Double == 5.26269018890489)
    #expect(series["max"] as? Double == 12.846746888829)
    #expect(series["mean"] as? Double == 8.138958)
    let events = try #require(report["events"] as? [String: Any])
    #expect(events["count"] as? Int == 17)
    #expect(events["byName"] as? [String: Int] == ["playoff": 14, "superbowl": 3])
    #expect((events["byKind"] as? [String: Int])?["holiday"] == 17)
    #expect((events["outsideDataSpan"] as? [Any])?.count == 3)
    try Snapshot.expectMatches(result.stdout, named: "inspect-peyton.json")
  }

  /// The Surgecast-format copy of Prophet's events describes the same occurrences.
  @Test(.enabled(if: peytonPresent && TestInputs.exists(TestInputs.peytonEventsSurgecast)))
  func peytonSurgecastEventsAgreeWithProphetFormat() throws {
    let prophet = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.peyton, "--events", TestInputs.peytonEvents,
      "--format", "json",
    ])
    let surgecast = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.peyton, "--events", TestInputs.peytonEventsSurgecast,
      "--format", "json",
    ])
    #expect(surgecast.status == 0, "\(surgecast)")
    let a = try #require(try json(prophet.stdout)["events"] as? [String: Any])
    let b = try #require(try json(surgecast.stdout)["events"] as? [String: Any])
    #expect(a["count"] as? Int == b["count"] as? Int)
    #expect(a["byName"] as? [String: Int] == b["byName"] as? [String: Int])
  }

  /// JSON output is byte-identical across runs and its keys are sorted.
  @Test(.enabled(if: peytonPresent))
  func jsonIsDeterministic() throws {
    let arguments = [
      "inspect", "--data", TestInputs.peyton, "--events", TestInputs.peytonEvents,
      "--format", "json",
    ]
    let first = try SurgecastBinary.run(arguments)
    let second = try SurgecastBinary.run(arguments)
    #expect(first.stdout == second.stdout)
    let keys = first.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }
      .map { $0.split(separator: "\"")[1] }
    #expect(keys == keys.sorted(), "top-level keys not sorted: \(keys)")
  }

  /// `--out` writes the file (and nothing to stdout), with the same bytes as stdout would get.
  @Test(.enabled(if: peytonPresent))
  func outWritesTheFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let out = directory.path("inspect.json")
    let toFile = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.peyton, "--format", "json", "--out", out,
    ])
    #expect(toFile.status == 0, "\(toFile)")
    #expect(toFile.stdout.isEmpty)
    let toStdout = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.peyton, "--format", "json",
    ])
    let written = try String(contentsOfFile: out, encoding: .utf8)
    #expect(written == toStdout.stdout)
  }

  /// 414 series print as one table row each plus a summary line.
  @Test(.enabled(if: m4Present))
  func m4HourlyIsOneRowPerSeries() throws {
    let result = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.m4Train, "--step", "1h",
    ])
    #expect(result.status == 0, "\(result)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let rows = lines.filter { $0.hasPrefix("H") }
    #expect(rows.count == 414)
    #expect(lines.contains { $0.hasPrefix("414 series, 353,500 rows, 353,500 slots, 0 gaps") })
    let h1 = try #require(rows.first { $0.hasPrefix("H1 ") })
    let fields = h1.split(separator: " ")
    #expect(fields[1] == "1h*")
    #expect(fields.suffix(3) == ["349", "638.489", "926"])
    // Every data row is as wide as the header: the table is aligned.
    let header = try #require(lines.first { $0.hasPrefix("series ") })
    #expect(rows.allSatisfy { $0.count <= header.count + 2 })
  }

  @Test(.enabled(if: m4Present))
  func seriesSelectsByName() throws {
    let result = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.m4Train, "--step", "1h", "--series", "H414",
      "--series", "H1", "--format", "json",
    ])
    #expect(result.status == 0, "\(result)")
    let series = try #require(try json(result.stdout)["series"] as? [[String: Any]])
    #expect(series.map { $0["name"] as? String } == ["H414", "H1"])
    #expect(series.first?["rows"] as? Int == 960)
  }

  /// A start date and a zone turn M4's indices into local timestamps.
  @Test(.enabled(if: m4Present))
  func startAndTimezoneDateIndexData() throws {
    let result = try SurgecastBinary.run([
      "inspect", "--data", TestInputs.m4Train, "--step", "1h", "--series", "H150",
      "--start", "2013-09-01T12:00", "--timezone", "Asia/Seoul", "--format", "json",
    ])
    #expect(result.status == 0, "\(result)")
    let series = try #require((try json(result.stdout)["series"] as? [[String: Any]])?.first)
    #expect(series["first"] as? String == "2013-09-01T12:00:00+09:00")
  }

  /// The generated hourly dataset, when `surgecast synth` has produced it.
  @Test(.enabled(if: TestInputs.exists(TestInputs.traffic1h)))
  func generatedHourlyTraffic() throws {
    var arguments = ["inspect", "--data", TestInputs.traffic1h, "--timezone", "Asia/Seoul"]
    if TestInputs.exists(TestInputs.events) { arguments += ["--events", TestInputs.events] }
    let result = try SurgecastBinary.run(arguments + ["--format", "json"])
    #expect(result.status == 0, "\(result)")
    let report = try json(result.stdout)
    let series = try #require(report["series"] as? [[String: Any]])
    #expect(!series.isEmpty)
    #expect(series.allSatisfy { $0["step"] as? String == "1h" })
  }
}
