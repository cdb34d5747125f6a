import Foundation
import TimeSeries

/// Times the series CSV reader on a generated two-column file of about 5 million rows and
/// compares it with `wc -l` on the same file (the floor: one pass over the bytes, no parsing).
///
/// The file mimics a real export: ISO 8601 timestamps with a `+09:00` offset every minute and
/// integer counts from a seeded generator, about 32 bytes per row (~160 MB). Returns printable
/// lines; run it from a release build, since debug builds are 10–50× slower.
func runIngestionBench(rows: Int = 5_000_000) -> [String] {
  var lines = ["ingestion: \(rows) rows of timestamp,value (ISO 8601 +09:00, integer counts)"]
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("surgecast-bench-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: directory) }
  do {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("requests.csv").path
    let bytes = try generateBenchCSV(rows: rows, to: path)
    lines.append(String(format: "  file: %.1f MB", Double(bytes) / 1e6))

    // Best of three: the first run also pays for page-cache misses.
    var best = Double.infinity
    var slots = 0
    for _ in 0..<3 {
      let started = ContinuousClock.now
      let options = SeriesReadOptions(timeZone: "Asia/Seoul")
      let result = try SeriesCSV.read(path: path, options: options)
      best = min(best, seconds(since: started))
      slots = result.series.first?.count ?? 0
    }
    guard slots == rows else {
      return lines + ["  reader returned \(slots) slots, expected \(rows)"]
    }
    lines.append(
      String(
        format: "  SeriesCSV.read: %.3f s, %.2f M rows/s, %.0f MB/s", best,
        Double(rows) / best / 1e6, Double(bytes) / best / 1e6))

    var wcBest = Double.infinity
    for _ in 0..<3 {
      let started = ContinuousClock.now
      try runWordCount(path)
      wcBest = min(wcBest, seconds(since: started))
    }
    lines.append(
      String(
        format: "  wc -l:          %.3f s, %.2f M rows/s, %.0f MB/s (reader is %.1f× slower)",
        wcBest, Double(rows) / wcBest / 1e6, Double(bytes) / wcBest / 1e6, best / wcBest))
  } catch {
    lines.append("  failed: \(error)")
  }
  return lines
}

private func seconds(since start: ContinuousClock.Instant) -> Double {
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// Writes the bench file; returns its size in bytes.
private func generateBenchCSV(rows: Int, to path: String) throws -> Int {
  let clock = try LocalClock(identifier: "Asia/Seoul")
  let start = try Timestamp.parse("2015-01-01T00:00:00+09:00")
  var out: [UInt8] = []
  out.reserveCapacity(rows * 33 + 16)
  out.append(contentsOf: "timestamp,value\n".utf8)
  var state: UInt64 = 0x5eed  // seeded: every run times the same bytes
  for k in 0..<rows {
    Timestamp.appendISO(start + Int64(k) * 60, clock: clock, to: &out)
    out.append(UInt8(ascii: ","))
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    out.append(contentsOf: String(200 + (state >> 33) % 5_000).utf8)
    out.append(0x0A)
  }
  try AtomicFile.write(Data(out), to: path)
  return out.count
}

private func runWordCount(_ path: String) throws {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["wc", "-l", path]
  process.standardOutput = FileHandle.nullDevice
  try process.run()
  process.waitUntilExit()
}
