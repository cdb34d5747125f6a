import Foundation
import TestSupport
import Testing

/// `surgecast plan` and `surgecast report` on the default data, with a model fitted by the
/// binary itself (as `make run` does).
///
/// The planted flash-sale first-hour multiplier is 2.4 (`Datasets/truth.json`); the sale hour's
/// expected count over the baseline's must be e^β exactly, β the model's learned coefficient
/// of `promotion(flash_sale, +0h)` (read from the model file), and β near log 2.4.
@Suite("plan and report, end to end")
struct PlanEndToEndTests {
  static let scenario = "docs/examples/friday-flash-sale.csv"

  /// A model of `Datasets/traffic-1h.csv` fitted once per test process.
  static let fitted: Result<(path: String, firstHour: Double), any Error> = Result {
    let directory = try TemporaryDirectory()
    let path = directory.path("traffic-1h.json")
    let result = try SurgecastBinary.run([
      "fit", "--data", "Datasets/traffic-1h.csv", "--events", "Datasets/events.csv",
      "--holidays", "KR", "--timezone", "Asia/Seoul", "--out", path,
    ])
    guard result.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let labels = object?["columnLabels"] as? [String] ?? []
    let coefficients = object?["coefficients"] as? [Double] ?? []
    guard let j = labels.firstIndex(of: "promotion(flash_sale, +0h)"), j < coefficients.count
    else { throw CocoaError(.fileReadCorruptFile) }
    return (path, coefficients[j])
  }

  static var model: String { (try? fitted.get().path) ?? "missing-model.json" }

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func jsonListsBaselineFirstAndTheLearnedUplift() throws {
    let result = try SurgecastBinary.run([
      "plan", "--model", Self.model, "--scenario", Self.scenario, "--horizon", "7d",
      "--capacity-per-replica", "0.5/s", "--format", "json",
    ])
    #expect(result.status == 0, "\(result)")
    let document = try json(result.stdout)
    #expect(document["format_version"] as? Int == 1)
    let scenarios = try #require(document["scenarios"] as? [[String: Any]])
    #expect(
      scenarios.map { $0["name"] as? String } == ["baseline", "friday_sale", "friday_sale_x2"])
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
    let base = try #require(
      hours[0]?.first { $0["time"] as? String == "2025-12-05T20:00:00+09:00" })
    let sale = try #require(
      hours[1]?.first { $0["time"] as? String == "2025-12-05T20:00:00+09:00" })
    let ratio = try #require(sale["expected"] as? Double) / #require(base["expected"] as? Double)
    let beta = try Self.fitted.get().firstHour
    // Six significant digits in the JSON: the ratio matches e^β to about 1e-5.
    #expect(abs(ratio / exp(beta) - 1) < 1e-4, "sale-hour ratio \(ratio), e^β \(exp(beta))")
    #expect(abs(beta - log(2.4)) < 0.05, "learned first-hour log-lift \(beta)")
  }

  @Test func textTableComparesScenarios() throws {
    let result = try SurgecastBinary.run([
      "plan", "--model", Self.model, "--scenario", Self.scenario, "--capacity-per-replica",
      "0.5/s", "--data", "Datasets/traffic-1h.csv",
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("baseline"))
    #expect(result.stdout.contains("Fri 2025-12-05 20:00"))
    let beta = try Self.fitted.get().firstHour
    #expect(result.stdout.contains(String(format: "%+.1f%%", (exp(beta) - 1) * 100)))
    #expect(result.stdout.contains("flash_sale ×26"))
  }

  @Test func unknownPromotionIsRefusedWithTheKnownNames() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let file = try directory.write(
      "s.csv", "name,kind,start,end\nblack_friday,promotion,2025-12-05,2025-12-06\n")
    let result = try SurgecastBinary.run([
      "plan", "--model", Self.model, "--scenario", file, "--capacity-per-replica", "0.5/s",
    ])
    #expect(result.status == 65)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("s.csv:2: field 'name'"))
    #expect(result.stderr.contains("known: "))
    #expect(result.stderr.contains("flash_sale"))
    let lifted = try directory.write(
      "l.csv", "name,kind,start,end,lift\nblack_friday,promotion,2025-12-05,2025-12-06,1.8\n")
    let accepted = try SurgecastBinary.run([
      "plan", "--model", Self.model, "--scenario", lifted, "--capacity-per-replica", "0.5/s",
    ])
    #expect(accepted.status == 0, "\(accepted)")
  }

  @Test func reportWritesOneSelfContainedPage() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let out = directory.path("report.html")
    let arguments = [
      "report", "--model", Self.model, "--data", "Datasets/traffic-1h.csv", "--scenario",
      Self.scenario, "--capacity-per-replica", "0.5/s", "--out", out,
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
      "report", "--model", Self.model, "--capacity-per-replica", "0.5/s", "--out",
      "/nonexistent-directory/report.html",
    ])
    #expect(result.status == 73)
    #expect(result.stderrLines.count == 1)
  }
}
