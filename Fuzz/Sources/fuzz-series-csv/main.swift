import FuzzSupport
import Foundation
import TimeSeries

/// Series CSV: the first byte picks zone, step, duplicate and unsorted policies, so one corpus
/// reaches every reading path; the rest is the file.
runFuzzer { bytes, count in
  let (selector, content) = fuzzOptionsAndContent(bytes, count)
  let steps: [TimeSpan?] = [nil, TimeSpan(seconds: 3600), TimeSpan(seconds: 300)]
  let options = SeriesReadOptions(
    timeZone: fuzzTimeZones[Int(selector) % 3],
    step: steps[Int(selector / 3) % 3],
    start: selector & 0x80 != 0 ? 1_735_689_600 : nil,
    duplicates: DuplicatePolicy.allCases[Int(selector / 9) % 3],
    unsorted: UnsortedPolicy.allCases[Int(selector / 27) % 2],
    // The default limit (50 M slots, 400 MB) is tested elsewhere; a small one keeps
    // each run fast and still exercises the guard.
    maxSlots: 100_000)
  if let result = try? SeriesCSV.parse(content, file: "fuzz.csv", options: options) {
    // Writing what was read must not crash either (names, NaN gaps, zones).
    _ = try? SeriesCSV.encode(result.series)
  }
  return 0
}
