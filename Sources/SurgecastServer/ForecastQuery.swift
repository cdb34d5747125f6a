import Forecasting
import Hummingbird
import TimeSeries

/// `/v1/forecast?horizon=24h&quantiles=0.1,0.5,0.9`, checked: every mistake is a 400 with a
/// JSON message, and the horizon is bounded so that a request cannot ask for unbounded work.
struct ForecastQuery {
  /// At most this many steps (35 days of 5-minute slots).
  static let maximumSteps = 10_080
  var steps: Int
  var quantiles: [Double]

  init(horizon: String?, quantiles: String?, step: Int64) throws {
    let text = horizon ?? "24h"
    let seconds: Int64
    if let count = Int64(text), count > 0 {
      seconds = count * step
    } else if let span = try? TimeSpan(parsing: text) {
      seconds = span.seconds
    } else {
      throw HTTPError(.badRequest, message: "horizon: '\(text)' is not a duration (24h, 7d) or a step count")
    }
    guard seconds % step == 0 else {
      throw HTTPError(.badRequest, message: "horizon: not a whole number of \(step)-second steps")
    }
    guard seconds / step <= Int64(Self.maximumSteps) else {
      throw HTTPError(.badRequest, message: "horizon: at most \(Self.maximumSteps) steps")
    }
    steps = Int(seconds / step)
    var levels: [Double] = []
    for part in (quantiles ?? "0.1,0.5,0.9").split(separator: ",", omittingEmptySubsequences: false) {
      guard let level = Double(part), level > 0, level < 1 else {
        throw HTTPError(.badRequest, message: "quantiles: '\(part)' is not a level in (0, 1)")
      }
      levels.append(level)
    }
    guard levels.count <= 20 else {
      throw HTTPError(.badRequest, message: "quantiles: at most 20 levels")
    }
    self.quantiles = Array(Set(levels)).sorted()
  }
}
