import FuzzSupport
import TimeSeries

/// Single timestamps (`--start`, events' `start`/`end`); the first byte picks the zone.
runFuzzer { bytes, count in
  let (selector, content) = fuzzOptionsAndContent(bytes, count)
  let text = String(decoding: content, as: UTF8.self)
  let clock = fuzzClocks[Int(selector) % fuzzClocks.count]
  // Round trip within years 1…9999 in UTC less a day at each end: a local offset can move the
  // first and last day's wall time into years 0 and 10000, which ISO 8601's four digits lack.
  if let instant = try? Timestamp.parse(text, clock: clock),
    instant > -62_135_596_800 + 86_400, instant < 253_402_300_799 - 86_400
  {
    // What format prints must parse back to the same instant.
    let printed = Timestamp.format(instant, clock: clock)
    guard (try? Timestamp.parse(printed, clock: clock)) == instant else {
      fatalError("timestamp '\(text)' → \(instant) → '\(printed)' does not round-trip")
    }
  }
  return 0
}
