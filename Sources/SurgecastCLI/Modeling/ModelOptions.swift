import ArgumentParser
import Foundation
import Modeling
import TimeSeries

/// `--spec` and `--holidays`: what a user may fix about a model.
public struct ModelOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Model spec JSON: any of the fields of a model's 'spec' to fix instead of choosing them "
        + "from the data (e.g. {\"dailyOrder\": 8, \"penalty\": 0.5}).",
      valueName: "file"))
  public var spec: String?

  @Option(
    help: ArgumentHelp(
      "Built-in public holidays: KR (Korea, lunar holidays and substitutes) or US (federal).",
      valueName: "country"))
  public var holidays: String?

  public init() {}

  public func validate() throws {
    if let holidays, !["KR", "US"].contains(holidays.uppercased()) {
      throw ValidationError("--holidays: unsupported country '\(holidays)' (supported: KR, US)")
    }
  }

  /// The spec file merged with `--holidays`.
  public func resolvedSpec() throws -> ModelSpec {
    var result = ModelSpec()
    if let spec {
      try InputFile.requireReadable(spec)
      let data = try Data(contentsOf: URL(fileURLWithPath: spec))
      do {
        result = try JSONDecoder().decode(ModelSpec.self, from: data)
      } catch {
        throw DataError(file: spec, "not a valid model spec: \(error)")
      }
      try result.validate(file: spec)
    }
    if let holidays { result.holidays = holidays.uppercased() }
    return result
  }
}
