import ArgumentParser
import Foundation
import ModelRegistry
import SurgecastServer
import TimeSeries

/// `surgecast serve`: the current recommendation, forecasts and metrics over HTTP, following
/// new model versions in the registry.
public struct ServeCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve live recommendations, forecasts and metrics over HTTP for autoscalers.",
    discussion: """
      GET /v1/recommendation (the 'recommend --format json' document for the interval \
      holding now), /v1/recommendation/keda (what KEDA's metrics-api scaler reads: \
      valueLocation 'replicas'), /v1/forecast?horizon=24h&quantiles=0.1,0.9, /metrics \
      (Prometheus text), /healthz and /readyz. Errors are JSON: {"error":{"message":…}}.

      The latest version of --model in the registry is served; a new version (e.g. from \
      'surgecast retrain') is picked up within --reload-interval and swapped in without a \
      restart and without failing a request. Nothing a client sends names a file: the \
      server reads only that model's folder in the registry.

      With --prometheus URL --query PROMQL the surge detector of 'surgecast watch' runs \
      inside: it warms on the last --warm-up (1d) of the query before the server binds, \
      polls every --interval (1m), and re-baselines on each new model version. The \
      recommendation then carries a "surge" object (state, ratio, onset, projected peak, the \
      replicas that cover it) and, while a surge is declared, the interval holding now runs \
      at least those replicas (reason surge_response) — on /v1/recommendation/keda too. \
      /metrics adds surgecast_surge_active, surgecast_surge_ratio and the poll counters. A \
      failed poll is reported on standard error and tried again; the last state stays.

      Examples:
        surgecast serve --registry Models --model traffic-1h \\
          --capacity-per-replica 0.5/s --port 8080
        curl -s http://127.0.0.1:8080/v1/recommendation/keda
        surgecast serve --registry Models --model traffic-5m \\
          --capacity-per-replica 0.5/s --prometheus http://localhost:9090 \\
          --query 'sum(increase(http_requests_total{job="shop"}[5m]))'
      """)

  @OptionGroup(title: "Registry") public var registry: RegistryOptions

  @Option(
    help: ArgumentHelp(
      "Registry model to serve (default: the registry's only model).", valueName: "name"))
  public var model: String?

  @Option(help: ArgumentHelp("Address to listen on.", valueName: "host"))
  public var host = "127.0.0.1"

  @Option(help: ArgumentHelp("Port to listen on (0: any free port).", valueName: "port"))
  public var port = 8080

  @Option(
    help: ArgumentHelp("Horizon of the served recommendation (e.g. 24h).", valueName: "span"),
    transform: { try PolicyParsing.seconds($0, option: "--horizon") })
  public var horizon: Int64 = 86_400

  @Option(
    help: ArgumentHelp(
      "Interval length of the schedule (default: the model's step).", valueName: "span"),
    transform: { try PolicyParsing.seconds($0, option: "--granularity") })
  public var granularity: Int64?

  @Option(
    name: .customLong("events"),
    help: ArgumentHelp("Planned events for every forecast.", valueName: "file"))
  public var eventsFile: String?

  @OptionGroup(title: "Policy") public var policy: ScalingPolicyOptions

  @OptionGroup(title: "Surge detector (live traffic)") public var live: LiveQueryOptions

  @Option(
    help: ArgumentHelp("How often to poll --prometheus (default 1m).", valueName: "span"),
    transform: { try WatchCommand.span($0, option: "--interval") })
  public var interval: Int64 = 60

  @OptionGroup(title: "Detector") public var detector: DetectorOptions

  @Option(
    help: ArgumentHelp(
      "How often to look for a new model version (e.g. 5s).", valueName: "span"),
    transform: { try WatchCommand.span($0, option: "--reload-interval") })
  public var reloadInterval: Int64 = 5

  @Option(
    help: ArgumentHelp(
      "A fixed decision time (default: the wall clock, never before the model's forecast "
        + "origin).",
      valueName: "timestamp"))
  public var now: String?

  public init() {}

  public func validate() throws {
    if !(0...65_535).contains(port) { throw ValidationError("--port: must be in 0…65535") }
    if horizon <= 0 { throw ValidationError("--horizon: must be positive") }
    if granularity == 0 { throw ValidationError("--granularity: must be positive") }
    if let model, !ModelName.isValid(model) {
      throw ValidationError("--model: '\(model)' is not a registry model name")
    }
  }

  public func run() async throws {
    let store = registry.registry
    let name = try model ?? onlyModel(store)
    let stored = try store.read(ModelReference(name: name))
    let zone = stored.model.training.timeZone
    let events = try SeriesLoading.events(file: eventsFile, timeZone: zone)
    let instant = try now.map {
      try PolicyParsing.instant($0, option: "--now", clock: try LocalClock(identifier: zone))
    }
    let settings = ServerSettings(
      host: host, port: port, registryRoot: store.root, modelName: name,
      policy: policy.policy(stepSeconds: stored.model.training.step),
      capacity: policy.capacityPerReplica, horizonSeconds: horizon,
      granularitySeconds: granularity, plannedEvents: events,
      reloadSeconds: Double(reloadInterval), now: instant,
      live: try live.serverURL().map { url in
        LiveSourceSettings(
          server: url, query: live.query ?? "", seriesName: live.series,
          pollSeconds: interval, warmUpSeconds: live.warmUp, detector: detector.settings)
      })
    try await SurgecastServer.run(settings) { host, port in
      StandardStreams.writeError("surgecast: serving \(name) on http://\(host):\(port)\n")
    }
  }

  private func onlyModel(_ store: ModelRegistry) throws -> String {
    let names = store.names()
    guard names.count == 1, let name = names.first else {
      throw ValidationError(
        "--model: the registry \(store.root) holds \(names.count) models "
          + "(\(names.prefix(5).joined(separator: ", "))); choose one")
    }
    return name
  }
}
