import Foundation
import TestSupport
import Testing

/// `surgecast recommend` run as users run it: formats, determinism, the JSON contract against
/// its schema (for every README example), and errors with their exit codes.
@Suite("recommend end to end")
struct RecommendEndToEndTests {
  static let model = "traffic-1h"
  static let base = [
    "recommend", "--model", model, "--horizon", "24h", "--capacity-per-replica", "1800",
  ]

  static func json(_ extra: [String] = []) throws -> JSONValue {
    let result = try SurgecastBinary.run(base + extra + ["--format", "json"])
    #expect(result.status == 0, "\(result)")
    return try JSONValue.parse(result.stdout)
  }

  static let schema: JSONSchemaSubset = {
    let url = ProjectPaths.root.appendingPathComponent("docs/schemas/recommendation.schema.json")
    guard let text = try? String(contentsOf: url, encoding: .utf8),
      let value = try? JSONValue.parse(text)
    else { fatalError("cannot read \(url.path)") }
    return JSONSchemaSubset(schema: value)
  }()

  /// Every `surgecast recommend …` command of the README (continuation lines joined), with its
  /// output format switched to json.
  static func readmeExamples() throws -> [[String]] {
    let readme = try String(
      contentsOf: ProjectPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    var commands: [String] = []
    var pending: String?
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = line.trimmingCharacters(in: .whitespaces)
      if let current = pending {
        pending = current + " " + text
      } else if text.hasPrefix("surgecast recommend ") {
        pending = text
      } else {
        continue
      }
      if let current = pending, current.hasSuffix("\\") {
        pending = String(current.dropLast())
      } else if let current = pending {
        commands.append(current)
        pending = nil
      }
    }
    return commands.map { command in
      var words = command.split(separator: " ").map(String.init).dropFirst()  // "surgecast"
      var arguments: [String] = []
      while let word = words.popFirst() {
        if word == "#" { break }
        if word == "--format" || word == "--out" {
          _ = words.popFirst()
          continue
        }
        arguments.append(word)
      }
      return arguments + ["--format", "json"]
    }
  }

  @Test func everyReadmeExampleMatchesTheSchema() throws {
    let examples = try Self.readmeExamples()
    #expect(examples.count >= 3, "README examples found: \(examples)")
    for arguments in examples {
      let result = try SurgecastBinary.run(arguments)
      #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result)")
      guard result.status == 0 else { continue }
      let violations = Self.schema.violations(of: try JSONValue.parse(result.stdout))
      #expect(violations.isEmpty, "\(arguments.joined(separator: " ")): \(violations)")
    }
  }

