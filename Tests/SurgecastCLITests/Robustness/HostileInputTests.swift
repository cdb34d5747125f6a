import Foundation
import TestSupport
import Testing

/// The rows of README "Limits on hostile input", each at a scale the suite can afford; the
/// full-size inputs run in `make hostile` (scripts/hostile-inputs.sh), which prints time and
/// peak memory. Every case must either work or fail early with one clear line and exit 65/64.
@Suite struct HostileInputTests {
  /// Writes `header` then `count` lines made by `line`, streamed in chunks (no giant String).
  static func stream(
    to path: String, header: String, count: Int, line: (Int) -> String
  ) throws {
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var chunk = header + "\n"
    for i in 0..<count {
      chunk += line(i)
      chunk += "\n"
      if chunk.utf8.count > 1 << 20 {
        try handle.write(contentsOf: Data(chunk.utf8))
        chunk = ""
      }
    }
    try handle.write(contentsOf: Data(chunk.utf8))
  }

  /// Expects a refusal: `status`, one stderr line containing `fragment`, no traceback.
  func expectRefusal(
    _ result: RunResult, status: Int32, _ fragment: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(fragment), "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.utf8.count < 600, sourceLocation: sourceLocation)
  }

  /// Three weeks of hourly traffic (a daily swing) as epoch-second rows.
  static func hourly(to path: String, days: Int = 21, value: ((Int) -> Int)? = nil) throws {
    try stream(to: path, header: "timestamp,value", count: days * 24) { hour in
      let level = value?(hour) ?? (1_000 + 400 * ((hour % 24) / 6))
      return "\(1_735_689_600 + 3_600 * hour),\(level)"
    }
  }

  // 10 million rows (full size in `make hostile`): one million here, read and summarised.
  @Test func millionRowsAreRead() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let file = directory.path("rows.csv")
    try Self.stream(to: file, header: "timestamp,value", count: 1_000_000) {
      "\(1_136_073_600 + 60 * $0),\($0 % 997)"
    }
    let result = try SurgecastBinary.run(["inspect", "--data", file, "--format", "json"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("\"rows\" : 1000000") || result.stdout.contains("1000000"))
  }

