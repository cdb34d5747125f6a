import Foundation
import TestSupport
import Testing

/// `--prometheus` in place of `--data`, against a real server.
@Suite(
  "Prometheus source end to end", .serialized,
  .enabled(if: PrometheusServer.unavailableReason == nil, "\(PrometheusServer.unavailableReason ?? "")"))
struct PrometheusEndToEndTests {
  @Test func inspectAndFitReadTheQueryResult() async throws {
    var lines = ["# TYPE requests gauge"]
    // The same 12 hours after the fitted range, as a file for `forecast --data`.
    var recentCSV = ["series,timestamp,value"]
    let start = 1_735_689_600
    for (s, region) in ["eu", "us"].enumerated() {
      for h in 0..<(21 * 24 + 12) {
        let value = 1000 * Double(s + 1) * (1 + 0.5 * sin(2 * Double.pi * Double(h % 24) / 24))
        lines.append("requests{region=\"\(region)\"} \(value.rounded()) \(start + h * 3600)")
        if h >= 21 * 24 {
          recentCSV.append("\"requests{region=\"\"\(region)\"\"}\",\(start + h * 3600),\(Int(value.rounded()))")
        }
      }
    }
    let server = try await PrometheusServer(openMetrics: lines.joined(separator: "\n") + "\n# EOF\n")
    defer { server.stop() }
    let source = [
      "--prometheus", server.url.absoluteString, "--query", "requests", "--start",
      "2025-01-01T00:00Z", "--end", "2025-01-21T23:00Z", "--step", "1h",
    ]
    let inspect = try SurgecastBinary.run(["inspect"] + source + ["--format", "json"])
    #expect(inspect.status == 0, "\(inspect)")
    #expect(inspect.stdout.contains("requests{region=\\\"eu\\\"}"), "\(inspect)")
    #expect(inspect.stdout.contains("\"missing\" : 0"), "\(inspect)")

    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let fit = try SurgecastBinary.run(
      ["fit"] + source + ["--series", "*us*", "--name", "us", "--registry", dir.path("r")])
    #expect(fit.status == 0, "\(fit)")
    #expect(FileManager.default.fileExists(atPath: dir.path("r/us/v1.json")))

    // Recent observations from Prometheus: the same forecasts as from the same values in a file.
    let group = try SurgecastBinary.run(["fit"] + source + ["--name", "req", "--registry", dir.path("r")])
    #expect(group.status == 0, "\(group)")
    let forecast = ["forecast", "--model", "req", "--registry", dir.path("r"), "--horizon", "3h"]
    let live = try SurgecastBinary.run(
      forecast + ["--prometheus", server.url.absoluteString, "--query", "requests", "--end", "2025-01-22T11:00Z"])
    #expect(live.status == 0, "\(live)")
    let recent = try dir.write("recent.csv", recentCSV.joined(separator: "\n") + "\n")
    let fromFile = try SurgecastBinary.run(forecast + ["--data", recent])
    #expect(fromFile.status == 0, "\(fromFile)")
    #expect(live.stdout == fromFile.stdout)
    #expect(live.stdout.split(separator: "\n").count == 1 + 2 * 3)
    #expect(live.stdout.contains("\"requests{region=\"\"us\"\"}\",2025-01-22T12:00:00Z,"), "\(live)")
    let one = try SurgecastBinary.run(
      ["forecast", "--model", "us", "--registry", dir.path("r"), "--horizon", "3h", "--prometheus",
       server.url.absoluteString, "--query", "requests", "--end", "2025-01-22T11:00Z"])
    #expect(one.status == 0 && one.stdout.contains("2025-01-22T12:00:00Z"), "\(one)")

    let bad = try SurgecastBinary.run(["inspect"] + source.map { $0 == "requests" ? "rate(" : $0 })
    #expect(bad.status == 64 && bad.stderr.contains("parse error"), "\(bad)")
    let noEnd = try SurgecastBinary.run(["inspect"] + source.prefix(6))
    #expect(noEnd.status == 64 && noEnd.stderr.contains("--prometheus needs"), "\(noEnd)")
  }
}
