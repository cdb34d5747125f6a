import Foundation
import TestSupport
import Testing

/// `surgecast plan` and `surgecast report` on the committed model of the default data.
///
/// The flash sale's learned first-hour log-lift is 0.883 in `Models/traffic-1h.json` (the
/// planted one is log 2.4 = 0.875, `Datasets/truth.json`), so the sale hour's uplift over the
/// baseline must be e^0.883 − 1 ≈ +142% at scale 1 and e^1.766 − 1 ≈ +485% at scale 2.
@Suite("plan and report, end to end")
struct PlanEndToEndTests {
  static let model = "Models/traffic-1h.json"
  static let scenario = "docs/examples/friday-flash-sale.csv"

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func jsonListsBaselineFirstAndTheLearnedUplift() throws {
    let result = try SurgecastBinary.run([
      "plan", "--model", Self.model, "--scenario", Self.scenario, "--horizon", "7d",
      "--capacity-per-replica", "1800", "--format", "json",
    ])
    #expect(result.status == 0, "\(result)")
    let document = try json(result.stdout)
    #expect(document["format_version"] as? Int == 1)
    let scenarios = try #require(document["scenarios"] as? [[String: Any]])
    #expect(scenarios.map { $0["name"] as? String } == ["baseline", "friday_sale", "friday_sale_x2"])
    for scenario in scenarios {
      for key in ["peak", "peak_at", "extra_requests", "peak_replicas", "replica_hours", "hourly"] {
        #expect(scenario[key] != nil, "\(scenario["name"] ?? "?") lacks \(key)")
      }
    }
    let peaks = scenarios.compactMap { $0["peak"] as? Double }
    #expect(peaks.count == 3 && peaks[0] < peaks[1] && peaks[1] < peaks[2])
    #expect(scenarios[1]["peak_at"] as? String == "2025-12-05T20:00:00+09:00")
    let replicas = scenarios.compactMap { $0["peak_replicas"] as? Int }
    #expect(replicas.count == 3 && replicas[0] < replicas[1] && replicas[1] < replicas[2])
    // The sale hour's uplift is the learned multiplier.
    let hours = [0, 1].map { try? #require(scenarios[$0]["hourly"] as? [[String: Any]]) }
    let base = try #require(hours[0]?.first { $0["time"] as? String == "2025-12-05T20:00:00+09:00" })
    let sale = try #require(hours[1]?.first { $0["time"] as? String == "2025-12-05T20:00:00+09:00" })
    let ratio = try #require(sale["expected"] as? Double) / #require(base["expected"] as? Double)
    #expect(abs(ratio - exp(0.883)) < 0.01, "sale-hour ratio \(ratio)")
  }

  @Test func textTableComparesScenarios() throws {
    let result = try SurgecastBinary.run([
      "plan", "--model", Self.model, "--scenario", Self.scenario, "--capacity-per-replica",
      "1800", "--data", "Datasets/traffic-1h.csv",
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("baseline"))
    #expect(result.stdout.contains("Fri 2025-12-05 20:00"))
    #expect(result.stdout.contains("+141.8%"))
    #expect(result.stdout.contains("flash_sale ×26"))
  }

  @Test func unknownPromotionIsRefusedWithTheKnownNames() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let file = try directory.write(
      "s.csv", "name,kind,start,end\nblack_friday,promotion,2025-12-05,2025-12-06\n")
    let result = try SurgecastBinary.run([
      "plan", "--model", Self.model, "--scenario", file, "--capacity-per-replica", "1800",
    ])
    #expect(result.status == 65)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("s.csv:2: field 'name'"))
    #expect(result.stderr.contains("known: "))
    #expect(result.stderr.contains("flash_sale"))
    let lifted = try directory.write(
      "l.csv", "name,kind,start,end,lift\nblack_friday,promotion,2025-12-05,2025-12-06,1.8\n")
    let accepted = try SurgecastBinary.run([
      "plan", "--model", Self.model, "--scenario", lifted, "--capacity-per-replica", "1800",
    ])
    #expect(accepted.status == 0, "\(accepted)")
  }

  @Test func reportWritesOneSelfContainedPage() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let out = directory.path("report.html")
    let arguments = [
      "report", "--model", Self.model, "--data", "Datasets/traffic-1h.csv", "--scenario",
      Self.scenario, "--capacity-per-replica", "1800", "--out", out,
    ]
    let result = try SurgecastBinary.run(arguments)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "report: \(out)\n")
    let page = try String(contentsOfFile: out, encoding: .utf8)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("id=\"chart-scenarios\""))
    #expect(page.contains("class=\"replica-steps\""))
    let again = try SurgecastBinary.run(arguments)
    #expect(again.status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == page)
  }

  @Test func unwritableReportIsExit73() throws {
    let result = try SurgecastBinary.run([
      "report", "--model", Self.model, "--capacity-per-replica", "1800", "--out",
      "/nonexistent-directory/report.html",
    ])
    #expect(result.status == 73)
    #expect(result.stderrLines.count == 1)
  }
}
