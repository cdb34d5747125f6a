import ArgumentParser
import Foundation

/// `--prometheus URL --query PROMQL [--series NAME] [--warm-up SPAN]`: live traffic for the
/// surge detector of `watch` and `serve`, polled from Prometheus on the model's grid.
public struct LiveQueryOptions: ParsableArguments {
  @Option(
    name: .customLong("prometheus"),
    help: ArgumentHelp(
      "Watch live traffic from this Prometheus server (e.g. http://localhost:9090), with "
        + "--query.",
      valueName: "url"))
  public var server: String?

  @Option(
    help: ArgumentHelp(
      "PromQL giving requests per model step, e.g. sum(increase(http_requests_total[5m])) "
        + "for a 5-minute model; it must return one series (or name one with --series).",
      valueName: "promql"))
  public var query: String?

  @Option(
    name: .customLong("series"),
    help: ArgumentHelp(
      "With --prometheus: the series to watch when the query returns several, named as "
        + "Prometheus prints its labels (e.g. 'requests{region=\"eu\"}').",
      valueName: "name"))
  public var series: String?

  @Option(
    help: ArgumentHelp(
      "With --prometheus: history that warms the detector (its level, a surge in progress) "
        + "without alerting, before the first poll (default 1d).",
      valueName: "span"),
    transform: { try WatchCommand.span($0, option: "--warm-up") })
  public var warmUp: Int64 = 86_400

  public init() {}

  public func validate() throws {
    guard server != nil else {
      if query != nil || series != nil {
        throw ValidationError("--query and --series go with --prometheus")
      }
      return
    }
    if query == nil { throw ValidationError("--prometheus needs --query") }
    _ = try serverURL()
  }

  /// The server, when `--prometheus` is given and is an http(s) URL.
  public func serverURL() throws -> URL? {
    try server.map(PrometheusOptions.url)
  }
}
