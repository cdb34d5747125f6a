import Forecasting
import Foundation
import ModelRegistry
import Modeling
import TestSupport
import Testing
import TimeSeries

#if canImport(Glibc)
  import Glibc
#endif

/// SIGKILL while writing: the destination must always hold one complete version, old or new.
///
/// `surgecast-crash-probe` (Tests/CrashProbe) rewrites one file in a loop, alternating two
/// contents, through the writers the commands use; the test kills it after a random delay
/// (seeded) and compares the file with both complete contents. The suite runs
/// `SURGECAST_KILL_COUNT` kills per writer (default 30); `make crash-test` runs 200.
@Suite(.serialized) struct CrashSafetyTests {
  static var kills: Int {
    ProcessInfo.processInfo.environment["SURGECAST_KILL_COUNT"].flatMap(Int.init) ?? 30
  }

  /// The small model: three weeks of the default hourly data, fitted by the binary.
  static func smallModel(in directory: TemporaryDirectory) throws -> String {
    let path = ProjectPaths.datasets("traffic-1h.csv").path
    let lines = try String(contentsOfFile: path, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).prefix(1 + 21 * 24)
    let data = try directory.write("small.csv", lines.joined(separator: "\n") + "\n")
    let model = directory.path("small.json")
    let result = try SurgecastBinary.run([
      "fit", "--data", data, "--timezone", "Asia/Seoul", "--out", model,
    ])
    try #require(result.status == 0, "\(result)")
    return model
  }

