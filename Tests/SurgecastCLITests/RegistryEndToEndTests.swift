import Foundation
import TestSupport
import Testing

/// The registry through the binary: versions, concurrent writers, show/diff, many series.
@Suite("model registry end to end")
struct RegistryEndToEndTests {
  static let committedModel = "Models/traffic-1h/v1.json"

  /// Three weeks of hourly data per series: a daily cycle with noise, seeded.
  static func multiSeriesCSV(names: [String], hours: Int = 21 * 24) -> String {
    var lines = ["series,timestamp,value"]
    let start = 1_735_689_600  // 2025-01-01T00:00Z
    for (s, name) in names.enumerated() {
      var random = SplitMix64(seed: UInt64(17 + s))
      for h in 0..<hours {
        let level = 1000 * Double(s + 1)
        let daily = 1 + 0.5 * sin(2 * Double.pi * Double(h % 24) / 24)
        let value = (level * daily * (1 + 0.05 * random.normal())).rounded()
        let stamp = Date(timeIntervalSince1970: TimeInterval(start + h * 3600))
        lines.append("\(name),\(ISO8601DateFormatter().string(from: stamp)),\(value)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func concurrentProcessesNeverShareOrCorruptAVersion() async throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let registry = dir.path("registry")
    let results = try await withThrowingTaskGroup(of: RunResult.self) { group in
      for _ in 0..<8 {
        group.addTask {
          try SurgecastBinary.run([
            "models", "add", "race", "--file", Self.committedModel, "--registry", registry,
          ])
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
    let versions = results.compactMap { $0.stdout.split(separator: " ").first }.sorted()
    #expect(Set(versions).count == 8)
    let original = FileManager.default.contents(
      atPath: ProjectPaths.root.appendingPathComponent(Self.committedModel).path)
    let files = try FileManager.default.contentsOfDirectory(atPath: "\(registry)/race").sorted()
    #expect(files == (1...8).map { "v\($0).json" }.sorted())
    for file in files {
      #expect(FileManager.default.contents(atPath: "\(registry)/race/\(file)") == original)
    }
  }

  @Test func fitByNameAddsVersionsThatShowListAndDiffRead() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let data = try dir.write("one.csv", Self.multiSeriesCSV(names: ["api"]))
    let registry = dir.path("registry")
    let fit = ["fit", "--data", data, "--series", "api", "--name", "api", "--registry", registry]
    let first = try SurgecastBinary.run(fit)
    #expect(first.status == 0, "\(first)")
    #expect(first.stderr.contains("api@v1"), "\(first)")
    let second = try SurgecastBinary.run(fit + ["--spec", try dir.write("s.json", "{\"dailyOrder\": 3}")])
    #expect(second.status == 0 && second.stderr.contains("api@v2"), "\(second)")

    let list = try SurgecastBinary.run(["models", "list", "--registry", registry])
    #expect(list.status == 0 && list.stdout.contains("api") && list.stdout.contains("v2"), "\(list)")
    let show = try SurgecastBinary.run(["models", "show", "api@1", "--registry", registry])
    #expect(show.status == 0 && show.stdout.contains("fingerprint"), "\(show)")
    let diff = try SurgecastBinary.run(["models", "diff", "api@1", "api", "--registry", registry])
    #expect(diff.status == 0, "\(diff)")
    #expect(diff.stdout.contains("dailyOrder"), "\(diff)")
    let forecast = try SurgecastBinary.run([
      "forecast", "--model", "api@v2", "--registry", registry, "--horizon", "2h",
    ])
    #expect(forecast.status == 0 && forecast.stdout.split(separator: "\n").count == 3, "\(forecast)")

    let missing = try SurgecastBinary.run(["models", "show", "nope", "--registry", registry])
    #expect(missing.status == 66 && missing.stderr.contains("no model named 'nope'"))
    let badName = try SurgecastBinary.run(fit.dropLast(4) + ["--name", "../x"])
    #expect(badName.status == 64, "\(badName)")
  }

  @Test func manySeriesAreFittedAndAFailureIsReportedWithExitTwo() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    var csv = Self.multiSeriesCSV(names: ["api-eu", "api-us", "batch"])
    // A series with two rows cannot be fitted.
    csv += "api-short,2025-01-01T00:00:00Z,5\napi-short,2025-01-01T01:00:00Z,6\n"
    let data = try dir.write("many.csv", csv)
    let registry = dir.path("registry")
    let result = try SurgecastBinary.run([
      "fit", "--data", data, "--series", "api-*", "--name", "web", "--registry", registry,
    ])
    #expect(result.status == 2, "\(result)")
    let errors = result.stderrLines.filter { $0.hasPrefix("surgecast: error: ") }
    #expect(errors.count == 2, "\(result)")
    #expect(errors.first?.contains("series 'api-short'") == true, "\(result)")
    #expect(errors.last?.contains("1 of 3 series failed") == true, "\(result)")
    let names = try FileManager.default.contentsOfDirectory(atPath: registry).sorted()
    #expect(names == ["web.api-eu", "web.api-us"])
  }
}
