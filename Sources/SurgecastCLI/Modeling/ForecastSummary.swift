import Forecasting
import Foundation
import TimeSeries

/// The few lines a planner reads first: when the peak comes, how high, and how sure.
enum ForecastSummary {
  static func text(_ forecast: Forecast, series: String) throws -> String {
    let clock = try LocalClock(identifier: forecast.timeZone)
    guard let peak = forecast.mean.indices.max(by: { forecast.mean[$0] < forecast.mean[$1] }),
      let first = forecast.times.first, let last = forecast.times.last
    else { return "empty forecast\n" }
    let lower = forecast.quantiles.first
    let upper = forecast.quantiles.last
    var band = ""
    if let lower, let upper, lower.level < upper.level {
      band = String(
        format: " (%@–%@: %.0f – %.0f)", lower.columnName, upper.columnName,
        lower.values[peak], upper.values[peak])
    }
    let total = forecast.mean.reduce(0, +)
    return """
      forecast of \(series): \(forecast.count) steps from \(Timestamp.format(first, clock: clock)) \
      to \(Timestamp.format(last + forecast.step, clock: clock))
      peak: \(String(format: "%.0f", forecast.mean[peak])) requests per step at \
      \(Timestamp.format(forecast.times[peak], clock: clock))\(band)
      total expected: \(String(format: "%.0f", total)) requests

      """
  }
}
