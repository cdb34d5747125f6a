import Foundation

/// Writing to the process's standard output and error.
///
/// Goes through `FileHandle` rather than C's `stdout`/`stderr` globals, which Swift 6's strict
/// concurrency checking rejects as shared mutable state.
enum StandardStreams {
  /// Writes `text` to standard output as is (add the final newline yourself).
  static func writeOutput(_ text: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
  }

  /// Writes `text` to standard error as is (add the final newline yourself).
  static func writeError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
  }

  /// Writes `surgecast: error: <message>` on one line to standard error.
  static func reportError(_ message: String) {
    writeError("surgecast: error: \(message.singleLine)\n")
  }
}
