import Foundation
import TestSupport
import Testing

/// A hostile `--spec` is refused by range before fitting. Without the ranges,
/// `levelShiftSpacingDays: 1e300` reaches `Int64(1e300 * 86400)` in LayoutResolution, which
/// traps, and `dailyOrder: 1000000` asks for millions of design columns.
@Suite struct SpecValidationTests {
  @Test(arguments: [
    (#"{"levelShiftSpacingDays": 1e300}"#, "levelShiftSpacingDays"),
    (#"{"dailyOrder": 1000000}"#, "dailyOrder"),
    (#"{"arLags": -1}"#, "arLags"),
    (#"{"calibrationOrigins": 0}"#, "calibrationOrigins"),
    (#"{"penalty": -0.5}"#, "penalty"),
  ])
  func outOfRangeFieldIsRefused(spec: String, field: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let specFile = try directory.write("spec.json", spec)
    let out = directory.path("m.json")
    let result = try SurgecastBinary.run([
      "fit", "--data", TestInputs.traffic1h, "--spec", specFile, "--out", out,
    ])
    #expect(result.status == 65, "\(result)")
    #expect(result.stderrLines.count == 1, "\(result)")
    #expect(result.stderr.contains("field '\(field)': must be"), "\(result)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
