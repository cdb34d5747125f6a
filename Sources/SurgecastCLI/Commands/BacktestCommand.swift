import ArgumentParser
import Forecasting
import Foundation
import Modeling
import TimeSeries

/// `surgecast backtest`: rolling-origin accuracy of the model against seasonal naive and Naive2.
public struct BacktestCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Measure forecast accuracy on the last windows of history, against baselines.",
    discussion: """
      The test windows are the last K non-overlapping windows of H steps of each series. For \
      each, the model is fitted on everything before the window — transform, penalty, \
      changepoints and interval calibration included — and forecasts it; events that start \
      after the origin are hidden from the fit, and only planned promotions and holidays \
      reach the forecast. Seasonal naive and M4's Naive2 forecast the same windows.

      Metrics: mae, rmse, smape (M4, percent), mase (scaled by the in-sample seasonal-naive \
      error of period --season: one day of steps for sub-daily data, 7 for daily data), wape, \
      pinball (mean over --quantiles), coverage_80 and coverage_95; per origin, aggregated \
      (mean over windows, as M4), by lead time, and relative to seasonal naive, with M4's OWA \
      against Naive2. Files with a 'series' column are backtested series by series in \
      parallel (--jobs), with a progress bar on stderr when it is a terminal (not with \
      --quiet); the aggregate covers all series.

      Examples:
        surgecast backtest --data Datasets/traffic-1h.csv \\
          --events Datasets/events.csv --holidays KR --timezone Asia/Seoul \\
          --horizon 7d --origins 4
        surgecast backtest --data views.csv --events playoffs.csv \\
          --horizon 30d --origins 5 --format json --out backtest.json
        surgecast backtest --data hourly-series.csv --step 1h --horizon 48 \\
          --origins 1 --spec spec.json
      """)

  @OptionGroup(title: "Data") public var data: DataOptions
  @OptionGroup(title: "Events") public var events: EventsOptions
  @OptionGroup(title: "Model") public var model: ModelOptions

  @Option(
    help: ArgumentHelp(
      "Length of each test window: a duration (48h, 7d, 30d) or a number of steps.",
      valueName: "span"))
  public var horizon: String

  @Option(help: ArgumentHelp("Number of test windows (origins) per series.", valueName: "K"))
  public var origins: Int

  @Option(
    help: ArgumentHelp(
      "Seasonal period in steps of the MASE scale and the baselines (default: a day of steps "
        + "for sub-daily data, 7 for daily data, else 1).",
      valueName: "steps"))
  public var season: Int?

  @Option(
    help: ArgumentHelp(
      "Comma-separated quantile levels for the pinball loss; 0.025, 0.1, 0.9 and 0.975 are "
        + "always forecast for the coverage figures.",
      valueName: "levels"),
    transform: QuantileList.parse)
  public var quantiles: [Double] = ForecastRequest.defaultQuantiles

  @Option(
    help: ArgumentHelp(
      "Series backtested at the same time (default: the number of cores).", valueName: "n"))
  public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @OptionGroup(title: "Output") public var output: OutputOptions

  @Flag(help: "No progress bar on stderr.") public var quiet = false

  public init() {}

  public func validate() throws {
    guard origins >= 1 else { throw ValidationError("--origins: must be at least 1") }
    if let season, season < 1 { throw ValidationError("--season: must be at least 1") }
    guard jobs >= 1 else { throw ValidationError("--jobs: must be at least 1") }
  }

  public func run() async throws {
    let loaded = try SeriesLoading.every(data)
    let eventList = try SeriesLoading.events(events, timeZone: data.timezone)
    let spec = try model.resolvedSpec()
    guard let step = loaded.series.first?.step else {
      throw DataError(file: data.dataFile, "no series in the file")
    }
    let steps = try HorizonParsing.steps(horizon, step: step)
    let plan = BacktestPlan(
      horizon: steps, origins: origins, season: season ?? BacktestPlan.defaultSeason(step: step),
      quantiles: quantiles, spec: spec, events: eventList, hasCalendar: loaded.hasCalendar)

    let batch = SeriesBatch(
      concurrency: jobs, progress: ProgressBar(total: loaded.series.count, quiet: quiet))
    let results = await BatchBacktest.run(loaded.series, plan: plan, batch: batch)

    var windows: [BacktestWindow] = []
    var failures: [BacktestReport.Failure] = []
    var errors: [any Error] = []
    for (series, result) in zip(loaded.series, results) {
      switch result {
      case .success(let backtest):
        windows += backtest.windows
      case .failure(let error):
        let message = (error as? any ReportableError)?.oneLineMessage ?? "\(error)"
        failures.append(.init(series: series.name, error: message))
        errors.append(error)
      }
    }
    // Nothing to report: the first error decides the exit code (and is printed by main).
    if windows.isEmpty, let first = errors.first {
      for failure in failures.dropFirst() { StandardStreams.reportError(failure.error) }
      throw first
    }
    for failure in failures { StandardStreams.reportError(failure.error) }

    let config = BacktestConfig(
      data: data.dataFile, events: events.eventsFile, timezone: data.timezone,
      stepSeconds: step, series: data.seriesNames, horizon: steps, origins: origins,
      season: plan.season, quantiles: quantiles, spec: spec, calendar: loaded.hasCalendar,
      baselines: BaselineName.allCases.map(\.rawValue), generator: "surgecast \(SurgecastCommand.version)")
    let report = BacktestReport(
      summary: BacktestSummary(windows, horizon: steps), windows: windows, failures: failures,
      config: config, seriesCount: loaded.series.count, clock: try data.clock())
    switch output.format {
    case .text: try output.emit(report.text)
    case .json: try output.emit(try JSONOutput.encode(report))
    }
    if !failures.isEmpty {
      throw CommandError.someSeriesFailed(failed: failures.count, total: loaded.series.count)
    }
  }
}
