import Forecasting
import TimeSeries

/// One hour of a scenario's outcome (one step, when the step is an hour or longer).
public struct HourlyRow: Sendable, Equatable {
  /// Start of the local clock hour (or of the step).
  public var time: Int64
  public var expected: Double
  /// The 80% interval: for sub-hourly steps, the sums of the slots' quantiles (an upper bound
  /// on the spread, as if the slots moved together).
  public var lower: Double
  public var upper: Double
  /// Expected minus the baseline's expected.
  public var uplift: Double
  /// The most replicas needed in the hour, when sized.
  public var replicas: Int?
}

extension ScenarioOutcome {
  /// The outcome summed by local clock hour (requests add up; replicas take the hour's max).
  public func hourlyRows(clock: LocalClock) -> [HourlyRow] {
    let f = forecast
    let lower = f.quantile(ScenarioPlanner.reportedInterval.lower) ?? f.mean
    let upper = f.quantile(ScenarioPlanner.reportedInterval.upper) ?? f.mean
    var rows: [HourlyRow] = []
    var currentKey: Int64?
    for h in 0..<f.count {
      let t = f.times[h]
      let key: Int64
      if f.step >= 3600 {
        key = t
      } else {
        let local = t + Int64(clock.utcOffset(at: t))
        key = local - ((local % 3600) + 3600) % 3600
      }
      if key != currentKey {
        currentKey = key
        rows.append(
          HourlyRow(
            time: t, expected: 0, lower: 0, upper: 0, uplift: 0,
            replicas: replicas == nil ? nil : 0))
      }
      let r = rows.count - 1
      rows[r].expected += f.mean[h]
      rows[r].lower += lower[h]
      rows[r].upper += upper[h]
      rows[r].uplift += uplift[h]
      if let replicas { rows[r].replicas = max(rows[r].replicas ?? 0, replicas[h]) }
    }
    return rows
  }
}
