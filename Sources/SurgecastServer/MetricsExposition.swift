import Foundation

/// `/metrics` in the Prometheus text exposition format (version 0.0.4): the served model, the
/// current interval's forecast and band, the recommendation, reloads and request counters.
enum MetricsExposition {
  static func render(
    _ served: ServedModel, reloader: ModelReloader, counters: RequestCounters,
    monitor: SurgeMonitor? = nil
  ) -> String {
    var out = ""
    func family(_ name: String, _ type: String, _ help: String) {
      out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }
    func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
      let text = labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",")
      out += name + (labels.isEmpty ? "" : "{\(text)}") + " \(number(value))\n"
    }
    let stored = served.stored
    family("surgecast_model_info", "gauge", "The model version being served (always 1).")
    sample(
      "surgecast_model_info",
      [("model", stored.name), ("version", String(stored.version)),
       ("fingerprint", stored.model.training.fingerprint)], 1)
    if let interval = served.document.schedule.first {
      let series = [("series", served.document.series)]
      family(
        "surgecast_forecast_expected_requests", "gauge",
        "Expected requests per step in the current interval.")
      sample("surgecast_forecast_expected_requests", series, interval.expected)
      family(
        "surgecast_forecast_quantile_requests", "gauge",
        "Requests per step at the policy's quantile in the current interval (the band's edge).")
      sample(
        "surgecast_forecast_quantile_requests",
        series + [("quantile", number(interval.quantile))], interval.quantileValue)
      family("surgecast_recommended_replicas", "gauge", "Replicas recommended now.")
      sample("surgecast_recommended_replicas", series, Double(interval.replicas))
    }
    if let monitor {
      surgeFamilies(served, monitor: monitor, family: family, sample: sample)
    }
    family("surgecast_model_reloads_total", "counter", "Snapshots swapped in since the start.")
    sample("surgecast_model_reloads_total", [], Double(reloader.reloads.get()))
    family(
      "surgecast_model_reload_failures_total", "counter",
      "New versions that could not be served (the old one stayed).")
    sample("surgecast_model_reload_failures_total", [], Double(reloader.failures.get()))
    family("surgecast_http_requests_total", "counter", "Requests served, by route and status.")
    for (key, count) in counters.snapshot() {
      sample(
        "surgecast_http_requests_total", [("route", key.route), ("status", String(key.status))],
        Double(count))
    }
    return out
  }

  /// The live detector's state and its polls (only with a live source).
  private static func surgeFamilies(
    _ served: ServedModel, monitor: SurgeMonitor,
    family: (String, String, String) -> Void, sample: (String, [(String, String)], Double) -> Void
  ) {
    let series = [("series", served.document.series)]
    if let surge = served.surge {
      family(
        "surgecast_surge_active", "gauge",
        "1 while the detector declares a surge (the recommendation then covers it), else 0.")
      sample("surgecast_surge_active", series, surge.state == .surge ? 1 : 0)
      family("surgecast_drop_active", "gauge", "1 while the detector declares a drop, else 0.")
      sample("surgecast_drop_active", series, surge.state == .drop ? 1 : 0)
      family(
        "surgecast_surge_ratio", "gauge",
        "Observed traffic / the forecast band's median (the episode's size in a surge or drop).")
      sample("surgecast_surge_ratio", series, surge.ratio)
      if let peak = surge.projectedPeak {
        family(
          "surgecast_surge_projected_peak_requests", "gauge",
          "Largest projected requests per step over the next hour of the surge or drop.")
        sample("surgecast_surge_projected_peak_requests", series, peak)
      }
      if let replicas = surge.surgeReplicas {
        family(
          "surgecast_surge_replicas", "gauge", "Replicas that cover the surge's projected peak.")
        sample("surgecast_surge_replicas", series, Double(replicas))
      }
    }
    family("surgecast_surge_polls_total", "counter", "Successful polls of the live query.")
    sample("surgecast_surge_polls_total", [], Double(monitor.polls.get()))
    family(
      "surgecast_surge_poll_failures_total", "counter",
      "Polls of the live query that failed (the last state stayed in service).")
    sample("surgecast_surge_poll_failures_total", [], Double(monitor.pollFailures.get()))
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
  }

  static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+Inf" : "-Inf") }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }
}
