import Foundation
import LinearAlgebra
import Modeling
import TimeSeries

/// Times the traffic model's fit on the default data sets, where the time goes, and Prophet's
/// fit on the same data side by side (when `pip install prophet` has been done).
///
/// References measured in the same run, because the machine is shared and noisy:
/// - the one-pass floor: forming XᵀX once (`dsyrk`) for a dense matrix of the design's size;
/// - Prophet 1.x's `fit` on the same CSV (scripts/bench/prophet_fit.py), the peer the model
///   issue compares against (target: the whole `surgecast fit` process ≥ 100× faster).
func runFitBench() throws -> [String] {
  BLASThreading.ensureSingleThreaded()
  var lines: [String] = []
  for dataset in [
    FitBenchDataset(
      file: "Datasets/traffic-1h.csv", label: "hourly, 426 days", repetitions: 7,
      prophetRepetitions: 3),
    FitBenchDataset(
      file: "Datasets/traffic-5m.csv", label: "5-minute, 426 days", repetitions: 3,
      prophetRepetitions: 1),
  ] where fitBenchSelects(dataset) {
    lines += try benchFit(dataset)
    lines.append("")
  }
  return lines
}

/// `SURGECAST_BENCH_FIT_DATA=1h` (any part of the file name) runs one data set only, e.g. for
/// repeated measurements while profiling.
private func fitBenchSelects(_ dataset: FitBenchDataset) -> Bool {
  guard let filter = ProcessInfo.processInfo.environment["SURGECAST_BENCH_FIT_DATA"],
    !filter.isEmpty
  else { return true }
  return dataset.file.contains(filter)
}

struct FitBenchDataset {
  var file: String
  var label: String
  var repetitions: Int
  /// Prophet takes seconds per fit (about a minute on the 5-minute data): fewer repeats.
  var prophetRepetitions: Int
  var events = "Datasets/events.csv"
  var timeZone = "Asia/Seoul"
}

private func benchFit(_ dataset: FitBenchDataset) throws -> [String] {
  let series = try SeriesCSV.read(
    path: dataset.file, options: SeriesReadOptions(timeZone: dataset.timeZone)
  ).series[0]
  let events = try EventsCSV.read(path: dataset.events, timeZone: dataset.timeZone)
  var spec = ModelSpec()
  spec.holidays = "KR"

  var runs: [(seconds: Double, kernel: Double, profile: FitProfile)] = []
  var cpuTimes: [Double] = []
  var model: FittedModel?
  for _ in 0..<dataset.repetitions {
    let profile = FitProfile()
    KernelClock.reset()
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = threadCPUSeconds()
    model = try spec.fit(series, events: events, profile: profile)
    cpuTimes.append(threadCPUSeconds() - cpuStart)
    let seconds = milliseconds(clock.now - start) / 1e3
    runs.append((seconds, KernelClock.total.seconds, profile))
  }
  runs.sort { $0.seconds < $1.seconds }
  let median = runs[runs.count / 2]
  let medianCPU = cpuTimes.sorted()[cpuTimes.count / 2]
  let columns = model?.columnLabels.count ?? 0
  let rows = series.count

  // The one-pass floor: XᵀX of a dense matrix of the same size, once.
  let (design, response) = benchProblem(rows: rows, columns: columns, seed: 7)
  let floor = medianMilliseconds(dataset.repetitions) {
    let clock = ContinuousClock()
    let start = clock.now
    _ = try? NormalEquations(design: design, response: response)
    return milliseconds(clock.now - start)
  } / 1e3

  let process = wholeProcessSeconds(dataset, repetitions: dataset.repetitions)
  let prophet = prophetFitSeconds(dataset)

  var lines = [
    "\(dataset.file) (\(dataset.label)): \(rows) rows x \(columns) columns, "
      + "median of \(dataset.repetitions)",
    "  fit (in process)                 \(ms(median.seconds)) ms   "
      + "\(format(median.seconds / floor, digits: 1))x the one-pass floor",
    "  fit CPU time (this thread)       \(ms(medianCPU)) ms   (wall times above and below "
      + "count waiting for a core on a loaded machine; CPU time does not)",
    "  one-pass floor: XᵀX (dsyrk)      \(ms(floor)) ms",
    "  inside LAPACK/BLAS               \(ms(median.kernel)) ms   "
      + "(\(format(100 * median.kernel / median.seconds, digits: 0))% of the fit)",
  ]
  for stage in median.profile.stages {
    let name = stage.name.padding(toLength: 32, withPad: " ", startingAt: 0)
    lines.append("    \(name) \(ms(stage.seconds)) ms")
  }
  if let process {
    lines.append(
      "  whole `surgecast fit` process    \(ms(process.wall)) ms   (read, fit, write JSON); "
        + "CPU time \(ms(process.cpu)) ms, \(process.faults) page faults")
  } else {
    lines.append("  whole `surgecast fit` process    (surgecast binary not found beside the bench)")
  }
  switch prophet {
  case .measured(let seconds):
    lines.append("  Prophet fit (same data)          \(ms(seconds)) ms")
    if let process {
      lines.append(
        "  speed-up, whole process vs Prophet fit: \(format(seconds / process.wall, digits: 0))x")
    }
  case .unavailable(let reason):
    lines.append("  Prophet fit                      not measured: \(reason)")
  }
  return lines
}

