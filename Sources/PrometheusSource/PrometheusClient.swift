import Foundation
import TimeSeries

/// Reads series from Prometheus's range-query API.
public struct PrometheusClient: Sendable {
  /// Prometheus refuses a range query of more than 11,000 steps per series; requests stay at
  /// 11,000 points and longer ranges are split.
  public static let maxPointsPerRequest = 11_000

  /// Seconds to wait for one answer before giving up.
  public var timeout: Double

  public init(timeout: Double = 120) {
    self.timeout = timeout
  }

  /// Runs `query` (split into requests of at most `maxPoints` instants) and returns one series
  /// per label set, in order of name, on the query's grid; instants without a sample are
  /// missing (`.nan`).
  /// - Throws: `PrometheusError` with Prometheus's message when it gave one.
  ///
  /// Blocking: each request waits for its answer (a command reads its input before anything
  /// else, so there is nothing to overlap with).
  public func fetch(
    _ query: PrometheusQuery, timeZone: String = "UTC",
    maxPoints: Int = PrometheusClient.maxPointsPerRequest
  ) throws -> [Series] {
    try checkRange(query)
    let server = query.server.absoluteString
    let answers = try query.split(maxPoints: maxPoints).map {
      try send(request(for: $0), server: server)
    }
    return try assemble(answers, query: query, timeZone: timeZone)
  }

  /// The same as the blocking `fetch`, without holding a thread while Prometheus answers (for
  /// a long-running service, where a blocked thread is one less to serve requests with).
  public func fetchAsync(
    _ query: PrometheusQuery, timeZone: String = "UTC",
    maxPoints: Int = PrometheusClient.maxPointsPerRequest
  ) async throws -> [Series] {
    try checkRange(query)
    var answers: [Answer] = []
    for piece in query.split(maxPoints: maxPoints) {
      answers.append(try await send(request(for: piece), server: query.server.absoluteString))
    }
    return try assemble(answers, query: query, timeZone: timeZone)
  }

  /// One request's HTTP body and status, with the server it went to.
  private struct Answer {
    var data: Data
    var status: Int
    var server: String
  }

  private func checkRange(_ query: PrometheusQuery) throws {
    guard query.step > 0, query.end >= query.start else {
      throw PrometheusError.badQuery(message: "the range is empty or the step is not positive")
    }
  }

  /// The series of all answers, merged by label set onto the query's grid.
  private func assemble(_ answers: [Answer], query: PrometheusQuery, timeZone: String) throws
    -> [Series]
  {
    let total = query.pointCount
    var valuesByName: [String: [Double]] = [:]
    for answer in answers {
      for result in try decode(answer) {
        let name = SeriesNaming.name(of: result.metric, query: query.expression)
        var values = valuesByName[name] ?? [Double](repeating: .nan, count: total)
        for sample in result.values {
          let (index, value) = try place(sample, series: name, query: query)
          values[index] = value
        }
        valuesByName[name] = values
      }
    }
    return valuesByName.keys.sorted().map { name in
      Series(
        name: name, start: query.start, step: query.step, values: valuesByName[name] ?? [],
        timeZone: timeZone)
    }
  }

  /// The slot and value of one sample.
  private func place(_ sample: QueryRangeResponse.Sample, series: String, query: PrometheusQuery)
    throws -> (Int, Double)
  {
    let time = Int64(sample.time.rounded())
    let offset = time - query.start
    guard Double(time) == sample.time, offset >= 0, offset % query.step == 0,
      time <= query.end
    else {
      throw PrometheusError.unusableSample(
        series: series, time: time, reason: "time \(sample.time) is off the query's grid")
    }
    guard let value = Double(sample.value) else {
      throw PrometheusError.unusableSample(
        series: series, time: time, reason: "value '\(sample.value)' is not a number")
    }
    if value.isInfinite {
      throw PrometheusError.unusableSample(
        series: series, time: time, reason: "value \(sample.value) is infinite")
    }
    // Prometheus's NaN (e.g. 0/0) is a missing value, as everywhere else in Surgecast.
    return (Int(offset / query.step), value)
  }

  /// The form-encoded POST to `/api/v1/query_range` for one piece of a query.
  private struct Request {
    static let contentType = "application/x-www-form-urlencoded"
    var url: URL
    var body: Data
  }

  /// The POST to `/api/v1/query_range` for one piece of a query.
  private func request(for query: PrometheusQuery) -> Request {
    Request(url: query.endpoint, body: query.formBody)
  }

  /// The matrix of one answer, or Prometheus's error.
  private func decode(_ answer: Answer) throws -> [QueryRangeResponse.MatrixSeries] {
    let (data, status, server) = (answer.data, answer.status, answer.server)
    guard let decoded = try? JSONDecoder().decode(QueryRangeResponse.self, from: data) else {
      let text = String(decoding: data.prefix(200), as: UTF8.self)
        .split(whereSeparator: \.isNewline).joined(separator: " ")
      throw PrometheusError.invalidResponse(
        server: server, reason: "HTTP \(status), not a Prometheus answer: \(text)")
    }
    guard decoded.status == "success" else {
      let message = decoded.error ?? "HTTP \(status) without a message"
      let type = decoded.errorType ?? "unknown"
      throw type == "bad_data"
        ? PrometheusError.badQuery(message: message)
        : PrometheusError.queryFailed(errorType: type, message: message)
    }
    guard let payload = decoded.data else {
      throw PrometheusError.invalidResponse(server: server, reason: "success without data")
    }
    guard payload.resultType == "matrix" else {
      throw PrometheusError.invalidResponse(
        server: server, reason: "result type '\(payload.resultType)' instead of a matrix")
    }
    return payload.result
  }

  /// Sends one request without blocking a thread.
  private func send(_ request: Request, server: String) async throws -> Answer {
    do {
      let answer = try await HTTPPost.send(
        to: request.url, contentType: Request.contentType, body: request.body, timeout: timeout)
      return Answer(data: answer.body, status: answer.status, server: server)
    } catch {
      throw PrometheusError.unreachable(server: server, reason: HTTPPost.reason(error))
    }
  }

  /// Sends one request and waits for the body and HTTP status.
  private func send(_ request: Request, server: String) throws -> Answer {
    do {
      let answer = try HTTPPost.sendWaiting(
        to: request.url, contentType: Request.contentType, body: request.body, timeout: timeout)
      return Answer(data: answer.body, status: answer.status, server: server)
    } catch {
      throw PrometheusError.unreachable(server: server, reason: HTTPPost.reason(error))
    }
  }
}
