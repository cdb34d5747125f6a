import ArgumentParser
import SurgeDetection

/// The surge detector's tuning: `--surge-ratio`, `--drop-ratio`, `--threshold`.
public struct DetectorOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Smallest sustained ratio to the forecast band's median that counts as a surge.",
      valueName: "ratio"))
  public var surgeRatio: Double = DetectorSettings().surgeRatio

  @Option(
    help: ArgumentHelp(
      "Largest sustained ratio to the median that counts as a drop (e.g. an outage).",
      valueName: "ratio"))
  public var dropRatio: Double = DetectorSettings().dropRatio

  @Option(
    help: ArgumentHelp(
      "Evidence (log-likelihood ratio) needed to declare a surge or drop; above --max-slot-evidence (18), no single "
        + "slot can declare one.",
      valueName: "llr"))
  public var threshold: Double = DetectorSettings().threshold

  public init() {}

  public func validate() throws {
    if let problem = settings.problem { throw ValidationError(problem) }
  }

  public var settings: DetectorSettings {
    DetectorSettings(surgeRatio: surgeRatio, dropRatio: dropRatio, threshold: threshold)
  }
}
