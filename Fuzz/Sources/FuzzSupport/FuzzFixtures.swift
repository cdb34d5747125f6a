import Foundation
import TimeSeries

/// Three weeks of hourly traffic with a daily and weekly shape: small enough that a fit takes
/// milliseconds, long enough for every model block (daily, weekly, trend, AR, calibration).
public let fuzzTrainingSeries: Series = {
  let start: Int64 = 1_735_689_600  // 2025-01-01T00:00Z
  let values = (0..<(21 * 24)).map { hour -> Double in
    let daily = sin(2 * Double.pi * Double(hour % 24) / 24)
    let weekly = hour / 24 % 7 >= 5 ? 0.8 : 1.0
    // A deterministic wobble, so residuals are not all zero.
    let wobble = Double((hour * 7919) % 13) - 6
    return (1000 + 400 * daily) * weekly + 10 * wobble
  }
  return Series(name: "fuzz", start: start, step: 3600, values: values, timeZone: "Asia/Seoul")
}()

/// One promotion inside the training window, so specs' promotion settings take effect.
public let fuzzTrainingEvents = [
  Event(
    name: "flash_sale", kind: .promotion, start: 1_735_689_600 + 10 * 86_400 + 12 * 3600,
    end: 1_735_689_600 + 10 * 86_400 + 16 * 3600)
]
