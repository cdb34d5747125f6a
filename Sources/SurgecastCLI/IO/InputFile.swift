import Foundation

/// Checks that an input file can be read before a reader opens it.
///
/// The check exists so that "no such file" is exit 66 (`EX_NOINPUT`) with its own message,
/// whatever error type the reader would raise: a missing file is not a problem *in* the data.
enum InputFile {
  /// Throws `CommandError.inputNotFound` or `.inputUnreadable` unless `path` is a readable file.
  static func requireReadable(_ path: String) throws(CommandError) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .inputNotFound(path: path)
    }
    if isDirectory.boolValue { throw .inputUnreadable(path: path, reason: "is a directory") }
    guard manager.isReadableFile(atPath: path) else {
      throw .inputUnreadable(path: path, reason: "permission denied")
    }
  }
}
