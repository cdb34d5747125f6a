import Foundation
import TestSupport
import Testing

/// `watch --prometheus` and `serve --prometheus` against a real Prometheus holding 22 days of
/// hourly traffic with a planted ×3 surge on the last day, from a model fitted (from the same
/// server) on the 21 days before it.
@Suite(
  "live surge detection from Prometheus", .serialized,
  .enabled(
    if: PrometheusServer.unavailableReason == nil, "\(PrometheusServer.unavailableReason ?? "")"))
struct LiveSurgeEndToEndTests {
  static let start = 1_735_689_600  // 2025-01-01T00:00Z
  /// The surge: ×3 from 2025-01-22T06:00Z for 6 hours; the data ends at 2025-01-22T18:00Z.
  static let surgeHours = (21 * 24 + 6)..<(21 * 24 + 12)
  static let hours = 21 * 24 + 19

  /// `requests` (one series, with the surge) and `by_region{region=…}` (two series).
  static func openMetrics() -> String {
    var random = SplitMix64(seed: 20_250_122)
    var lines = ["# TYPE requests gauge"]
    var regions = ["# TYPE by_region gauge"]
    for h in 0..<hours {
      let daily = 1 + 0.5 * sin(2 * Double.pi * Double(h % 24) / 24)
      let surge = surgeHours.contains(h) ? 3.0 : 1.0
      let value = 1000 * daily * surge * exp(0.05 * random.normal())
      lines.append("requests \(value.rounded()) \(start + h * 3600)")
      for region in ["eu", "us"] {
        regions.append("by_region{region=\"\(region)\"} \(value.rounded()) \(start + h * 3600)")
      }
    }
    return (lines + regions).joined(separator: "\n") + "\n# EOF\n"
  }

  /// A registry with model `req` fitted on the 21 days before the surge's day.
  static func fitted(_ server: PrometheusServer, in directory: TemporaryDirectory) throws
    -> String
  {
    let registry = directory.path("registry")
    let fit = try SurgecastBinary.run([
      "fit", "--prometheus", server.url.absoluteString, "--query", "requests", "--start",
      "2025-01-01T00:00Z", "--end", "2025-01-21T23:00Z", "--step", "1h", "--name", "req",
      "--registry", registry,
    ])
    try #require(fit.status == 0, "\(fit)")
    return registry
  }

