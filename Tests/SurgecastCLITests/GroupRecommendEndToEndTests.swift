import Foundation
import TestSupport
import Testing

/// `recommend --model GROUP`: one recommendation per model of the group, each equal to the
/// model's own recommendation, in a document that matches the group schema.
@Suite("group recommend end to end", .serialized)
struct GroupRecommendEndToEndTests {
  /// The group schema with its one `$ref` (to the single-series schema) resolved.
  static let schema: JSONSchemaSubset = {
    let root = ProjectPaths.root.appendingPathComponent("docs/schemas")
    guard
      let groupText = try? String(
        contentsOf: root.appendingPathComponent("recommendation-group.schema.json"),
        encoding: .utf8),
      case .object(var group) = try? JSONValue.parse(groupText),
      let singleText = try? String(
        contentsOf: root.appendingPathComponent("recommendation.schema.json"), encoding: .utf8),
      let single = try? JSONValue.parse(singleText),
      case .object(var properties) = group["properties"],
      case .object(var recommendations) = properties["recommendations"]
    else { fatalError("cannot read the recommendation schemas") }
    recommendations["additionalProperties"] = single
    properties["recommendations"] = .object(recommendations)
    group["properties"] = .object(properties)
    return JSONSchemaSubset(schema: .object(group))
  }()

  @Test func aGroupGetsEachModelsOwnRecommendation() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let (registry, recent) = try GroupForecastEndToEndTests.registryWithGroup(dir)
    let common = [
      "--registry", registry, "--horizon", "6h", "--data", recent, "--capacity-per-replica",
      "400", "--format", "json",
    ]
    let group = try SurgecastBinary.run(["recommend", "--model", "web"] + common)
    #expect(group.status == 0, "\(group)")
    let document = try JSONValue.parse(group.stdout)
    let violations = Self.schema.violations(of: document)
    #expect(violations.isEmpty, "\(violations)")
    guard case .object(let top) = document, case .object(let bySeries) = top["recommendations"]
    else {
      Issue.record("no recommendations object")
      return
    }
    #expect(bySeries.keys.sorted() == ["api-eu", "api-us", "batch,x"])
    for (model, series) in [("web.api-eu", "api-eu"), ("web.batch_x", "batch,x")] {
      let one = try SurgecastBinary.run(["recommend", "--model", "\(model)@v1"] + common)
      #expect(one.status == 0, "\(one)")
      #expect(try JSONValue.parse(one.stdout) == bySeries[series], "\(model)")
    }

    let keda = try SurgecastBinary.run(
      ["recommend", "--model", "web.api-*"] + common.dropLast(2) + ["--format", "keda"])
    #expect(keda.status == 0, "\(keda)")
    #expect(keda.stdout.contains("\"api-us\" : {") && !keda.stdout.contains("batch"), "\(keda)")
    let hpa = try SurgecastBinary.run(
      ["recommend", "--model", "web"] + common.dropLast(2) + ["--format", "hpa"])
    #expect(hpa.status == 64 && hpa.stderr.contains("give one model"), "\(hpa)")
  }

  @Test func aFailingModelIsReportedAndTheOthersWritten() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let (registry, recent) = try GroupForecastEndToEndTests.registryWithGroup(dir)
    let partial = try GroupForecastEndToEndTests.recent(recent, without: "api-eu", in: dir)
    let result = try SurgecastBinary.run([
      "recommend", "--model", "web", "--registry", registry, "--data", partial,
      "--capacity-per-replica", "400", "--format", "json",
    ])
    #expect(result.status == 2, "\(result)")
    #expect(result.stderrLines.first?.contains("series 'web.api-eu'") == true, "\(result)")
    let document = try JSONValue.parse(result.stdout)
    #expect(Self.schema.violations(of: document).isEmpty)
    guard case .object(let top) = document, case .object(let failures) = top["failures"],
      case .object(let bySeries) = top["recommendations"]
    else {
      Issue.record("not the group document")
      return
    }
    #expect(failures.keys.sorted() == ["web.api-eu"])
    #expect(bySeries.keys.sorted() == ["api-us", "batch,x"])
  }
}
