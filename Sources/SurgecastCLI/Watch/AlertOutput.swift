import Foundation
import PrometheusSource
import SurgeDetection

/// Where alerts go: one line each on standard output (a JSON line, or a sentence), and
/// optionally a JSON POST to a webhook.
struct AlertOutput: Sendable {
  var format: OutputFormat
  var webhook: URL?

  /// One compact JSON line with sorted keys.
  static func jsonLine(_ alert: SurgeAlert) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(alert), as: UTF8.self)
    } catch {
      throw InternalError("cannot encode an alert as JSON: \(error)")
    }
  }

  /// One line for a person on call.
  static func textLine(_ alert: SurgeAlert) -> String {
    let label =
      alert.kind == .update
      ? "\(alert.episode.rawValue.uppercased()) UPDATE" : alert.kind.rawValue.uppercased()
    var line = "\(alert.raisedAt)  \(label)  \(alert.series)"
    switch alert.kind {
    case .recovered:
      line += "  since \(alert.start): \(alert.reason)"
    case .surge, .drop, .update:
      line += "  onset \(alert.start)  ×\(String(format: "%.2f", alert.ratio))"
      line += "  peak ≈ \(NumberFormatting.count(Int(alert.projectedPeak.rounded()))) in the next hour"
      if let replicas = alert.recommendedReplicas {
        line += "  replicas \(replicas)"
        if let forecast = alert.forecastReplicas { line += " (forecast alone \(forecast))" }
      }
    }
    return line
  }

  /// Prints the alert and posts it to the webhook (a failed post is reported on standard
  /// error and does not stop the watch: the alert is on standard output anyway).
  func emit(_ alert: SurgeAlert) async throws {
    let json = try Self.jsonLine(alert)
    StandardStreams.writeOutput((format == .json ? json : Self.textLine(alert)) + "\n")
    try await post(alert)
  }

  /// Posts the alert to the webhook, if there is one.
  func post(_ alert: SurgeAlert) async throws {
    guard let webhook else { return }
    let json = try Self.jsonLine(alert)
    do {
      let answer = try await HTTPPost.send(
        to: webhook, contentType: "application/json", body: Data(json.utf8), timeout: 10)
      if !(200..<300).contains(answer.status) {
        StandardStreams.writeError(
          "surgecast: warning: webhook \(webhook) answered \(answer.status)\n")
      }
    } catch {
      StandardStreams.writeError(
        "surgecast: warning: webhook \(webhook) failed: \(HTTPPost.reason(error))\n")
    }
  }
}