  @Test func modelWritesSurviveSIGKILL() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let big = ProjectPaths.root.appendingPathComponent("Models/traffic-1h/v1.json").path
    let small = try Self.smallModel(in: directory)
    let contents = try [big, small].map { try ModelFile.encode(ModelFile.read(path: $0)) }
    try killRepeatedly(mode: "model", sources: [big, small], contents: contents, seed: 1)
  }

  /// Registry versions are created by an exclusive link of a synced temporary file: after any
  /// kill, every version present is a complete model, and the next publisher continues.
  @Test func registryPublishSurvivesSIGKILL() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let big = ProjectPaths.root.appendingPathComponent("Models/traffic-1h/v1.json").path
    let small = try Self.smallModel(in: directory)
    let contents = try [big, small].map { try ModelFile.encode(ModelFile.read(path: $0)) }
    let probe = try SurgecastBinary.crashProbe.get()
    let root = directory.path("registry")
    var rng = SplitMix64(seed: 4)
    var inside = 0
    for kill in 1...Self.kills {
      let process = Process()
      process.executableURL = probe
      process.arguments = ["publish", root, big, small]
      let ready = Pipe()
      process.standardOutput = ready
      try process.run()
      let line = ready.fileHandleForReading.availableData
      try #require(String(decoding: line, as: UTF8.self) == "ready\n", "kill \(kill)")
      usleep(UInt32(rng.uniform() * 40_000))
      Glibc.kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let registry = ModelRegistry(root: root)
      for version in registry.versions(of: "probe") {
        let path = registry.path(of: "probe", version: version)
        let found = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(contents.contains(found), "kill \(kill): v\(version) is \(found.count) bytes")
      }
      let folder = registry.folder(of: "probe")
      // A kill before the first publish created the model's folder leaves nothing to check
      // (the model is encoded before any file is touched).
      guard FileManager.default.fileExists(atPath: folder) else { continue }
      let temporaries = try FileManager.default.contentsOfDirectory(atPath: folder)
        .filter { $0.hasPrefix(".") }
      inside += temporaries.count
      // Leftover temporary files of this kill: counted, then removed so the next is clear.
      for name in temporaries { try FileManager.default.removeItem(atPath: folder + "/" + name) }
    }
    let versions = ModelRegistry(root: root).versions(of: "probe")
    #expect(!versions.isEmpty)
    print(
      "crash safety (publish): \(Self.kills) kills, \(versions.count) complete versions, "
        + "\(inside) kills inside a write")
  }

  @Test func forecastWritesSurviveSIGKILL() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let big = ProjectPaths.root.appendingPathComponent("Models/traffic-1h/v1.json").path
    let small = try Self.smallModel(in: directory)
    let contents = try [big, small].map {
      try ForecastEncoding.csv(
        ModelFile.read(path: $0).forecast(ForecastRequest(horizon: 24 * 14)))
    }
    try killRepeatedly(mode: "forecast", sources: [big, small], contents: contents, seed: 2)
  }

  @Test func recommendationWritesSurviveSIGKILL() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let big = ProjectPaths.root.appendingPathComponent("Models/traffic-1h/v1.json").path
    let small = try Self.smallModel(in: directory)
    // The complete versions, written by the probe itself (`recommend-once`) without a kill.
    let probe = try SurgecastBinary.crashProbe.get()
    let contents = try [(big, small), (small, big)].enumerated().map { index, pair in
      let out = directory.path("reference-\(index).json")
      let process = try Process.run(probe, arguments: ["recommend-once", out, pair.0, pair.1])
      process.waitUntilExit()
      try #require(process.terminationStatus == 0)
      return try Data(contentsOf: URL(fileURLWithPath: out))
    }
    try killRepeatedly(mode: "recommend", sources: [big, small], contents: contents, seed: 5)
  }

  @Test func seriesWritesSurviveSIGKILL() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let full = ProjectPaths.datasets("traffic-1h.csv").path
    let lines = try String(contentsOfFile: full, encoding: .utf8)
      .split(separator: "\n").prefix(2_000)
    let part = try directory.write("part.csv", lines.joined(separator: "\n") + "\n")
    let contents = try [full, part].map {
      try SeriesCSV.encode(SeriesCSV.read(path: $0).series[0])
    }
    // Each write encodes ~10,000 rows first (slow in a debug build), so kills spread wider.
    try killRepeatedly(
      mode: "series", sources: [full, part], contents: contents, seed: 3, maxDelay: 0.3)
  }

  /// Starts the probe `kills` times, kills it 0–`maxDelay` s after it starts its loop, and
  /// checks the destination each time. The destination starts as content 1, so that the
  /// probe's first write (content 0) replaces it.
  func killRepeatedly(
    mode: String, sources: [String], contents: [Data], seed: UInt64, maxDelay: Double = 0.04
  ) throws {
    let probe = try SurgecastBinary.crashProbe.get()
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let destination = directory.path("out")
    try contents[1].write(to: URL(fileURLWithPath: destination))
    var rng = SplitMix64(seed: seed)
    var seen = [0, 0]
    for kill in 1...Self.kills {
      let process = Process()
      process.executableURL = probe
      process.arguments = [mode, destination] + sources
      let ready = Pipe()
      process.standardOutput = ready
      try process.run()
      // Blocks until the probe has loaded its inputs and is about to write.
      let line = ready.fileHandleForReading.availableData
      try #require(String(decoding: line, as: UTF8.self) == "ready\n", "kill \(kill)")
      usleep(UInt32(rng.uniform() * maxDelay * 1e6))
      Glibc.kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal, "kill \(kill): probe exited early")
      let found = try Data(contentsOf: URL(fileURLWithPath: destination))
      guard let which = contents.firstIndex(of: found) else {
        Issue.record("kill \(kill): destination holds \(found.count) bytes, neither version")
        return
      }
      seen[which] += 1
    }
    // Evidence that kills landed inside the loop: at least one write completed.
    #expect(seen[0] > 0, "\(mode): no write ever completed before a kill (\(seen))")
    // Leftover temporary files are expected (a killed process cannot clean up); they are
    // hidden, named after the destination, and never the destination itself.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
      .filter { $0 != "out" }
    #expect(leftovers.allSatisfy { $0.hasPrefix(".out.tmp-") }, "\(leftovers)")
    print(
      "crash safety (\(mode)): \(Self.kills) kills, first/second content seen "
        + "\(seen[0])/\(seen[1]), \(leftovers.count) temporary files left (kills inside a "
        + "write)")
  }
}
