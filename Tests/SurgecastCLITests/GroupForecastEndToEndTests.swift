import Foundation
import TestSupport
import Testing

/// `forecast --model GROUP`: every `GROUP.*` model of the registry in one output, equal to the
/// forecasts of the models one by one.
@Suite("group forecast end to end", .serialized)
struct GroupForecastEndToEndTests {
  /// Three weeks of history of three series fitted as `web.*`, and the next 12 hours of each
  /// in `recent.csv` (a `series` column).
  static func registryWithGroup(_ dir: TemporaryDirectory) throws -> (registry: String, recent: String) {
    let names = ["api-eu", "api-us", "batch,x"]
    let all = RegistryEndToEndTests.multiSeriesCSV(names: names, hours: 21 * 24 + 12)
      .split(separator: "\n").map { $0.hasPrefix("batch,x,") ? "\"batch,x\"" + $0.dropFirst(7) : String($0) }
    let isHistory = { (line: String) in line.contains("2025-01-0") || line.contains("2025-01-1")
      || line.contains("2025-01-20") || line.contains("2025-01-21")
    }
    let history = [all[0]] + all.dropFirst().filter(isHistory)
    let recent = [all[0]] + all.dropFirst().filter { !isHistory($0) }
    #expect(recent.count == 1 + 3 * 12)
    let data = try dir.write("history.csv", history.joined(separator: "\n") + "\n")
    let registry = dir.path("registry")
    let fit = try SurgecastBinary.run(["fit", "--data", data, "--name", "web", "--registry", registry])
    #expect(fit.status == 0, "\(fit)")
    return (registry, try dir.write("recent.csv", recent.joined(separator: "\n") + "\n"))
  }

  /// The recent data without the rows of one series: that series' model has none to start
  /// from.
  static func recent(_ recent: String, without series: String, in dir: TemporaryDirectory)
    throws -> String
  {
    try dir.write(
      "partial.csv",
      try String(contentsOfFile: recent, encoding: .utf8).split(separator: "\n")
        .filter { !$0.hasPrefix(series + ",") }.joined(separator: "\n") + "\n")
  }

  @Test func aGroupIsForecastAsItsModelsOneByOne() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let (registry, recent) = try Self.registryWithGroup(dir)
    let common = ["--registry", registry, "--horizon", "6h", "--data", recent]
    let group = try SurgecastBinary.run(["forecast", "--model", "web"] + common)
    #expect(group.status == 0, "\(group)")
    let lines = group.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "series,timestamp,forecast,p10,p50,p90,p95,p99")
    #expect(lines.count == 1 + 3 * 6)
    // Each block is the single-model forecast (recent data picked by series name) with the
    // series in front, in the order of the model names.
    for (model, series) in [("web.api-eu", "api-eu"), ("web.api-us", "api-us"), ("web.batch_x", "\"batch,x\"")] {
      let one = try SurgecastBinary.run(["forecast", "--model", model] + common)
      #expect(one.status == 0, "\(one)")
      let rows = one.stdout.split(separator: "\n").dropFirst().map { "\(series),\($0)" }
      #expect(lines.filter { $0.hasPrefix(series + ",") } == rows)
    }
    try #require(lines.count > 1)
    #expect(lines[1].hasPrefix("api-eu,2025-01-22T12:00:00Z,"), "forecasts start after the recent data")

    let again = try SurgecastBinary.run(["forecast", "--model", "web"] + common)
    #expect(again.stdout == group.stdout, "same input, same bytes")
    let pattern = try SurgecastBinary.run(["forecast", "--model", "web.api-*"] + common)
    #expect(pattern.stdout.split(separator: "\n").count == 1 + 2 * 6, "\(pattern)")

    let json = try SurgecastBinary.run(["forecast", "--model", "web", "--format", "json"] + common)
    #expect(json.status == 0, "\(json)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let bySeries = try #require(document["series"] as? [String: [String: Any]])
    #expect(bySeries.keys.sorted() == ["api-eu", "api-us", "batch,x"])
    #expect((bySeries["api-us"]?["rows"] as? [Any])?.count == 6)
    let models = try #require(document["models"] as? [String: String])
    #expect(models["batch,x"] == "web.batch_x@v1")
    #expect((document["failures"] as? [String: String])?.isEmpty == true)
  }

  @Test func aFailingModelIsReportedAndTheOthersWritten() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let (registry, recent) = try Self.registryWithGroup(dir)
    let partial = try Self.recent(recent, without: "api-us", in: dir)
    let out = dir.path("out.csv")
    let result = try SurgecastBinary.run([
      "forecast", "--model", "web", "--registry", registry, "--horizon", "2h", "--data", partial,
      "--out", out,
    ])
    #expect(result.status == 2, "\(result)")
    let errors = result.stderrLines
    #expect(errors.count == 2, "\(result)")
    #expect(errors.first?.contains("series 'web.api-us'") == true, "\(result)")
    #expect(errors.first?.contains("no series named 'api-us'") == true, "\(result)")
    #expect(errors.last?.contains("1 of 3 series failed") == true, "\(result)")
    let written = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(written.count == 1 + 2 * 2)
    #expect(!written.contains { $0.hasPrefix("api-us") })

    let versioned = try SurgecastBinary.run([
      "forecast", "--model", "web@v1", "--registry", registry, "--horizon", "2h",
    ])
    #expect(versioned.status == 64 && versioned.stderr.contains("is a group of 3 models"), "\(versioned)")
    let nothing = try SurgecastBinary.run([
      "forecast", "--model", "zz*", "--registry", registry, "--horizon", "2h",
    ])
    #expect(nothing.status == 66, "\(nothing)")
  }
}
