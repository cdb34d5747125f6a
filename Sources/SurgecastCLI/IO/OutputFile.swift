import Foundation
import TimeSeries

/// Writes a command's result file.
enum OutputFile {
  /// Writes `text` to `path` through TimeSeries' `AtomicFile` (temporary file, `fsync`, rename),
  /// so that a reader never sees half a file and a failed write leaves the old file intact.
  /// - Throws: `AtomicFileError` (exit 73).
  static func write(_ text: String, to path: String) throws {
    try AtomicFile.write(Data(text.utf8), to: path)
  }
}
