import Foundation
import TestSupport
import Testing

/// `surgecast backtest` through the built binary: JSON keys, multi-series runs (no progress
/// bar off a terminal) and partial failure, text tables, exit codes.
@Suite("backtest, end to end")
struct BacktestEndToEndTests {
  static let peytonPresent = TestInputs.exists(TestInputs.peyton)

  func json(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  /// A `series,t,value` file of noisy hourly series (integer index), `lengths` slots each.
  func multiSeriesFile(_ directory: TemporaryDirectory, lengths: [Int]) throws -> String {
    var random = SplitMix64(seed: 42)
    var text = "series,t,value\n"
    for (k, length) in lengths.enumerated() {
      for t in 0..<length {
        let phase = 2 * Double.pi * Double(t % 24) / 24
        let value = 400 + 100 * Double(k) + 120 * sin(phase) + 15 * random.normal()
        text += "S\(k + 1),\(t),\(Int(value.rounded()))\n"
      }
    }
    return try directory.write("multi.csv", text)
  }

  static let metricKeys: Set<String> = [
    "mae", "rmse", "smape", "mase", "wape", "pinball", "coverage_80", "coverage_95",
  ]

  @Test(.enabled(if: peytonPresent))
  func peytonJSONHasTheDocumentedKeysAndIsReproducible() throws {
    let arguments = [
      "backtest", "--data", TestInputs.peyton, "--events", TestInputs.peytonEvents,
      "--horizon", "30d", "--origins", "5", "--format", "json",
    ]
    let result = try SurgecastBinary.run(arguments)
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "a single series prints no progress")
    let report = try json(result.stdout)
    for key in ["aggregate", "origins", "baselines", "by_lead_time", "config"] {
      #expect(report[key] != nil, "missing key \(key)")
    }
    let aggregate = try #require(report["aggregate"] as? [String: Any])
    #expect(Set(aggregate.keys) == Self.metricKeys)
    let baselines = try #require(report["baselines"] as? [String: [String: Any]])
    #expect(Set(baselines.keys) == ["seasonal_naive", "naive2"])
    #expect(baselines.values.allSatisfy { Set($0.keys) == Self.metricKeys })
    let origins = try #require(report["origins"] as? [[String: Any]])
    #expect(origins.map { $0["origin"] as? Int } == [0, 1, 2, 3, 4])
    #expect(origins.last?["start"] as? String == "2015-12-22T00:00:00Z")
    let config = try #require(report["config"] as? [String: Any])
    #expect(config["horizon"] as? Int == 30)
    #expect(config["origins"] as? Int == 5)
    #expect(config["season"] as? Int == 7)
    #expect(config["step_seconds"] as? Int == 86_400)
    let buckets = try #require(report["by_lead_time"] as? [[String: Any]])
    #expect(buckets.map { $0["leads"] as? String } == ["1-7", "8-15", "16-22", "23-30"])
    let relative = try #require(report["relative_to_seasonal_naive"] as? [String: Any])
    let mase = try #require(aggregate["mase"] as? Double)
    let naiveMase = try #require(baselines["seasonal_naive"]?["mase"] as? Double)
    let ratio = try #require(relative["mase"] as? Double)
    #expect(abs(ratio - mase / naiveMase) < 1e-12)

    let again = try SurgecastBinary.run(arguments)
    #expect(again.stdout == result.stdout, "same input and options, same bytes")
  }

  @Test func multiSeriesRunsEverySeries() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let file = try multiSeriesFile(directory, lengths: [400, 300, 350])
    let result = try SurgecastBinary.run([
      "backtest", "--data", file, "--step", "1h", "--horizon", "24", "--origins", "2",
      "--format", "json", "--jobs", "2",
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
    let report = try json(result.stdout)
    #expect(report["series_count"] as? Int == 3)
    #expect(report["window_count"] as? Int == 6)
    let origins = try #require(report["origins"] as? [[String: Any]])
    #expect(origins.map { $0["series"] as? String } == ["S1", "S1", "S2", "S2", "S3", "S3"])
    #expect(origins.map { $0["start_index"] as? Int } == [352, 376, 252, 276, 302, 326])
    let config = try #require(report["config"] as? [String: Any])
    #expect(config["season"] as? Int == 24)
    #expect(config["calendar"] as? Bool == false)
  }

  /// One series too short: exit 2, its error on stderr, the others still reported.
  @Test func aTooShortSeriesFailsAloneWithExitTwo() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let file = try multiSeriesFile(directory, lengths: [300, 60])
    let result = try SurgecastBinary.run([
      "backtest", "--data", file, "--step", "1h", "--horizon", "24", "--origins", "2",
      "--format", "json",
    ])
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("surgecast: error: series 'S2' has 60 slots"))
    #expect(result.stderr.contains("1 of 2 series failed"))
    let report = try json(result.stdout)
    #expect(report["window_count"] as? Int == 2)
    let failures = try #require(report["failures"] as? [[String: Any]])
    #expect(failures.map { $0["series"] as? String } == ["S2"])
  }

  @Test func textOutputIsATable() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let file = try multiSeriesFile(directory, lengths: [300])
    let result = try SurgecastBinary.run([
      "backtest", "--data", file, "--step", "1h", "--horizon", "48h", "--origins", "1",
    ])
    #expect(result.status == 0, "\(result)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("backtest of ") == true)
    #expect(lines.first?.contains("1 series, 1 origin × 48 steps, season 24") == true)
    #expect(lines.contains { $0.hasPrefix("method") && $0.contains("mase") })
    #expect(lines.contains { $0.hasPrefix("surgecast ") })
    #expect(lines.contains { $0.hasPrefix("seasonal naive ") })
    #expect(lines.contains { $0.hasPrefix("naive2 ") })
    #expect(lines.contains("by lead time"))
    #expect(lines.contains { $0.hasPrefix("OWA vs Naive2: surgecast ") })
  }

  @Test func badInputsHaveTheirExitCodes() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let file = try multiSeriesFile(directory, lengths: [60])
    let usage = try SurgecastBinary.run([
      "backtest", "--data", file, "--step", "1h", "--horizon", "24", "--origins", "0",
    ])
    #expect(usage.status == 64, "\(usage)")
    #expect(usage.stderrLines.contains { $0.contains("--origins: must be at least 1") })
    let missing = try SurgecastBinary.run([
      "backtest", "--data", directory.path("none.csv"), "--horizon", "24", "--origins", "1",
    ])
    #expect(missing.status == 66, "\(missing)")
    let short = try SurgecastBinary.run([
      "backtest", "--data", file, "--step", "1h", "--horizon", "24", "--origins", "2",
    ])
    #expect(short.status == 65, "\(short)")
    #expect(short.stderrLines.count == 1)
    #expect(short.stdout.isEmpty, "no partial output")
  }
}
