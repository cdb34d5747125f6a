import Foundation
import Modeling
import TestSupport
import TimeSeries

/// The default hourly data, its events, and the model fitted on them (as `make run` fits it:
/// KR holidays, Seoul time), fitted once per test process.
enum DefaultModel {
  static let timeZone = DefaultData.timeZone

  static let history: Series = DefaultData.hourly

  static let model: FittedModel = {
    var spec = ModelSpec()
    spec.holidays = "KR"
    guard let model = try? spec.fit(history, events: DefaultData.events) else {
      fatalError("cannot fit the default hourly data")
    }
    return model
  }()

  static let clock: LocalClock = {
    guard let clock = try? LocalClock(identifier: timeZone) else { fatalError("no tz data") }
    return clock
  }()

  /// Epoch seconds of a Seoul wall time on the hour.
  static func seoul(_ year: Int, _ month: Int, _ day: Int, hour: Int) -> Int64 {
    clock.startOfDay(CivilDate(year, month, day)) + Int64(hour) * 3600
  }

  /// The learned coefficient of a promotion bucket, e.g. `("flash_sale", "+0h")`.
  static func coefficient(_ name: String, _ bucket: String) -> Double {
    let label = "promotion(\(name), \(bucket))"
    guard let j = model.columnLabels.firstIndex(of: label) else { fatalError("no \(label)") }
    return model.coefficients[j]
  }
}
