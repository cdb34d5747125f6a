import Foundation
import TestSupport
import Testing

/// Golden files under `Tests/SurgecastCLITests/Snapshots/`.
///
/// A snapshot is the reviewed output of a command; a change to it shows up in the diff of the
/// pull request. Run with `SURGECAST_UPDATE_SNAPSHOTS=1` to rewrite the files from the current
/// output (then review `git diff`).
enum Snapshot {
  static let directory = ProjectPaths.root
    .appendingPathComponent("Tests/SurgecastCLITests/Snapshots")

  static var isUpdating: Bool {
    ProcessInfo.processInfo.environment["SURGECAST_UPDATE_SNAPSHOTS"] == "1"
  }

  /// Compares `actual` with the snapshot `name`, or records it when updating.
  static func expectMatches(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = directory.appendingPathComponent(name)
    if isUpdating {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url, options: .atomic)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record(
        "missing snapshot \(name); run with SURGECAST_UPDATE_SNAPSHOTS=1 to record it",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if actual != expected {
      Issue.record(
        """
        output differs from snapshot \(name) (first difference: \
        \(firstDifference(expected, actual))); run with SURGECAST_UPDATE_SNAPSHOTS=1 to \
        accept the new output
        """, sourceLocation: sourceLocation)
    }
  }

  /// `line N: expected "…", got "…"` for the first differing line.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, b.count) {
      let x = i < a.count ? String(a[i]) : "<end>"
      let y = i < b.count ? String(b[i]) : "<end>"
      if x != y { return "line \(i + 1): expected \"\(x)\", got \"\(y)\"" }
    }
    return "none"
  }
}
