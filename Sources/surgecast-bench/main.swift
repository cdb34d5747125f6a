// surgecast-bench: micro-benchmarks of the hot paths, run by `make bench` (release build).
//
//   surgecast-bench            every suite
//   surgecast-bench ingest     CSV ingestion (TimeSeries)
//   surgecast-bench lstsq      least squares (LinearAlgebra)
//   surgecast-bench fit        the traffic model's fit, its stages, and Prophet side by side
//   surgecast-bench accuracy   M4 Hourly, Peyton Manning, default dataset (make bench-accuracy)
//   surgecast-bench accuracy-validation   the same on held-out windows of the training data
//   surgecast-bench recommend  a 24 h replica schedule from a loaded model (Autoscaling)
//   surgecast-bench many       1,000 series fitted in parallel (make bench-many)
//
// Each suite lives in its own file of this target and returns its result lines; this file only
// prints a header that says where the numbers come from, and picks the suites.
import Foundation
import LinearAlgebra

/// A named benchmark suite: a function returning the lines to print.
struct BenchSuite {
  var name: String
  var summary: String
  var run: () throws -> [String]

  init(name: String, summary: String, run: @escaping () throws -> [String]) {
    self.name = name
    self.summary = summary
    self.run = run
  }
}

let suites: [BenchSuite] = [
  BenchSuite(name: "ingest", summary: "series CSV ingestion (TimeSeries)") {
    runIngestionBench()
  },
  BenchSuite(name: "lstsq", summary: "least-squares solvers (LinearAlgebra)") {
    runLeastSquaresBench()
  },
  BenchSuite(name: "fit", summary: "model fit: stages, LAPACK share, whole process, Prophet") {
    try runFitBench()
  },
  BenchSuite(name: "accuracy", summary: "forecast accuracy and speed on public data (Forecasting)") {
    try runAccuracyBench()
  },
  BenchSuite(
    name: "accuracy-validation", summary: "the accuracy datasets on held-out training windows"
  ) {
    try runAccuracyValidationBench()
  },
  BenchSuite(name: "recommend", summary: "24 h replica schedule from a loaded model") {
    try runRecommendBench()
  },
  BenchSuite(name: "many", summary: "many series fitted across cores (SeriesBatch)") {
    try runManySeriesBench()
  },
  BenchSuite(name: "recommend", summary: "24 h replica schedule from a loaded model") {
    try runRecommendBench()
  },
]

/// `uname -m`, e.g. `x86_64` or `aarch64`.
func machineName() -> String {
  var info = utsname()
  guard uname(&info) == 0 else { return "unknown" }
  return withUnsafeBytes(of: &info.machine) { raw in
    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
  }
}

func printHeader() {
  let date = ISO8601DateFormatter().string(from: Date())
  #if DEBUG
    let build = "debug (numbers are not representative; use `make bench`)"
  #else
    let build = "release"
  #endif
  print("surgecast-bench  date \(date)  machine \(machineName())  "
    + "cores \(ProcessInfo.processInfo.activeProcessorCount)  build \(build)")
}

@MainActor func usage() -> String {
  let names = suites.map { "  \($0.name.padding(toLength: 8, withPad: " ", startingAt: 0))"
    + "\($0.summary)" }
  return (["usage: surgecast-bench [all | SUITE …]", "suites:"] + names).joined(separator: "\n")
}

// Stop OpenBLAS's spinning worker threads before any suite runs (see BLASThreading).
BLASThreading.ensureSingleThreaded()
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("-h") || arguments.contains("--help") {
  print(usage())
  exit(0)
}
let requested = arguments.isEmpty || arguments == ["all"] ? suites.map(\.name) : arguments
for name in requested where !suites.contains(where: { $0.name == name }) {
  FileHandle.standardError.write(Data("surgecast-bench: error: unknown suite '\(name)'\n".utf8))
  FileHandle.standardError.write(Data((usage() + "\n").utf8))
  exit(64)
}

printHeader()
if suites.isEmpty { print("(no benchmark suites are built into this binary yet)") }
for suite in suites where requested.contains(suite.name) {
  print("")
  print("== \(suite.name): \(suite.summary)")
  do {
    for line in try suite.run() { print(line) }
  } catch {
    FileHandle.standardError.write(Data("surgecast-bench: \(suite.name) failed: \(error)\n".utf8))
    exit(70)
  }
}
