import Foundation
import TestSupport
import Testing

/// `surgecast retrain` on the default dataset: four more weeks are accepted, a ×10 level
/// error in the new weeks is refused by the regression guard, and one that covers the scored
/// windows too by the level check.
@Suite("retrain end to end", .serialized)
struct RetrainEndToEndTests {
  /// The hourly dataset without its last `dropHours` rows, with the rows in `corrupt`
  /// (indices counted from the end, 1 = last row) multiplied by `factor`.
  static func dataset(dropHours: Int = 0, corrupt: Range<Int>? = nil, factor: Double = 10)
    throws -> String
  {
    let text = try String(
      contentsOf: ProjectPaths.datasets("traffic-1h.csv"), encoding: .utf8)
    var rows = text.split(separator: "\n").map(String.init)
    let header = rows.removeFirst()
    rows.removeLast(dropHours)
    if let corrupt {
      for fromEnd in corrupt {
        let index = rows.count - fromEnd
        let parts = rows[index].split(separator: ",", omittingEmptySubsequences: false)
        if let value = Double(parts[1]) { rows[index] = "\(parts[0]),\(Int(value * factor))" }
      }
    }
    return ([header] + rows).joined(separator: "\n") + "\n"
  }

  static let common = ["--events", TestInputs.events, "--timezone", "Asia/Seoul"]

  /// A registry holding `traffic@v1`, fitted on the dataset without its last four weeks.
  static func registryWithOldModel(_ dir: TemporaryDirectory) throws -> String {
    let registry = dir.path("registry")
    let old = try dir.write("traffic.csv", Self.dataset(dropHours: 28 * 24))
    let fit = try SurgecastBinary.run(
      ["fit", "--data", old, "--holidays", "KR", "--name", "traffic", "--registry", registry]
        + common)
    #expect(fit.status == 0, "\(fit)")
    return registry
  }

  /// The level ratio a retrain report states (`new data at ×9.98 …`).
  static func levelRatio(_ report: String) -> Double? {
    guard let range = report.range(of: "new data at ×") else { return nil }
    return Double(report[range.upperBound...].prefix { $0.isNumber || $0 == "." })
  }

  @Test func fourMoreWeeksAreAcceptedAndALevelErrorIsRefused() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let registry = try Self.registryWithOldModel(dir)
    let common = Self.common

    // The default comparison: the last 7 daily windows.
    let retrain = ["retrain", "--model", "traffic@v1", "--registry", registry]
    let fresh = try dir.write("fresh.csv", Self.dataset())
    let accepted = try SurgecastBinary.run(retrain + ["--data", fresh] + common)
    #expect(accepted.status == 0, "\(accepted)")
    #expect(accepted.stdout.contains("accepted: wrote traffic@v2"), "\(accepted)")
    #expect(accepted.stdout.contains("old MASE") && accepted.stdout.contains("mean"))
    #expect(FileManager.default.fileExists(atPath: "\(registry)/traffic/v2.metrics.json"))
    #expect(accepted.stdout.contains("level check: consistent"), "\(accepted)")
    #expect(abs((Self.levelRatio(accepted.stdout) ?? 0) - 1) < 0.05, "\(accepted)")

    // A unit error (×10) over the new weeks before the last seven days: the refit learns it,
    // and forecasts the clean last days far worse than the old model.
    let corrupted = try dir.write(
      "corrupt.csv", Self.dataset(corrupt: (7 * 24 + 1)..<(28 * 24 + 1)))
    let refused = try SurgecastBinary.run(retrain + ["--data", corrupted, "--format", "json"] + common)
    #expect(refused.status == 65, "\(refused)")
    #expect(refused.stdout.contains("\"accepted\" : false"), "\(refused)")
    #expect(refused.stderr.contains("retrain refused"), "\(refused)")
    let versions = try FileManager.default.contentsOfDirectory(atPath: "\(registry)/traffic")
    #expect(!versions.contains("v3.json"))
  }

  /// A ×10 error over every new week, the scored windows included: the MASE comparison favours
  /// the corrupted refit, the level check refuses it. A genuine 20% level shift passes.
  @Test func aLevelErrorCoveringTheScoredWindowsIsRefusedByTheLevelCheck() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let registry = try Self.registryWithOldModel(dir)
    let common = Self.common
    let retrain = ["retrain", "--model", "traffic@v1", "--registry", registry]

    let corrupted = try dir.write("corrupt.csv", Self.dataset(corrupt: 1..<(28 * 24 + 1)))
    let refused = try SurgecastBinary.run(retrain + ["--data", corrupted] + common)
    #expect(refused.status == 65, "\(refused)")
    #expect(refused.stdout.contains("better (limit 5.00% worse)"), "MASE alone would accept it")
    #expect(refused.stdout.contains("level check: INCONSISTENT"), "\(refused)")
    #expect(abs((Self.levelRatio(refused.stdout) ?? 0) - 10) < 0.5, "the planted ×10: \(refused)")
    #expect(refused.stderrLines.count == 1, "\(refused)")
    #expect(
      refused.stderr.contains(
        "retrain refused: the new data are inconsistent with traffic@v1: they run at ×"),
      "\(refused)")
    #expect(!FileManager.default.fileExists(atPath: "\(registry)/traffic/v2.json"))

    let shifted = try dir.write(
      "shift.csv", Self.dataset(corrupt: 1..<(28 * 24 + 1), factor: 1.2))
    let accepted = try SurgecastBinary.run(retrain + ["--data", shifted] + common)
    #expect(accepted.status == 0, "\(accepted)")
    #expect(accepted.stdout.contains("level check: consistent"), "\(accepted)")
    #expect(abs((Self.levelRatio(accepted.stdout) ?? 0) - 1.2) < 0.06, "the planted ×1.2: \(accepted)")
    #expect(accepted.stdout.contains("accepted: wrote traffic@v2"), "\(accepted)")

    let stricter = try SurgecastBinary.run(
      retrain + ["--data", shifted, "--max-level-change", "1.1x", "--force"] + common)
    #expect(stricter.status == 0 && stricter.stdout.contains("forced: wrote traffic@v3"), "\(stricter)")
    #expect(stricter.stdout.contains("level check: INCONSISTENT"), "\(stricter)")
    let badFactor = try SurgecastBinary.run(retrain + ["--data", shifted, "--max-level-change", "1"] + common)
    #expect(badFactor.status == 64, "\(badFactor)")
  }
}
