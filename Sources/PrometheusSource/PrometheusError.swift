/// A failed Prometheus query, with Prometheus's own message where it gave one.
public enum PrometheusError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No answer: connection refused, unknown host, timeout on the way.
  case unreachable(server: String, reason: String)
  /// Prometheus refused the query (`errorType` `bad_data`: a PromQL syntax error, a step too
  /// small for the range, …).
  case badQuery(message: String)
  /// Prometheus accepted the query but could not answer it (`timeout`, `execution`,
  /// `canceled`, `internal`, `unavailable`).
  case queryFailed(errorType: String, message: String)
  /// Something answered, but not with a Prometheus range-query result.
  case invalidResponse(server: String, reason: String)
  /// A sample Surgecast cannot use (±Inf, or a time off the query's grid).
  case unusableSample(series: String, time: Int64, reason: String)
  /// A query followed live returned no sample at all over the range it was first read on.
  case noSamples(query: String, range: String)
  /// A query followed live returned several series and none is the one asked for.
  case ambiguousResult(query: String, series: [String], wanted: String?)

  public var description: String {
    switch self {
    case .unreachable(let server, let reason):
      return "prometheus \(server): unreachable: \(reason)"
    case .badQuery(let message):
      return "prometheus: bad query: \(message)"
    case .queryFailed(let errorType, let message):
      return "prometheus: query failed (\(errorType)): \(message)"
    case .invalidResponse(let server, let reason):
      return "prometheus \(server): unexpected response: \(reason)"
    case .unusableSample(let series, let time, let reason):
      return "prometheus: series \(series) at \(time): \(reason)"
    case .noSamples(let query, let range):
      return "prometheus: query '\(query)' returned no samples over \(range); "
        + "check the metric name, its labels and the server"
    case .ambiguousResult(let query, let series, let wanted):
      let listed = series.prefix(5).joined(separator: ", ") + (series.count > 5 ? ", …" : "")
      let fix = "aggregate it (e.g. sum(…)) or name one with --series"
      guard let wanted else {
        return "prometheus: query '\(query)' returned \(series.count) series (\(listed)); "
          + "one is needed: \(fix)"
      }
      return "prometheus: query '\(query)' returned no series named '\(wanted)' (it returned "
        + "\(listed)); \(fix)"
    }
  }
}