  @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
    guard case .object(var document) = try Self.json() else {
      Issue.record("not an object")
      return
    }
    #expect(Self.schema.violations(of: .object(document)).isEmpty)
    document["schema_version"] = .number(2)
    document["surprise"] = .bool(true)
    document.removeValue(forKey: "summary")
    let problems = Self.schema.violations(of: .object(document))
    #expect(problems.contains { $0.contains("schema_version") })
    #expect(problems.contains { $0.contains("'surprise'") })
    #expect(problems.contains { $0.contains("'summary'") })
  }

  @Test func sameInputsGiveTheSameBytes() throws {
    let args = Self.base + ["--now", "2025-12-01T09:30:00+09:00", "--format", "json"]
    let first = try SurgecastBinary.run(args)
    let second = try SurgecastBinary.run(args)
    #expect(first.status == 0, "\(first)")
    #expect(first.stdout == second.stdout)
  }

  @Test func nowFixesTheFirstInterval() throws {
    guard case .object(let document) = try Self.json(["--now", "2025-12-01T09:30:00+09:00"]),
      case .array(let schedule)? = document["schedule"], case .object(let first)? = schedule.first
    else {
      Issue.record("unexpected document")
      return
    }
    #expect(document["generated_at"] == .string("2025-12-01T09:30:00+09:00"))
    #expect(first["start"] == .string("2025-12-01T09:00:00+09:00"))
    #expect(schedule.count == 24)
  }

  @Test func noPredictiveScaleInNeverLowersTheSchedule() throws {
    guard case .object(let document) = try Self.json(["--no-predictive-scale-in"]),
      case .array(let schedule)? = document["schedule"],
      case .object(let policy)? = document["policy"]
    else {
      Issue.record("unexpected document")
      return
    }
    #expect(policy["predictive_scale_in"] == .bool(false))
    let replicas: [Double] = schedule.compactMap {
      if case .object(let i) = $0, case .number(let r)? = i["replicas"] { r } else { nil }
    }
    #expect(replicas.count == 24)
    #expect(zip(replicas, replicas.dropFirst()).allSatisfy { $0 <= $1 })
  }

  @Test func cappedIntervalsReportUnservedTraffic() throws {
    guard case .object(let document) = try Self.json(["--max-replicas", "10"]),
      case .object(let summary)? = document["summary"],
      case .object(let policy)? = document["policy"]
    else {
      Issue.record("unexpected document")
      return
    }
    #expect(policy["over_max"] == .string("honor"))
    guard case .number(let capped)? = summary["capped_intervals"],
      case .number(let unserved)? = summary["unserved_requests"]
    else {
      Issue.record("summary fields missing")
      return
    }
    #expect(capped > 0)
    #expect(unserved > 0)
  }

  @Test func kedaAndHpaProjectTheFirstInterval() throws {
    guard case .object(let document) = try Self.json(),
      case .array(let schedule)? = document["schedule"],
      case .object(let first)? = schedule.first, case .number(let replicas)? = first["replicas"]
    else {
      Issue.record("unexpected document")
      return
    }
    let keda = try SurgecastBinary.run(Self.base + ["--format", "keda"])
    #expect(keda.status == 0, "\(keda)")
    guard case .object(let metric) = try JSONValue.parse(keda.stdout) else {
      Issue.record("keda output is not an object")
      return
    }
    #expect(metric["replicas"] == .number(replicas))
    #expect(metric["valid_from"] == first["start"])
    let hpa = try SurgecastBinary.run(Self.base + ["--format", "hpa"])
    #expect(hpa.status == 0, "\(hpa)")
    #expect(hpa.stdout.contains("spec:\n  minReplicas: \(Int(replicas))\n  maxReplicas: 500\n"))
  }

  @Test func textShowsTheTableAndTheSummary() throws {
    let result = try SurgecastBinary.run(Self.base)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("start "))
    #expect(result.stdout.contains("replicas  reason"))
    #expect(result.stdout.contains("peak: "))
  }

  @Test(arguments: [
    (["--capacity-per-replica", "lots"], "--capacity-per-replica"),
    (["--capacity-per-replica", "100", "--min-replicas", "5", "--max-replicas", "3"], "max replicas"),
    (["--capacity-per-replica", "100", "--target-utilization", "1.5"], "utilization"),
    (["--capacity-per-replica", "100", "--lead-time", "soon"], "--lead-time"),
    (["--capacity-per-replica", "100", "--granularity", "7m"], "--granularity"),
    (["--capacity-per-replica", "100", "--now", "2025-01-01T00:00"], "--now"),
  ])
  func badOptionsAreUsageErrors(_ extra: [String], _ mentioned: String) throws {
    let result = try SurgecastBinary.run(["recommend", "--model", Self.model] + extra)
    #expect(result.status == 64, "\(result)")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains(mentioned), "\(result.stderr)")
  }

  @Test func missingModelIsExit66() throws {
    let result = try SurgecastBinary.run([
      "recommend", "--model", "no-such-model.json", "--capacity-per-replica", "100",
    ])
    #expect(result.status == 66, "\(result)")
  }

  @Test func outputFileIsWritten() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let path = directory.path("rec.json")
    let result = try SurgecastBinary.run(Self.base + ["--format", "json", "--out", path])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.isEmpty)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(Self.schema.violations(of: try JSONValue.parse(written)).isEmpty)
  }
}
