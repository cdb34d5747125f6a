import ArgumentParser
import Foundation
import ModelRegistry
import Modeling
import TimeSeries

/// `surgecast fit`: learn a traffic model from history and write it as JSON, to a file or as a
/// new version in the model registry.
public struct FitCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Fit the traffic model (trend, seasonality, holidays, promotions) to a series.",
    discussion: """
      Fits a penalised, robust linear model on a variance-stabilised scale with LAPACK, \
      calibrates its intervals on rolling-origin errors, and writes one JSON model: to a file \
      with --out, or as the next version of a model in the registry with --name (Models/ \
      unless --registry says otherwise). The same data and spec give a byte-identical model.

      With several series (a 'series' column, or a Prometheus query with several label sets) \
      and --name NAME, every series (or those chosen with --series, globs allowed) is fitted \
      in parallel and stored as NAME.SERIES; a series that fails is reported and the others \
      go on (exit 2).

      Examples:
        surgecast fit --data Datasets/traffic-1h.csv --events Datasets/events.csv \\
          --holidays KR --timezone Asia/Seoul --name traffic-1h
        surgecast fit --data views.csv --events playoffs.csv --spec spec.json --out m.json
        surgecast fit --data services.csv --series 'api-*' --name web --registry /srv/models
      """)

  @OptionGroup(title: "Data") public var data: DataOptions
  @OptionGroup(title: "Events") public var events: EventsOptions
  @OptionGroup(title: "Model") public var model: ModelOptions

  @Option(
    name: .customLong("out"),
    help: ArgumentHelp("Model file to write (one series).", valueName: "file"))
  public var outputFile: String?

  @Option(
    help: ArgumentHelp(
      "Store the model as the next version of NAME in the registry (NAME.SERIES per series "
        + "with several series).",
      valueName: "name"))
  public var name: String?

  @OptionGroup(title: "Registry") public var registry: RegistryOptions

  @Flag(help: "Print nothing but errors (and no progress bar).") public var quiet = false

  public init() {}

  public func validate() throws {
    switch (outputFile, name) {
    case (nil, nil): throw ValidationError("give --out FILE or --name NAME")
    case (.some, .some): throw ValidationError("give --out or --name, not both")
    default: break
    }
    if let name, !ModelName.isValid(name) {
      throw ValidationError("--name: \(RegistryError.invalidName(name))")
    }
  }

  public func run() async throws {
    let loaded = try SeriesLoading.every(data)
    for series in loaded.series { try FitLimits.check(series, file: data.dataFile) }
    let eventList = try SeriesLoading.events(events, timeZone: data.timezone)
    let spec = try model.resolvedSpec()
    if loaded.series.count == 1, let series = loaded.series.first {
      try fitOne(series, hasCalendar: loaded.hasCalendar, spec: spec, events: eventList)
      return
    }
    guard let name else {
      throw ValidationError(
        "\(data.dataFile) holds \(loaded.series.count) series: store them with --name NAME "
          + "(or choose one with --series)")
    }
    try await fitMany(
      loaded.series, hasCalendar: loaded.hasCalendar, spec: spec, events: eventList, name: name)
  }

  private func fitOne(_ series: Series, hasCalendar: Bool, spec: ModelSpec, events: [Event])
    throws
  {
    let started = ContinuousClock.now
    let fitted = try spec.fit(series, events: events, hasCalendar: hasCalendar)
    let elapsed = ContinuousClock.now - started
    let destination: String
    if let name {
      let version = try registry.registry.publish(fitted, as: name)
      destination = "\(registry.registry.path(of: name, version: version)) (\(name)@v\(version))"
    } else if let outputFile {
      try ModelFile.write(fitted, to: outputFile)
      destination = outputFile
    } else {
      throw InternalError("fit without --out or --name passed validation")
    }
    if !quiet {
      StandardStreams.writeError(
        FitSummary.text(fitted, seconds: elapsed.seconds, path: destination))
    }
  }

  private func fitMany(
    _ series: [Series], hasCalendar: Bool, spec: ModelSpec, events: [Event], name: String
  ) async throws {
    let registry = registry.registry
    let names = series.map { "\(name).\(ModelName.forSeries($0.name))" }
    // Two series that sanitise to the same model name would overwrite each other's history.
    let clashes = Dictionary(grouping: names.indices, by: { names[$0] }).filter { $0.value.count > 1 }
    if let clash = clashes.min(by: { $0.key < $1.key }) {
      let which = clash.value.map { "'\(series[$0].name)'" }.joined(separator: ", ")
      throw ValidationError("series \(which) would all be stored as '\(clash.key)'")
    }
    let started = ContinuousClock.now
    let batch = SeriesBatch(progress: ProgressBar(total: series.count, quiet: quiet))
    // Series on one grid (one query's label sets, one file's services) share the design.
    let frames = DesignFrameCache()
    let failures = await batch.run(
      count: series.count, name: { series[$0].name },
      work: { index in
        let fitted = try spec.fit(
          series[index], events: events, hasCalendar: hasCalendar, frames: frames)
        return try ModelFile.encode(fitted)
      },
      store: { index, encoded in try registry.publish(encoded: encoded, as: names[index]) })
    if !quiet {
      let seconds = (ContinuousClock.now - started).seconds
      let fitted = series.count - failures.count
      StandardStreams.writeError(
        "fitted \(fitted) of \(series.count) series into \(registry.root) as \(name).SERIES "
          + "in \(String(format: "%.1f", seconds)) s "
          + "(\(String(format: "%.1f", Double(fitted) / max(seconds, 1e-9))) series/s)\n")
    }
    try SeriesBatch.reportFailures(failures, total: series.count)
  }
}

extension Duration {
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