  // One enormous line: 20 MB as a header and as one field; the message quotes 300 characters.
  @Test func enormousLineFailsWithAShortMessage() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let long = String(repeating: "7", count: 20_000_000)
    let header = try directory.write("header.csv", long)
    expectRefusal(
      try SurgecastBinary.run(["inspect", "--data", header]), status: 65,
      "missing required column")
    let field = try directory.write("field.csv", "timestamp,value\n2025-01-01T00:00:00Z,\(long)")
    expectRefusal(
      try SurgecastBinary.run(["inspect", "--data", field]), status: 65,
      "bytes in all)")
  }

  // 100,000 events: one promotion name 100,000 times fits; thousands of names or incidents
  // would mean thousands of columns, refused before any fitting.
  @Test func hundredThousandEvents() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let data = directory.path("data.csv")
    try Self.hourly(to: data)
    func events(_ name: String, _ kind: String, distinct: Bool) throws -> String {
      let path = directory.path("\(name).csv")
      var rng = SplitMix64(seed: 9)
      try Self.stream(to: path, header: "name,kind,start,end", count: 100_000) { i in
        let start = 1_735_689_600 + Int(rng.next() % 1_814_400) / 60 * 60
        return "\(distinct ? "\(name)_\(i)" : name),\(kind),\(start),\(start + 7_200)"
      }
      return path
    }
    let same = try events("flash_sale", "promotion", distinct: false)
    let fit = try SurgecastBinary.run(
      ["fit", "--data", data, "--events", same, "--out", directory.path("m.json"), "--quiet"])
    #expect(fit.status == 0, "\(fit)")
    for (name, kind) in [("promo", "promotion"), ("incident", "incident")] {
      let file = try events(name, kind, distinct: true)
      expectRefusal(
        try SurgecastBinary.run(
          ["fit", "--data", data, "--events", file, "--out", directory.path("x.json")]),
        status: 65, "at most 1000 are supported")
    }
    #expect(!FileManager.default.fileExists(atPath: directory.path("x.json")))
  }

  // A horizon of 10 years: 87,600 hourly steps work; beyond 10 years, or beyond 2 million
  // steps (ten years of a 1-second model), is a usage error before any work.
  @Test func tenYearHorizon() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let data = directory.path("data.csv")
    try Self.hourly(to: data)
    let model = directory.path("m.json")
    let fit = try SurgecastBinary.run(["fit", "--data", data, "--out", model, "--quiet"])
    try #require(fit.status == 0, "\(fit)")
    let out = directory.path("f.csv")
    let tenYears = try SurgecastBinary.run(
      ["forecast", "--model", model, "--horizon", "3650d", "--out", out])
    #expect(tenYears.status == 0, "\(tenYears)")
    let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count
    #expect(rows == 1 + 87_600)
    expectRefusal(
      try SurgecastBinary.run(["forecast", "--model", model, "--horizon", "4020d"]),
      status: 64, "10-year limit")

    let seconds = directory.path("seconds.csv")
    try Self.stream(to: seconds, header: "timestamp,value", count: 3 * 3_600) {
      "\(1_735_689_600 + $0),\(100 + $0 % 60)"
    }
    let secondModel = directory.path("s.json")
    let fitSeconds = try SurgecastBinary.run(
      ["fit", "--data", seconds, "--out", secondModel, "--quiet"])
    try #require(fitSeconds.status == 0, "\(fitSeconds)")
    expectRefusal(
      try SurgecastBinary.run(["forecast", "--model", secondModel, "--horizon", "3650d"]),
      status: 64, "at most 2000000 steps")
  }

  // A series of all zeros fits and forecasts zeros; one value repeated forecasts that value.
  @Test func allZerosAndOneRepeatedValue() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    for constant in [0, 7] {
      let data = directory.path("c\(constant).csv")
      try Self.hourly(to: data, days: 35) { _ in constant }
      let model = directory.path("c\(constant).json")
      let fit = try SurgecastBinary.run(["fit", "--data", data, "--out", model, "--quiet"])
      try #require(fit.status == 0, "\(fit)")
      let forecast = try SurgecastBinary.run(
        ["forecast", "--model", model, "--horizon", "2d", "--format", "json"])
      try #require(forecast.status == 0, "\(forecast)")
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(forecast.stdout.utf8)) as? [String: Any])
      let rows = try #require(json["rows"] as? [[String: Any]])
      let mean = rows.compactMap { $0["forecast"] as? Double }
      #expect(mean.count == 48)
      #expect(mean.allSatisfy { abs($0 - Double(constant)) < 1e-6 }, "\(mean.prefix(4))")
    }
  }

  // A series of one row: the step cannot be inferred; with --step it is too short to fit.
  @Test func singleRow() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let data = try directory.write("one.csv", "timestamp,value\n2025-01-01T00:00:00Z,42\n")
    let out = directory.path("m.json")
    expectRefusal(
      try SurgecastBinary.run(["fit", "--data", data, "--out", out]), status: 65, "pass --step")
    expectRefusal(
      try SurgecastBinary.run(["fit", "--data", data, "--step", "1h", "--out", out]),
      status: 65, "at least")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  // A step of one second over a year: 31.5 million slots are read (inspect works, 252 MB of
  // values), and fit refuses them before fitting. The full 31.5-million-row file is in
  // `make hostile`; here three rows make the same grid.
  @Test func oneSecondStepOverAYear() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let start = 1_735_689_600
    let data = try directory.write(
      "seconds.csv", "timestamp,value\n\(start),1\n\(start + 1),2\n\(start + 31_536_000),3\n")
    let inspect = try SurgecastBinary.run(["inspect", "--data", data, "--format", "json"])
    #expect(inspect.status == 0, "\(inspect)")
    #expect(inspect.stdout.contains("31536001"), "\(inspect.stdout.prefix(600))")
    let out = directory.path("m.json")
    expectRefusal(
      try SurgecastBinary.run(["fit", "--data", data, "--out", out]), status: 65,
      "31536001 slots of 1 s; fit accepts at most 2000000")
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
