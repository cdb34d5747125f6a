import Foundation

/// A range query against Prometheus's HTTP API (`/api/v1/query_range`).
///
/// Prometheus evaluates the query at `start`, `start + step`, … up to `end` (inclusive); each
/// evaluation becomes the slot that starts at that instant.
public struct PrometheusQuery: Sendable, Equatable {
  /// The server, e.g. `http://127.0.0.1:9090` (a path prefix such as `/prometheus` is kept).
  public var server: URL
  /// The PromQL expression.
  public var expression: String
  /// Epoch seconds of the first and last evaluation.
  public var start: Int64
  public var end: Int64
  /// Seconds between evaluations (> 0).
  public var step: Int64

  public init(server: URL, expression: String, start: Int64, end: Int64, step: Int64) {
    self.server = server
    self.expression = expression
    self.start = start
    self.end = end
    self.step = step
  }

  /// Number of evaluation instants per series: `(end − start) / step + 1`.
  public var pointCount: Int { end < start ? 0 : Int((end - start) / step) + 1 }

  /// The query cut into consecutive, non-overlapping ranges of at most `maxPoints` instants
  /// each, on the same grid, so that no request exceeds Prometheus's per-series limit.
  public func split(maxPoints: Int = PrometheusClient.maxPointsPerRequest) -> [PrometheusQuery] {
    precondition(maxPoints > 0 && step > 0)
    var pieces: [PrometheusQuery] = []
    var first = 0
    let total = pointCount
    while first < total {
      let last = min(first + maxPoints, total) - 1
      var piece = self
      piece.start = start + Int64(first) * step
      piece.end = start + Int64(last) * step
      pieces.append(piece)
      first = last + 1
    }
    return pieces
  }

  /// The form body of the POST request (POST, so long expressions are not cut by URL limits,
  /// and every reserved character, `+` included, is percent-encoded).
  var formBody: Data {
    let fields = [
      ("query", expression), ("start", String(start)), ("end", String(end)),
      ("step", String(step)),
    ]
    let unreserved = CharacterSet(
      charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
    let body = fields.map { key, value in
      "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")"
    }.joined(separator: "&")
    return Data(body.utf8)
  }

  /// `SERVER/api/v1/query_range`.
  var endpoint: URL {
    server.appendingPathComponent("api/v1/query_range")
  }
}