private func ms(_ seconds: Double) -> String {
  format(seconds * 1e3, digits: 1).leftPadded(to: 8)
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

/// CPU time of the calling thread (user + system).
func threadCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// User + system CPU time and minor page faults of every child process waited for so far.
/// Page faults, unlike times, are a count that a loaded machine does not inflate, and a first
/// touch of memory is a large part of a short process's cost.
private func childrenUsage() -> (cpuSeconds: Double, pageFaults: Int) {
  var usage = rusage()
  getrusage(RUSAGE_CHILDREN.rawValue, &usage)
  func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
  return (seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_minflt)
}

/// Median wall time, CPU time and page faults of the `surgecast fit` executable built beside
/// this one.
private func wholeProcessSeconds(_ dataset: FitBenchDataset, repetitions: Int)
  -> (wall: Double, cpu: Double, faults: Int)?
{
  let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("surgecast").path
  guard FileManager.default.isExecutableFile(atPath: binary) else { return nil }
  let output = NSTemporaryDirectory() + "surgecast-bench-fit-\(getpid()).json"
  defer { try? FileManager.default.removeItem(atPath: output) }
  let arguments = [
    "fit", "--data", dataset.file, "--events", dataset.events, "--holidays", "KR",
    "--timezone", dataset.timeZone, "--out", output, "--quiet",
  ]
  var times: [Double] = []
  var cpuTimes: [Double] = []
  var faults: [Int] = []
  for _ in 0..<repetitions {
    let clock = ContinuousClock()
    let start = clock.now
    let usageStart = childrenUsage()
    guard let status = try? runProcess(binary, arguments), status == 0 else { return nil }
    times.append(milliseconds(clock.now - start) / 1e3)
    let usageEnd = childrenUsage()
    cpuTimes.append(usageEnd.cpuSeconds - usageStart.cpuSeconds)
    faults.append(usageEnd.pageFaults - usageStart.pageFaults)
  }
  return (
    times.sorted()[times.count / 2], cpuTimes.sorted()[cpuTimes.count / 2],
    faults.sorted()[faults.count / 2]
  )
}

enum PeerMeasurement {
  case measured(Double)
  case unavailable(String)
}

private func prophetFitSeconds(_ dataset: FitBenchDataset) -> PeerMeasurement {
  if ProcessInfo.processInfo.environment["SURGECAST_BENCH_SKIP_PROPHET"] != nil {
    return .unavailable("skipped (SURGECAST_BENCH_SKIP_PROPHET)")
  }
  let pipe = Pipe()
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [
    "python3", "scripts/bench/prophet_fit.py", "--data", dataset.file, "--events",
    dataset.events, "--repeat", "\(dataset.prophetRepetitions)",
  ]
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch { return .unavailable("python3 not found") }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    return .unavailable(
      process.terminationStatus == 3 ? "prophet not installed (pip install prophet)"
        : "scripts/bench/prophet_fit.py exited \(process.terminationStatus)")
  }
  let words = String(decoding: data, as: UTF8.self).split(separator: " ")
  guard words.count >= 2, let seconds = Double(words[1]) else {
    return .unavailable("unexpected output from prophet_fit.py")
  }
  return .measured(seconds)
}

/// Runs an executable with its output discarded; returns its exit status (or throws when it
/// cannot be started or did not exit normally).
///
/// Through `posix_spawn` and `waitpid`, not Foundation's `Process`: on Linux its
/// `waitUntilExit` notices the exit on a run-loop tick, which added about 30 ms to every
/// measured `surgecast fit` process.
func runProcess(_ path: String, _ arguments: [String]) throws -> Int32 {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid: pid_t = 0
  let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
  guard spawned == 0 else { throw CocoaError(.executableLoad) }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 {
    guard errno == EINTR else { throw CocoaError(.executableLoad) }
  }
  // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
  guard status & 0x7f == 0 else { throw CocoaError(.executableRuntimeMismatch) }
  return (status >> 8) & 0xff
}
