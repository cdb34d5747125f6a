import Foundation
import TestSupport
import Testing

/// `surgecast watch` run as users run it: a replay's report, alerts from a file, a growing
/// file followed while another process appends to it, and usage errors.
@Suite("watch end to end")
struct WatchEndToEndTests {
  static let model = "Models/traffic-1h/v1.json"

  /// The committed hourly model over the hourly data: every labelled incident is declared at
  /// the end of its second hour, with no false alarm.
  @Test func replayReportsDelaysAndFalseAlarms() throws {
    let run = try SurgecastBinary.run([
      "watch", "--model", Self.model, "--replay", TestInputs.traffic1h, "--events",
      TestInputs.events, "--truth", "Datasets/truth.json", "--format", "json",
    ])
    #expect(run.status == 0, "\(run)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let detections = try #require(report["detections"] as? [[String: Any]])
    #expect(detections.count == 3)
    for detection in detections {
      #expect(detection["delay_minutes"] as? Double == 120, "\(detection)")
    }
    #expect(report["false_alarms"] as? Int == 0)
    let again = try SurgecastBinary.run([
      "watch", "--model", Self.model, "--replay", TestInputs.traffic1h, "--events",
      TestInputs.events, "--truth", "Datasets/truth.json", "--format", "json",
    ])
    #expect(again.stdout == run.stdout)
  }

  /// Rows appended while `--follow` runs raise JSON-line alerts; rows already in the file
  /// only warm the detector.
  @Test func followRaisesAlertsForAppendedRows() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let lines = try String(
      contentsOf: ProjectPaths.root.appendingPathComponent(TestInputs.traffic1h), encoding: .utf8
    ).split(separator: "\n")
    let first = try #require(lines.firstIndex { $0.hasPrefix("2025-07-15T00:00") })
    let onset = try #require(lines.firstIndex { $0.hasPrefix("2025-07-16T10:00") })
    let live = try directory.write("live.csv", "timestamp,value\n" + lines[first..<onset].joined(separator: "\n") + "\n")

    let binary = try SurgecastBinary.location.get()
    let process = Process()
    process.executableURL = binary
    process.arguments = [
      "watch", "--model", Self.model, "--data", live, "--follow", "--interval", "1s",
      "--idle-exit", "4s", "--format", "json", "--events", TestInputs.events,
      "--capacity-per-replica", "5000",
    ]
    process.currentDirectoryURL = ProjectPaths.root
    let out = directory.path("stdout")
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: 1.5)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: live))
    try handle.seekToEnd()
    // A half-written row first: it must wait for its newline.
    try handle.write(contentsOf: Data((lines[onset..<(onset + 4)].joined(separator: "\n") + "\n2025-07").utf8))
    Thread.sleep(forTimeInterval: 1.5)
    try handle.write(contentsOf: Data((lines[onset + 4].dropFirst(7) + "\n").utf8))
    try handle.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let alerts = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
      .split(separator: "\n")
    // The surge, declared at the end of its second hour, then an update for each later hour
    // (the default cadence, 15 minutes, is below the step).
    #expect(alerts.count == 4, "\(alerts)")
    #expect(alerts.dropFirst().allSatisfy { $0.contains("\"kind\":\"update\"") }, "\(alerts)")
    let alert = try #require(
      try JSONSerialization.jsonObject(with: Data((alerts.first ?? "").utf8)) as? [String: Any])
    #expect(alert["kind"] as? String == "surge")
    #expect(alert["start"] as? String == "2025-07-16T10:00:00+09:00")
    #expect(alert["detected_at"] as? String == "2025-07-16T12:00:00+09:00")
    let recommended = try #require(alert["recommended_replicas"] as? Int)
    let forecast = try #require(alert["forecast_replicas"] as? Int)
    #expect(recommended > forecast)
  }

  @Test(arguments: [
    (["--model", "Models/traffic-1h/v1.json"], "give --data"),
    (["--model", "Models/traffic-1h/v1.json", "--replay", "a.csv", "--data", "b.csv"], "exclude"),
    (["--model", "Models/traffic-1h/v1.json", "--replay", "a.csv", "--follow"], "--follow needs"),
    (["--model", "Models/traffic-1h/v1.json", "--data", "a.csv", "--surge-ratio", "0.9"], "surge ratio"),
    (["--model", "Models/traffic-1h/v1.json", "--data", "a.csv", "--alert-webhook", "ftp://x"], "http"),
  ])
  func badOptionsAreUsageErrors(_ options: [String], _ fragment: String) throws {
    let run = try SurgecastBinary.run(["watch"] + options)
    #expect(run.status == 64, "\(run)")
    #expect(run.stderr.contains(fragment), "\(run)")
  }

  @Test func missingReplayFileIsNoInput() throws {
    let run = try SurgecastBinary.run(["watch", "--model", Self.model, "--replay", "nope.csv"])
    #expect(run.status == 66, "\(run)")
    #expect(run.stderrLines.count == 1)
  }
}
