import ArgumentParser
import Autoscaling
import Foundation
import Modeling
import PrometheusSource
import SurgeDetection
import TimeSeries

/// `surgecast watch`: declare unplanned surges and drops as they start, from live data or a
/// replay of history.
public struct WatchCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Detect unplanned surges and drops against the forecast band, live or in a replay.",
    discussion: """
      Compares every new observation with the model's band for its slot (planned promotions \
      and holidays included: a sale that behaves as learned is normal) and runs two CUSUMs of \
      the log-likelihood ratio on the standardised log residuals. A surge (or drop) is \
      declared only on sustained evidence: no single slot can declare one. Each alert is one \
      line on standard output — JSON with --format json — with the onset, the detection time, \
      the ratio to the forecast, its growth, a 30- and 60-minute projection and, with \
      --capacity-per-replica, the replicas that cover the projected peak.

      --data FILE --follow reads a CSV that keeps growing (rows already there warm the \
      detector silently; alerts are for new rows). --prometheus URL --query PROMQL polls \
      Prometheus every --interval (default 1m) for the instants since the last one seen, on \
      the model's grid: the last --warm-up (1d) warms the detector silently, then every new \
      observation is watched (with --since T, from T on: to resume after a restart without \
      missing an alert). A failed poll is reported on standard error and tried again at the \
      next interval; a query Prometheus refuses at the start, or one that returns several \
      series without --series, stops the watch with the reason. While a surge or drop goes \
      on, an update alert repeats its size and projection every --update-every (15m); a \
      recovered alert ends it.

      --replay FILE runs the detector over \
      history as if live and reports the detection delay of each labelled incident (kinds \
      incident and outage in --events, rows of --incidents, or a synthetic --truth) and the \
      false alarms per week.

      Examples (make watch-replay fits the first model):
        surgecast watch --model out/traffic-5m-before-2025-07-01.json \\
          --replay Datasets/traffic-5m.csv --events Datasets/events.csv \\
          --truth Datasets/truth.json
        surgecast watch --model m.json --data live.csv --follow \\
          --events planned.csv --capacity-per-replica 1800 --format json \\
          --alert-webhook http://127.0.0.1:9000/hook
        surgecast watch --model traffic-5m --registry Models \\
          --prometheus http://localhost:9090 \\
          --query 'sum(increase(http_requests_total{job="shop"}[5m]))' \\
          --interval 1m --capacity-per-replica 0.5/s --format json
      """)

  @Option(
    help: ArgumentHelp(
      "A model file written by 'surgecast fit --out', or a registry model NAME[@VERSION].",
      valueName: "model"))
  public var model: String

  @OptionGroup(title: "Registry") public var registry: RegistryOptions

  @Option(
    name: .customLong("data"),
    help: ArgumentHelp("Observations to watch (a series CSV on the model's grid).", valueName: "file"))
  public var dataFile: String?

  @Flag(help: "Keep reading --data as it grows, until interrupted (or --idle-exit).")
  public var follow = false

  @OptionGroup(title: "Prometheus") public var live: LiveQueryOptions

  @Option(
    help: ArgumentHelp(
      "How often to look for new rows with --follow (default 5s) or to poll --prometheus "
        + "(default 1m).",
      valueName: "span"),
    transform: { try WatchCommand.span($0, option: "--interval") })
  public var interval: Int64?

  @Option(
    help: ArgumentHelp(
      "With --prometheus: watch from this time on instead of from now (the --warm-up before "
        + "it warms the detector).",
      valueName: "timestamp"))
  public var since: String?

  @Option(
    help: ArgumentHelp(
      "With --follow or --prometheus, stop after no new observation for this long "
        + "(default: never).",
      valueName: "span"),
    transform: { try WatchCommand.span($0, option: "--idle-exit") })
  public var idleExit: Int64?

  @Option(
    help: ArgumentHelp(
      "While a surge or drop goes on, repeat its size and projection in an update alert this "
        + "often (data time; default 15m; 0 = never). Not in --replay.",
      valueName: "span"),
    transform: { text in text == "0" ? 0 : try WatchCommand.span(text, option: "--update-every") })
  public var updateEvery: Int64 = 900

  @Option(
    help: ArgumentHelp(
      "Replay this history as if live and score the detector against labelled incidents.",
      valueName: "file"))
  public var replay: String?

  @Option(
    name: .customLong("events"),
    help: ArgumentHelp(
      "Events calendar: promotions and holidays are planned (normal); incidents and outages "
        + "label a replay.",
      valueName: "file"))
  public var eventsFile: String?

  @Option(
    help: ArgumentHelp(
      "More labelled incidents for --replay (events CSV; every row is an incident).",
      valueName: "file"))
  public var incidents: String?

  @Option(
    help: ArgumentHelp(
      "A synthetic dataset's truth.json: its unplanned surge, incident and outage label "
        + "--replay.",
      valueName: "file"))
  public var truth: String?

  @OptionGroup(title: "Detector") public var detector: DetectorOptions

  @Option(
    help: ArgumentHelp(
      "Requests one replica serves per step (e.g. 1800) or per second (0.5/s): alerts then "
        + "say how many replicas cover the projected surge (policy defaults: 70% utilisation, "
        + "p95, 2 to 500 replicas).",
      valueName: "rate"),
    transform: ScalingPolicyOptions.capacity)
  public var capacityPerReplica: ReplicaCapacity?

  @Option(
    help: ArgumentHelp("POST every alert as JSON to this URL as well.", valueName: "url"),
    transform: { text in
      guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
        scheme == "http" || scheme == "https", url.host != nil
      else { throw ValidationError("--alert-webhook: '\(text)' is not an http(s) URL") }
      return url
    })
  public var alertWebhook: URL?

  @Option(
    help: ArgumentHelp(
      "text (one sentence per alert, tables for a replay) or json (JSON lines; one document "
        + "for a replay).",
      valueName: "format"))
  public var format: OutputFormat = .text

  public init() {}

  public func validate() throws {
    let sources = [dataFile != nil, replay != nil, live.server != nil].filter { $0 }.count
    if sources == 0 {
      throw ValidationError(
        "give --data FILE (optionally --follow), --prometheus URL --query PROMQL or --replay FILE")
    }
    if sources > 1 { throw ValidationError("--data, --prometheus and --replay exclude each other") }
    if follow && dataFile == nil { throw ValidationError("--follow needs --data") }
    if idleExit != nil && !follow && live.server == nil {
      throw ValidationError("--idle-exit needs --follow or --prometheus")
    }
    if since != nil && live.server == nil { throw ValidationError("--since needs --prometheus") }
    if interval != nil && !follow && live.server == nil {
      throw ValidationError("--interval needs --follow or --prometheus")
    }
    if replay == nil && (incidents != nil || truth != nil) {
      throw ValidationError("--incidents and --truth label a --replay")
    }
  }

  public func run() async throws {
    let fitted = try ModelLoading.read(model, registry: registry.registry)
    let zone = fitted.training.timeZone
    let events = try SeriesLoading.events(file: eventsFile, timeZone: zone)
    let policy = capacityPerReplica.map {
      ScalingPolicy(capacityPerStep: $0.perStep(fitted.training.step))
    }
    let band = try NormalBand(
      model: fitted, plannedEvents: events,
      settings: BaselineSettings(sizingQuantile: policy?.quantile ?? 0.95))
    // A replay is scored on its alarms; updates would only repeat them.
    var session = try WatchSession(
      band: band, series: fitted.training.series, detector: detector.settings, policy: policy,
      updateEverySeconds: replay == nil ? updateEvery : nil)
    let output = AlertOutput(format: format, webhook: alertWebhook)
    if let replay {
      try await runReplay(replay, model: fitted, events: events, session: &session, output: output)
    } else if let dataFile {
      try await watch(dataFile, model: fitted, session: &session, output: output)
    } else if let url = try live.serverURL(), let query = live.query {
      let zone = try clock(fitted)
      let start = try since.map { try PolicyParsing.instant($0, option: "--since", clock: zone) }
      let watch = PrometheusWatch(
        follower: PrometheusFollower(
          server: url, expression: query, origin: fitted.training.start,
          step: fitted.training.step, seriesName: live.series,
          preferredName: fitted.training.series),
        warmUpSeconds: live.warmUp, intervalSeconds: interval ?? 60, idleExitSeconds: idleExit)
      try await watch.run(session: &session, since: start, output: output)
    }
  }

  private func runReplay(
    _ path: String, model fitted: FittedModel, events: [Event], session: inout WatchSession,
    output: AlertOutput
  ) async throws {
    let series = try ModelLoading.recent(path, model: fitted)
    let labels = try WatchLabels.incidents(
      events: events, incidentsFile: incidents, truthFile: truth,
      timeZone: fitted.training.timeZone)
    let result = try ReplayEvaluation(incidents: labels).run(series, session: &session)
    let report = WatchReplayReport(
      result, model: model, settings: detector.settings, clock: try clock(fitted))
    for alert in result.alerts { try await output.post(alert) }
    StandardStreams.writeOutput(format == .json ? try JSONOutput.encode(report) + "\n" : report.text)
  }

  private func watch(
    _ path: String, model fitted: FittedModel, session: inout WatchSession, output: AlertOutput
  ) async throws {
    try InputFile.requireReadable(path)
    let options = SeriesReadOptions(
      timeZone: fitted.training.timeZone, step: TimeSpan(seconds: fitted.training.step))
    var file = GrowingCSV(path: path, options: options, seriesName: fitted.training.series)
    // Rows already in the file warm the detector (its level, an episode in progress).
    for slot in try file.poll() {
      let alert = try session.ingest(time: slot.time, value: slot.value)
      if !follow, let alert { try await output.emit(alert) }
    }
    guard follow else { return }
    let state = session.detector.state
    StandardStreams.writeError(
      "surgecast: watching \(path) (\(session.series)): \(state.rawValue)\n")
    let interval = self.interval ?? 5
    var idle: Int64 = 0
    while true {
      try await Task.sleep(for: .seconds(interval))
      let fresh = try file.poll()
      idle = fresh.isEmpty ? idle + interval : 0
      for slot in fresh {
        if let alert = try session.ingest(time: slot.time, value: slot.value) {
          try await output.emit(alert)
        }
      }
      if let idleExit, idle >= idleExit { return }
    }
  }

  private func clock(_ model: FittedModel) throws -> LocalClock {
    do {
      return try LocalClock(identifier: model.training.timeZone)
    } catch {
      throw ModelingError.incompatibleData(error.description)
    }
  }

  static func span(_ text: String, option: String) throws -> Int64 {
    do {
      let seconds = try TimeSpan(parsing: text).seconds
      guard seconds > 0 else { throw ValidationError("\(option): must be positive") }
      return seconds
    } catch let error as ValidationError {
      throw error
    } catch {
      throw ValidationError("\(option): \(error)")
    }
  }
}