  static func lines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
  }

  @Test func watchEmitsSurgeUpdatesAndRecovery() async throws {
    let server = try await PrometheusServer(openMetrics: Self.openMetrics())
    defer { server.stop() }
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let registry = try Self.fitted(server, in: directory)
    let watch = [
      "watch", "--model", "req", "--registry", registry, "--prometheus",
      server.url.absoluteString, "--interval", "1s", "--idle-exit", "2s",
      "--capacity-per-replica", "500",
    ]
    // From 2025-01-22T00:00Z on (the day before warms the detector): everything since then is
    // new to the watch, read by the first poll as if it had just arrived.
    let run = try SurgecastBinary.run(
      watch + ["--query", "requests", "--since", "2025-01-22T00:00Z", "--format", "json"])
    #expect(run.status == 0, "\(run)")
    #expect(run.stderr.contains("watching requests on \(server.url.absoluteString) (requests): normal"), "\(run)")
    let alerts = try Self.lines(run.stdout)
    // A surge, an update at every slot after the detection (the step, 1 h, is above the
    // 15-minute cadence) until the surge is over, and a recovery.
    let kinds = alerts.compactMap { $0["kind"] as? String }
    #expect(kinds.first == "surge" && kinds.last == "recovered", "\(run)")
    #expect(kinds.count >= 5 && kinds.dropFirst().dropLast().allSatisfy { $0 == "update" }, "\(run)")
    let surge = try #require(alerts.first)
    #expect(surge["start"] as? String == "2025-01-22T06:00:00Z")
    #expect(surge["detected_at"] as? String == "2025-01-22T08:00:00Z")
    #expect(surge["raised_at"] as? String == "2025-01-22T08:00:00Z")
    #expect(surge["episode"] as? String == "surge")
    #expect(surge["series"] as? String == "requests")
    let ratio = try #require(surge["ratio"] as? Double)
    #expect(ratio > 2.5 && ratio < 3.5, "\(surge)")
    let recommended = try #require(surge["recommended_replicas"] as? Int)
    let forecast = try #require(surge["forecast_replicas"] as? Int)
    #expect(recommended > 2 * forecast, "\(surge)")
    let peak = try #require(surge["projected_peak"] as? Double)
    #expect(peak > 2000)
    // Both leads (30 and 60 minutes) fall in the hour after the detection.
    let projections = try #require(surge["projections"] as? [[String: Any]])
    #expect(projections.map { $0["at"] as? String } == ["2025-01-22T08:00:00Z", "2025-01-22T08:00:00Z"])
    // Each update has the episode's onset and the current size.
    for (hour, update) in zip(9..., alerts.dropFirst().dropLast()) {
      #expect(update["raised_at"] as? String == "2025-01-22T\(String(format: "%02d", hour)):00:00Z")
      #expect(update["start"] as? String == "2025-01-22T06:00:00Z")
      #expect(((update["ratio"] as? Double) ?? 0) > 2.5, "\(update)")
    }
    #expect(alerts.last?["end"] as? String != nil)

    // Text alerts, and no updates with --update-every 0.
    let text = try SurgecastBinary.run(
      watch + ["--query", "requests", "--since", "2025-01-22T00:00Z", "--update-every", "0"])
    #expect(text.status == 0, "\(text)")
    let sentences = text.stdout.split(separator: "\n")
    #expect(sentences.count == 2, "\(text)")
    #expect(sentences.first?.hasPrefix("2025-01-22T08:00:00Z  SURGE  requests  onset 2025-01-22T06:00:00Z") == true, "\(text)")
    #expect(sentences.last?.contains("RECOVERED") == true)

    // Several series: named with --series, or a one-line usage error.
    let several = try SurgecastBinary.run(
      watch + ["--query", "by_region", "--since", "2025-01-22T00:00Z"])
    #expect(several.status == 64, "\(several)")
    #expect(several.stderrLines.count == 1 && several.stderr.contains("returned 2 series"), "\(several)")
    let named = try SurgecastBinary.run(
      watch + ["--query", "by_region", "--series", "by_region{region=\"us\"}", "--since",
        "2025-01-22T00:00Z", "--update-every", "0", "--format", "json"])
    #expect(named.status == 0, "\(named)")
    #expect(try Self.lines(named.stdout).first?["detected_at"] as? String == "2025-01-22T08:00:00Z")
    let bad = try SurgecastBinary.run(watch + ["--query", "rate("])
    #expect(bad.status == 64 && bad.stderr.contains("parse error"), "\(bad)")
    let empty = try SurgecastBinary.run(watch + ["--query", "no_such_metric"])
    #expect(empty.status == 66 && empty.stderr.contains("returned no samples"), "\(empty)")
    // A watch whose Prometheus goes away: each failed poll is a warning, and the watch goes
    // on (here until --idle-exit).
    let outPath = directory.path("stdout")
    let errPath = directory.path("stderr")
    let process = Process()
    process.executableURL = try SurgecastBinary.location.get()
    process.arguments =
      watch.map { $0 == "2s" ? "5s" : $0 } + ["--query", "requests", "--since", "2025-01-22T00:00Z"]
    for path in [outPath, errPath] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    try process.run()
    // The first poll prints every alert at once; Prometheus dies right after it. (A blocking
    // wait: an awaited sleep can resume late when other tests hold the cooperative threads,
    // and the watch would reach its idle exit first.)
    for _ in 0..<1200 where process.isRunning {
      if String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self)
        .contains("RECOVERED")
      {
        break
      }
      usleep(50_000)
    }
    server.kill()
    process.waitUntilExit()
    let warnings = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
    #expect(process.terminationStatus == 0, "\(warnings)")
    #expect(warnings.contains("surgecast: warning: prometheus"), "\(warnings)")
    #expect(warnings.contains("unreachable") && warnings.contains("trying again in 1 s"), "\(warnings)")

    let nobody = "http://127.0.0.1:\(try PrometheusServer.freePort())"
    let unreachable = try SurgecastBinary.run(
      watch.map { $0 == server.url.absoluteString ? nobody : $0 } + ["--query", "requests"])
    #expect(unreachable.status == 66 && unreachable.stderr.contains("unreachable"), "\(unreachable)")
  }

  @Test func serveRecommendsForTheSurgeAndKeepsItAcrossAReload() async throws {
    let prometheus = try await PrometheusServer(openMetrics: Self.openMetrics())
    defer { prometheus.stop() }
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let registry = try Self.fitted(prometheus, in: directory)
    let common = [
      "--registry", registry, "--model", "req", "--capacity-per-replica", "500",
      "--reload-interval", "1s", "--now", "2025-01-22T09:00Z",
    ]
    let plain = try ServeProcess(common, stderrPath: directory.path("plain.stderr"))
    let plainKEDA = try ServeEndToEndTests.object(try await plain.get("/v1/recommendation/keda").body)
    let plainDocument = try ServeEndToEndTests.object(try await plain.get("/v1/recommendation").body)
    plain.stop()
    #expect(plainDocument["surge"] == nil)
    let forecastReplicas = try #require(plainKEDA["replicas"] as? Int)

    let serve = try ServeProcess(
      common + [
        "--prometheus", prometheus.url.absoluteString, "--query", "requests", "--interval", "1s",
      ], stderrPath: directory.path("live.stderr"))
    defer { serve.stop() }
    let body = try await serve.get("/v1/recommendation").body
    #expect(RecommendEndToEndTests.schema.violations(of: try JSONValue.parse(String(decoding: body, as: UTF8.self))).isEmpty)
    let document = try ServeEndToEndTests.object(body)
    let surge = try #require(document["surge"] as? [String: Any], "\(document)")
    #expect(surge["state"] as? String == "surge")
    #expect(surge["started"] as? String == "2025-01-22T06:00:00Z")
    #expect(surge["detected_at"] as? String == "2025-01-22T08:00:00Z")
    #expect(surge["last_observation"] as? String == "2025-01-22T09:00:00Z")
    #expect(surge["forecast_replicas"] as? Int == forecastReplicas)
    let surgeReplicas = try #require(surge["surge_replicas"] as? Int)
    #expect(surgeReplicas > 2 * forecastReplicas, "\(surge)")
    let first = try #require((document["schedule"] as? [[String: Any]])?.first)
    #expect(first["replicas"] as? Int == surgeReplicas)
    #expect(first["reason"] as? String == "surge_response")
    let keda = try ServeEndToEndTests.object(try await serve.get("/v1/recommendation/keda").body)
    #expect(keda["replicas"] as? Int == surgeReplicas)
    let metrics = String(decoding: try await serve.get("/metrics").body, as: UTF8.self)
    #expect(metrics.contains("surgecast_surge_active{series=\"requests\"} 1"), "\(metrics)")
    #expect(metrics.contains("surgecast_surge_replicas{series=\"requests\"} \(surgeReplicas)"))
    #expect(metrics.contains("surgecast_recommended_replicas{series=\"requests\"} \(surgeReplicas)"))

    // A new version: the detector re-baselines on it and the surge response stays.
    try ServeProcess.publishVersion2(of: URL(fileURLWithPath: registry).appendingPathComponent("req"))
    var reloaded: [String: Any] = [:]
    for _ in 0..<100 {
      try await Task.sleep(nanoseconds: 200_000_000)
      reloaded = try ServeEndToEndTests.object(try await serve.get("/v1/recommendation").body)
      if (reloaded["model"] as? [String: Any])?["name"] as? String == "req@v2",
        serve.stderr.contains("re-baselined on req@v2")
      {
        break
      }
    }
    #expect(serve.stderr.contains("surge detector re-baselined on req@v2"), "\(serve.stderr)")
    #expect((reloaded["surge"] as? [String: Any])?["state"] as? String == "surge")
    let after = try ServeEndToEndTests.object(try await serve.get("/v1/recommendation/keda").body)
    #expect(after["replicas"] as? Int == surgeReplicas)
    let polled = String(decoding: try await serve.get("/metrics").body, as: UTF8.self)
    #expect(polled.contains("surgecast_surge_poll_failures_total 0"), "\(polled)")
  }
}
