import ArgumentParser
import Foundation
import Modeling
import TimeSeries

/// `surgecast fit`: learn a traffic model from history and write it as JSON.
public struct FitCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Fit the traffic model (trend, seasonality, holidays, promotions) to a series.",
    discussion: """
      Fits a penalised, robust linear model on a variance-stabilised scale with LAPACK, \
      calibrates its intervals on rolling-origin errors, and writes one JSON model. The same \
      data and spec give a byte-identical file.

      Examples:
        surgecast fit --data Datasets/traffic-1h.csv --events Datasets/events.csv \\
          --holidays KR --timezone Asia/Seoul --out Models/traffic-1h.json
        surgecast fit --data views.csv --events playoffs.csv --spec spec.json --out m.json
      """)

  @OptionGroup(title: "Data") public var data: DataOptions
  @OptionGroup(title: "Events") public var events: EventsOptions
  @OptionGroup(title: "Model") public var model: ModelOptions

  @Option(name: .customLong("out"), help: ArgumentHelp("Model file to write.", valueName: "file"))
  public var outputFile: String

  @Flag(help: "Print nothing but errors.") public var quiet = false

  public init() {}

  public func run() async throws {
    let loaded = try SeriesLoading.single(data)
    let eventList = try SeriesLoading.events(events, timeZone: data.timezone)
    let spec = try model.resolvedSpec()
    let clock = ContinuousClock()
    let started = clock.now
    let fitted = try spec.fit(loaded.series, events: eventList, hasCalendar: loaded.hasCalendar)
    let elapsed = clock.now - started
    try ModelFile.write(fitted, to: outputFile)
    if !quiet {
      StandardStreams.writeError(FitSummary.text(fitted, seconds: elapsed.seconds, path: outputFile))
    }
  }
}

extension Duration {
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
