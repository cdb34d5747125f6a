import Foundation
import TestSupport
import Testing

/// `surgecast retrain` on the default dataset: four more weeks are accepted, a ×10 level
/// error in the new weeks is refused by the regression guard.
@Suite("retrain end to end", .serialized)
struct RetrainEndToEndTests {
  /// The hourly dataset without its last `dropHours` rows, with the rows in `corrupt`
  /// (indices counted from the end, 1 = last row) multiplied by 10.
  static func dataset(dropHours: Int = 0, corrupt: Range<Int>? = nil) throws -> String {
    let text = try String(
      contentsOf: ProjectPaths.datasets("traffic-1h.csv"), encoding: .utf8)
    var rows = text.split(separator: "\n").map(String.init)
    let header = rows.removeFirst()
    rows.removeLast(dropHours)
    if let corrupt {
      for fromEnd in corrupt {
        let index = rows.count - fromEnd
        let parts = rows[index].split(separator: ",", omittingEmptySubsequences: false)
        if let value = Double(parts[1]) { rows[index] = "\(parts[0]),\(Int(value * 10))" }
      }
    }
    return ([header] + rows).joined(separator: "\n") + "\n"
  }

  @Test func fourMoreWeeksAreAcceptedAndALevelErrorIsRefused() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let registry = dir.path("registry")
    let common = ["--events", TestInputs.events, "--timezone", "Asia/Seoul"]
    let old = try dir.write("traffic.csv", Self.dataset(dropHours: 28 * 24))
    let fit = try SurgecastBinary.run(
      ["fit", "--data", old, "--holidays", "KR", "--name", "traffic", "--registry", registry]
        + common)
    #expect(fit.status == 0, "\(fit)")

    // The default comparison: the last 7 daily windows.
    let retrain = ["retrain", "--model", "traffic@v1", "--registry", registry]
    let fresh = try dir.write("fresh.csv", Self.dataset())
    let accepted = try SurgecastBinary.run(retrain + ["--data", fresh] + common)
    #expect(accepted.status == 0, "\(accepted)")
    #expect(accepted.stdout.contains("accepted: wrote traffic@v2"), "\(accepted)")
    #expect(accepted.stdout.contains("old MASE") && accepted.stdout.contains("mean"))
    #expect(FileManager.default.fileExists(atPath: "\(registry)/traffic/v2.metrics.json"))

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
}
