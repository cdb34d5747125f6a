import Dispatch
import Foundation
import ModelRegistry
import Modeling
import SurgecastCLI
import Synchronization
import TimeSeries

/// Fits many generated hourly series of one year each the way `surgecast fit --name` does
/// (SeriesBatch across the cores, fit, publish to a registry), and prints series per second
/// and the process's peak memory.
///
/// Series are generated inside the workers, so only the series in work are in memory: peak
/// memory is what bounded streaming costs, not the size of the input. The reference is the
/// same work on one worker for the first `referenceCount` series, measured in the same run.
/// `BENCH_MANY_SERIES=N` changes the count (default 1,000). Run it under `/usr/bin/time -v`
/// (`make bench-many`) for the kernel's own peak-RSS figure.
func runManySeriesBench() throws -> [String] {
  let count = Int(ProcessInfo.processInfo.environment["BENCH_MANY_SERIES"] ?? "") ?? 1_000
  let referenceCount = min(count, 20)
  let cores = ProcessInfo.processInfo.activeProcessorCount
  var lines = ["many series: \(count) hourly series × 8,760 h, fit + publish, \(cores) workers"]
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("surgecast-bench-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: directory) }
  let registry = ModelRegistry(root: directory.path)

  lines.append(
    String(
      format: "  file system: a folder and a file created in %.2f ms (reference, same disk)",
      try fileCreationMilliseconds(in: directory.path)))
  let single = try timeBatch(count: referenceCount, workers: 1, registry: registry, tag: "ref")
  lines.append(
    String(
      format: "  reference, 1 worker, %d series: %.2f s, %.2f series/s", referenceCount,
      single.seconds, Double(referenceCount) / single.seconds))
  let all = try timeBatch(count: count, workers: cores, registry: registry, tag: "all")
  let rate = Double(count - all.failed) / all.seconds
  lines.append(
    String(
      format: "  %d workers, %d series: %.2f s, %.2f series/s (%d failed), %.2fx the reference",
      cores, count, all.seconds, rate, all.failed, rate / (Double(referenceCount) / single.seconds)))
  // The wall rate counts waiting for a core when other work shares the machine; the CPU
  // spent per series does not, and bounds the rate the cores could reach.
  lines.append(
    String(
      format: "  publish lane (mkdir, write, fsync, link): busy %.2f s of the %.2f s, %.2f s of it CPU",
      all.lane.busy, all.seconds, all.lane.cpu))
  let cpuPerSeries = all.cpuSeconds / Double(count)
  lines.append(
    String(
      format: "  process CPU per series: %.1f ms (user + sys), so at most %.0f series/s on %d cores",
      cpuPerSeries * 1e3, Double(cores) / cpuPerSeries, cores))
  lines.append(String(format: "  peak RSS (getrusage): %.0f MiB", peakResidentMiB()))
  lines += try oneSeriesStages(registry: registry)
  lines.append("  targets: ≥ 200 series/s on 2 cores, peak < 1024 MiB")
  return lines
}

/// Where one series' time goes: the fit's stages (median run of 9 on series 0, thread CPU
/// time) and the publish (JSON encoding and the atomic, fsync'd write), so that a change to
/// the rate can be traced to a stage.
private func oneSeriesStages(registry: ModelRegistry) throws -> [String] {
  let series = benchSeries(index: 0)
  var runs: [(cpu: Double, profile: FitProfile, publish: Double, encode: Double)] = []
  let frames = DesignFrameCache()
  for run in 0..<9 {
    let profile = FitProfile()
    let start = threadCPUSeconds()
    // Run 0 builds the shared frame; the median run shows a batch's steady state.
    let model = try ModelSpec().fit(series, profile: profile, frames: frames)
    let fitted = threadCPUSeconds()
    _ = try ModelFile.encode(model)
    let encoded = threadCPUSeconds()
    _ = try registry.publish(model, as: "stages.s\(run)")
    runs.append((fitted - start, profile, threadCPUSeconds() - encoded, encoded - fitted))
  }
  runs.sort { $0.cpu < $1.cpu }
  let median = runs[runs.count / 2]
  var lines = [
    String(format: "  one series (series 0, median of 9, thread CPU): fit %.1f ms", median.cpu * 1e3)
  ]
  let stages = median.profile.stages + [
    ("JSON encoding", median.encode), ("publish (encode, write, fsync)", median.publish),
  ]
  for (name, seconds) in stages {
    lines.append("    " + name.padding(toLength: 32, withPad: " ", startingAt: 0)
      + String(format: " %6.1f ms", seconds * 1e3))
  }
  return lines
}

/// Runs one batch to the end and times it.
private func timeBatch(count: Int, workers: Int, registry: ModelRegistry, tag: String) throws
  -> (seconds: Double, failed: Int, cpuSeconds: Double, lane: (busy: Double, cpu: Double))
{
  let cpuStarted = processCPUSeconds()
  let started = ContinuousClock.now
  // As `surgecast fit` does for a batch: series on one grid share their design frame.
  let frames = DesignFrameCache()
  // The lane's time per store, wall and CPU (the store runs on the lane's one thread).
  let lane = Mutex((busy: Duration.zero, cpu: 0.0))
  let failures = runBlocking {
    await SeriesBatch(concurrency: workers).run(
      count: count, name: { "s\($0)" },
      work: { index in
        let model = try ModelSpec().fit(benchSeries(index: index), frames: frames)
        return try ModelFile.encode(model)
      },
      store: { index, encoded in
        let (began, cpuBegan) = (ContinuousClock.now, threadCPUSeconds())
        defer {
          let (busy, cpu) = (ContinuousClock.now - began, threadCPUSeconds() - cpuBegan)
          lane.withLock { $0 = ($0.busy + busy, $0.cpu + cpu) }
        }
        return try registry.publish(encoded: encoded, as: "\(tag).s\(index)")
      })
  }
  return (
    seconds(ContinuousClock.now - started), failures.count, processCPUSeconds() - cpuStarted,
    lane.withLock { (seconds($0.busy), $0.cpu) }
  )
}

private func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Milliseconds to create a folder holding one small synced file, the median of 50: the disk's
/// own speed at the moment of the run. ext4 without a journal scans past inodes freed in the
/// last minutes when it allocates one, so right after another run deleted thousands of files
/// this alone can grow tenfold, and the rate above with it.
private func fileCreationMilliseconds(in root: String) throws -> Double {
  let probe = (root as NSString).appendingPathComponent("probe")
  var times: [Double] = []
  for index in 0..<50 {
    let folder = (probe as NSString).appendingPathComponent("f\(index)")
    let began = ContinuousClock.now
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try AtomicFile.write(Data("{}".utf8), to: (folder as NSString).appendingPathComponent("v1.json"))
    times.append(seconds(ContinuousClock.now - began) * 1e3)
  }
  return times.sorted()[times.count / 2]
}

/// Series `index`: a year of hourly counts with a daily and weekly cycle, a slow trend and
/// noise, its level set by the index (seeded, so every run fits the same data).
func benchSeries(index: Int) -> Series {
  var state = UInt64(0x9E37_79B9_7F4A_7C15) &* UInt64(index + 1)
  func uniform() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
  }
  let hours = 365 * 24
  let level = 200 + 50 * Double(index % 40)
  var values = [Double](repeating: 0, count: hours)
  for h in 0..<hours {
    let daily = dailyCycle[h % 24]
    let weekly = (h / 24) % 7 >= 5 ? 0.8 : 1.0
    let trend = 1 + 0.2 * Double(h) / Double(hours)
    let noise = 1 + 0.08 * (uniform() + uniform() + uniform() - 1.5)
    values[h] = (level * daily * weekly * trend * noise).rounded()
  }
  return Series(name: "s\(index)", start: 1_704_067_200, step: 3600, values: values)
}

/// The daily factor of `benchSeries` by hour of the day: the same values as evaluating the sine
/// at every hour, computed once so that generating the input stays a small part of a series.
private let dailyCycle = (0..<24).map { hour in 1 + 0.6 * sin(2 * Double.pi * Double(hour - 8) / 24) }

/// `ru_maxrss` of this process, in MiB (Linux reports KiB).
func peakResidentMiB() -> Double {
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  return Double(usage.ru_maxrss) / 1024
}
