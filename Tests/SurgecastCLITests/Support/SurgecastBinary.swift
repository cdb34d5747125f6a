import Foundation
import TestSupport

/// What one run of the built `surgecast` executable produced.
struct RunResult: Sendable, CustomStringConvertible {
  var status: Int32
  var stdout: String
  var stderr: String

  /// The lines of stderr, without the empty one after the final newline.
  var stderrLines: [Substring] { stderr.split(separator: "\n") }

  var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the `surgecast` executable that `swift test` built next to the test bundle.
///
/// The end-to-end tests run the real binary, not `SurgecastMain.execute`, so that argument
/// handling, exit codes and the stdout/stderr split are tested exactly as users and scripts see
/// them.
enum SurgecastBinary {
  /// Where the binary is, or why it could not be found.
  static let location: Result<URL, LocateError> = locate("surgecast", override: "SURGECAST_BINARY")
  /// The test-only `surgecast-crash-probe` (Tests/CrashProbe), built beside `surgecast`.
  static let crashProbe: Result<URL, LocateError> = locate("surgecast-crash-probe")

  struct LocateError: Error, CustomStringConvertible {
    var name: String
    var searched: [String]
    var description: String {
      "cannot find the built '\(name)' executable (set SURGECAST_BINARY); searched: "
        + searched.joined(separator: ", ")
    }
  }

  /// Looks in `$SURGECAST_BINARY`, then beside the test bundle (Linux:
  /// `.build-x/debug/SurgecastPackageTests.xctest`; macOS: inside `….xctest/Contents/MacOS`,
  /// so up to three levels up), then in the package's own build folders.
  private static func locate(_ name: String, override variable: String? = nil)
    -> Result<URL, LocateError>
  {
    let manager = FileManager.default
    var candidates: [URL] = []
    if let variable, let override = ProcessInfo.processInfo.environment[variable] {
      candidates.append(URL(fileURLWithPath: override))
    }
    var starts = [URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL]
    if let executable = Bundle.main.executableURL { starts.append(executable) }
    starts.append(Bundle.main.bundleURL)
    for start in starts {
      var directory = start.deletingLastPathComponent()
      for _ in 0..<4 {
        candidates.append(directory.appendingPathComponent(name))
        directory.deleteLastPathComponent()
      }
    }
    for folder in [".build", ".build-cli"] {
      candidates.append(
        ProjectPaths.root.appendingPathComponent("\(folder)/debug/\(name)"))
    }
    for candidate in candidates {
      var isDirectory: ObjCBool = false
      if manager.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue, manager.isExecutableFile(atPath: candidate.path)
      {
        return .success(candidate)
      }
    }
    return .failure(LocateError(name: name, searched: candidates.map(\.path)))
  }

  /// Runs `surgecast arguments…` in the package root (so relative paths in messages are
  /// stable), with an 80-column terminal width for help text.
  /// `environment` adds to (or overrides) this process's variables.
  static func run(
    _ arguments: [String], in directory: URL = ProjectPaths.root,
    environment extra: [String: String] = [:]
  ) throws -> RunResult {
    let binary = try location.get()
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("surgecast-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    // Files rather than pipes: a pipe fills at 64 KiB and would block a large output.
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)

    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["COLUMNS"] = "80"
    environment["LINES"] = "24"
    environment.merge(extra) { $1 }
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return RunResult(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}

/// Paths of test inputs relative to the package root, as a user would type them.
enum TestInputs {
  static let peyton = "../shared/datasets/peyton-manning/example_wp_log_peyton_manning.csv"
  static let peytonEvents = "../shared/datasets/peyton-manning/events.csv"
  static let peytonEventsSurgecast = "../shared/datasets/peyton-manning/events-surgecast.csv"
  static let m4Train = "../shared/datasets/m4-hourly/train.csv"
  static let traffic1h = "Datasets/traffic-1h.csv"
  static let traffic5m = "Datasets/traffic-5m.csv"
  static let events = "Datasets/events.csv"

  /// Whether `relative` (to the package root) exists, for `.enabled(if:)`.
  static func exists(_ relative: String) -> Bool {
    FileManager.default.fileExists(
      atPath: ProjectPaths.root.appendingPathComponent(relative).path)
  }
}
