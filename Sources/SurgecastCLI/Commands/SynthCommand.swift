import ArgumentParser
import TimeSeries
import TrafficSynthesis

/// `surgecast synth`: writes the synthetic demo data set and the ground truth of its effects.
public struct SynthCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "synth",
    abstract: "Generate the synthetic e-commerce traffic data set and its ground truth.",
    discussion: """
      Writes 5-minute and hourly request counts of a fictional Korean online shop \
      (Asia/Seoul), with daily, weekly and yearly seasonality, growth, Korean public \
      holidays, flash and mega sales, an unannounced surge with a level shift after it, an \
      outage and a bot attack, plus negative-binomial count noise. Every planted effect is \
      recorded in truth.json; events.csv lists only what a forecaster would be told (the \
      promotions, the outage and the incident; holidays come from --holidays KR).

      Files: traffic-5m.csv, traffic-1h.csv, events.csv, truth.json, README.md. The same \
      seed and options give byte-identical files.

      Examples:
        surgecast synth --out-dir Datasets
        surgecast synth --out-dir /tmp/synth --seed 7 --days 60 --start 2025-07-01
      """)

  @Option(
    name: .customLong("out-dir"),
    help: ArgumentHelp("Directory for the files (created if missing).", valueName: "dir"))
  public var outDir: String = "Datasets"

  @Option(help: ArgumentHelp("Seed of every random draw.", valueName: "n"))
  public var seed: UInt64 = TrafficScenario.defaultSeed

  @Option(
    help: ArgumentHelp(
      "Number of days (1–\(TrafficScenario.maximumDays)).", valueName: "n"))
  public var days: Int = TrafficScenario.default.days

  @Option(
    help: ArgumentHelp(
      "First local date (YYYY-MM-DD); the data starts at its midnight, Asia/Seoul.",
      valueName: "date"))
  public var start: String = TrafficScenario.default.start.description

  public init() {}

  public func validate() throws {
    let scenario = try scenario()
    do {
      try scenario.validate()
    } catch {
      throw ValidationError(error.description)
    }
  }

  /// The default scenario with the command-line options applied.
  func scenario() throws -> TrafficScenario {
    guard let date = Self.parseDate(start) else {
      throw ValidationError("--start: '\(start)' is not a date (expected YYYY-MM-DD)")
    }
    var scenario = TrafficScenario.default
    scenario.seed = seed
    scenario.days = days
    scenario.start = date
    return scenario
  }

  public func run() async throws {
    let traffic = try scenario().generate()
    let files = try DatasetFiles.write(traffic, toDirectory: outDir)
    var lines = ["wrote \(files.count) files:"]
    for file in files {
      let path = outDir.hasSuffix("/") ? outDir + file.name : "\(outDir)/\(file.name)"
      let rows = file.rows > 0 ? "\(file.rows) rows, " : ""
      lines.append("  \(path) (\(rows)\(file.contents.count) bytes)")
    }
    let truth = traffic.truth
    lines.append(
      "seed \(truth.seed), \(truth.span.days) days from \(truth.span.start.local) "
        + "(\(truth.span.timeZone))")
    StandardStreams.writeOutput(lines.joined(separator: "\n") + "\n")
  }

  /// Strict `YYYY-MM-DD` that names a real calendar date.
  static func parseDate(_ text: String) -> CivilDate? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let date = CivilDate(year, month, day)
    return CivilDate(daysSinceEpoch: date.daysSinceEpoch) == date ? date : nil
  }
}

/// A scenario the options made invalid is a usage error (64); a file that cannot be written
/// is exit 73, like every other output.
extension SynthesisError: ReportableError {
  public var exitCode: SurgecastExitCode {
    switch self {
    case .invalidScenario: .usage
    case .cannotWrite: .cannotCreateOutput
    }
  }
}
