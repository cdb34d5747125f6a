import Foundation
import TimeSeries

/// Follows one series of a PromQL expression as time passes (`surgecast watch --prometheus`
/// and `surgecast serve --prometheus`): each poll asks for the instants after the last one
/// handed over, up to now, on a fixed grid (a model's), and hands over the new ones.
///
/// The latest instants may have no sample yet (a scrape or a rule evaluation still to come):
/// missing instants at the end of a poll are not handed over but asked for again on the next
/// poll; once a later instant has a value, a still-missing one is handed over as missing
/// (`.nan`), which the detector skips.
public struct PrometheusFollower: Sendable {
  public let server: URL
  public let expression: String
  /// The grid: instants `origin + k·step`.
  public let origin: Int64
  public let step: Int64
  /// The series to follow among several; nil = the only one, or else `preferredName`.
  public let seriesName: String?
  /// The series to take when the query returns several and `seriesName` is nil (the series a
  /// model was fitted on), if it is among them.
  public let preferredName: String?
  public var client: PrometheusClient
  /// The last instant handed over.
  public private(set) var lastTime: Int64?

  public init(
    server: URL, expression: String, origin: Int64, step: Int64, seriesName: String? = nil,
    preferredName: String? = nil, client: PrometheusClient = PrometheusClient(timeout: 30)
  ) {
    self.server = server
    self.expression = expression
    self.origin = origin
    self.step = step
    self.seriesName = seriesName
    self.preferredName = preferredName
    self.client = client
  }

  /// The first read: instants from `start` (rounded up to the grid) to `now`.
  /// - Throws: `PrometheusError`; `.noSamples` when the query has no sample in that range
  ///   (a misspelt metric or label, most likely).
  public mutating func warmUp(from start: Int64, now: Int64) async throws -> [(
    time: Int64, value: Double
  )] {
    let first = origin + Self.ceilDiv(start - origin, step) * step
    let slots = try await read(first: first, now: now, warmUp: true)
    guard !slots.isEmpty else {
      throw PrometheusError.noSamples(
        query: expression, range: "the \(Self.hours(now - start)) hours before now")
    }
    return slots
  }

  /// The instants after the last one handed over, up to `now` (none before `warmUp`).
  /// - Throws: `PrometheusError`.
  public mutating func poll(now: Int64) async throws -> [(time: Int64, value: Double)] {
    guard let lastTime else { return [] }
    return try await read(first: lastTime + step, now: now, warmUp: false)
  }

  private mutating func read(first: Int64, now: Int64, warmUp: Bool) async throws -> [(
    time: Int64, value: Double
  )] {
    let end = origin + Self.floorDiv(now - origin, step) * step
    guard end >= first else { return [] }
    let query = PrometheusQuery(
      server: server, expression: expression, start: first, end: end, step: step)
    let results = try await client.fetchAsync(query)
    guard let series = try choose(results, warmUp: warmUp),
      let last = series.values.lastIndex(where: \.isFinite)
    else { return [] }
    let slots = (0...last).map { index in
      (time: first + Int64(index) * step, value: series.values[index])
    }
    lastTime = slots.last?.time
    return slots
  }

  /// The followed series among a result (nil when it is not there: Prometheus leaves out a
  /// series without a sample in the range). A name missing from the warm-up's result, where
  /// others are, is a mistake in the name.
  private func choose(_ results: [Series], warmUp: Bool) throws -> Series? {
    if let seriesName {
      if let match = results.first(where: { $0.name == seriesName }) { return match }
      if results.isEmpty || !warmUp { return nil }
      throw PrometheusError.ambiguousResult(
        query: expression, series: results.map(\.name), wanted: seriesName)
    }
    if results.count <= 1 { return results.first }
    if let match = results.first(where: { $0.name == preferredName }) { return match }
    throw PrometheusError.ambiguousResult(
      query: expression, series: results.map(\.name), wanted: nil)
  }

  static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }

  static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 { -floorDiv(-a, b) }

  private static func hours(_ seconds: Int64) -> String {
    String(format: "%g", Double(seconds) / 3600)
  }
}
