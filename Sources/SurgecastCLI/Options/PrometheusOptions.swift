import ArgumentParser
import Foundation

/// `--prometheus URL --query PROMQL --end T`: read the series from Prometheus instead of a file
/// (with `--start` and `--step` of `DataOptions`, which mean the first instant and the step of
/// the range query; `forecast` starts the range at the end of the training window, on the
/// model's step).
public struct PrometheusOptions: ParsableArguments {
  @Option(
    name: .customLong("prometheus"),
    help: ArgumentHelp(
      "Read the series from this Prometheus server (e.g. http://localhost:9090) instead of "
        + "--data, with --query and --end.",
      valueName: "url"))
  public var server: String?

  @Option(
    help: ArgumentHelp(
      "PromQL expression of the range query; each label set of its result is a series.",
      valueName: "promql"))
  public var query: String?

  @Option(
    help: ArgumentHelp(
      "Last instant of the range query (with --prometheus).",
      valueName: "timestamp"))
  public var end: String?

  public init() {}

  /// The server URL, when `--prometheus` is given and is an http(s) URL.
  public func serverURL() throws -> URL? {
    try server.map(Self.url)
  }

  /// `text` as a Prometheus server URL (http or https, with a host).
  static func url(_ text: String) throws -> URL {
    guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""),
      url.host != nil
    else {
      throw ValidationError("--prometheus: '\(text)' is not an http(s) URL")
    }
    return url
  }
}
