import FuzzSupport
import TimeSeries

/// Events CSV in both formats (the header decides); the first byte picks the zone.
runFuzzer { bytes, count in
  let (selector, content) = fuzzOptionsAndContent(bytes, count)
  let zone = fuzzTimeZones[Int(selector) % fuzzTimeZones.count]
  _ = try? EventsCSV.parse(content, file: "events.csv", timeZone: zone)
  return 0
}
