import FuzzSupport
import TimeSeries

/// Durations as the CLI reads them: `--step` (TimeSpan) and `--horizon` (TimeAmount with steps).
runFuzzer { bytes, count in
  let text = String(decoding: fuzzData(bytes, count), as: UTF8.self)
  if let span = try? TimeSpan(parsing: text) {
    // The shortest spelling must parse back to the same span.
    guard (try? TimeSpan(parsing: span.description)) == span else {
      fatalError("TimeSpan '\(text)' → '\(span)' does not round-trip")
    }
  }
  if let amount = try? TimeAmount(parsing: text, allowingSteps: true) {
    _ = amount.seconds(step: 3600)
  }
  return 0
}
