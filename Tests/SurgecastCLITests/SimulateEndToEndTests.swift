import Foundation
import Testing

/// `surgecast simulate` on a short window of the default data (one refit), as users run it.
@Suite("simulate end to end")
struct SimulateEndToEndTests {
  static let base = [
    "simulate", "--data", TestInputs.traffic1h, "--events", TestInputs.events, "--holidays",
    "KR", "--timezone", "Asia/Seoul", "--capacity-per-replica", "1800",
  ]

  @Test func jsonHasTheThreePoliciesAndTheTrace() throws {
    let result = try SurgecastBinary.run(
      Self.base + [
        "--train-until", "2025-11-29", "--until", "2025-11-30", "--trace-from",
        "2025-11-29T20:00", "--trace-until", "2025-11-29T23:00", "--format", "json",
      ])
    #expect(result.status == 0, "\(result)")
    guard case .object(let report) = try JSONValue.parse(result.stdout),
      case .object(let policies)? = report["policies"],
      case .array(let trace)? = report["trace"]
    else {
      Issue.record("unexpected report: \(result.stdout.prefix(400))")
      return
    }
    #expect(Set(policies.keys) == ["predictive", "reactive", "static"])
    for case .object(let outcome) in policies.values {
      #expect(
        Set(outcome.keys).isSuperset(of: [
          "overload_intervals", "unserved_requests", "peak_shortfall_replicas", "replica_hours",
        ]))
    }
    #expect(report["intervals"] == .number(24))
    #expect(report["fits"] == .number(1))
    #expect(trace.count == 3)
    if case .object(let staticOutcome)? = policies["static"] {
      #expect(staticOutcome["cost_vs_static"] == .number(1))
    }
  }

  @Test func textShowsTheComparisonTable() throws {
    let result = try SurgecastBinary.run(
      Self.base + ["--train-until", "2025-11-30T12:00", "--until", "2025-11-30T18:00"])
    #expect(result.status == 0, "\(result)")
    for name in ["predictive", "reactive", "static", "overload intervals", "replica-hours"] {
      #expect(result.stdout.contains(name), "\(name) missing")
    }
  }

  @Test(arguments: [
    (["--train-until", "2030-01-01"], "replay window"),
    (["--train-until", "2025-11-29", "--trace-from", "2025-11-29"], "--trace-until"),
    (["--train-until", "yesterday"], "--train-until"),
    (["--train-until", "2025-11-29", "--refit-every", "0"], "--refit-every"),
  ])
  func badWindowsAreUsageErrors(_ extra: [String], _ mentioned: String) throws {
    let result = try SurgecastBinary.run(Self.base + extra)
    #expect(result.status == 64, "\(result)")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains(mentioned), "\(result.stderr)")
  }
}
