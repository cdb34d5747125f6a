import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed atomic write, naming the path and the system's reason.
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  /// What was being done: `create`, `write`, `sync`, `rename`.
  public var operation: String
  public var reason: String
  public var description: String { "\(path): cannot \(operation): \(reason)" }
}

/// Whole-file writes that readers never see half done.
///
/// The project writes every output (forecasts, models, recommendations) through this, so that a
/// crash, a full disk or a concurrent reader can never observe a truncated file: the data goes
/// to a temporary file in the same directory (rename is atomic only within one file system),
/// is flushed to disk with `fsync`, and is renamed over the destination. On any failure the
/// temporary file is removed and the destination is left as it was.
public enum AtomicFile {
  /// Atomically replaces (or creates) the file at `path` with `data`.
  ///
  /// The new file gets mode 0644 (readable by all, the usual mode for outputs), since the
  /// temporary file is created private.
  /// - Throws: `AtomicFileError`.
  public static func write(_ data: Data, to path: String) throws {
    let tempPath = try writeTemporary(data, besides: path)
    guard rename(tempPath, path) == 0 else {
      let error = failure(path, "rename into place")
      unlink(tempPath)
      throw error
    }
    syncDirectory(of: path)
  }

  /// Creates the file at `path` with `data` only if no file is there yet, atomically: a reader
  /// sees no file or the whole file, and of two writers racing for the same path exactly one
  /// succeeds (the data goes to a synced temporary file that is then hard-linked into place,
  /// and `link` fails when the destination exists).
  ///
  /// - Returns: `false`, leaving the existing file untouched, when `path` already exists.
  /// - Throws: `AtomicFileError` for any other failure.
  public static func create(_ data: Data, exclusivelyAt path: String) throws -> Bool {
    let tempPath = try writeTemporary(data, besides: path)
    defer { unlink(tempPath) }
    guard link(tempPath, path) == 0 else {
      if errno == EEXIST { return false }
      throw failure(path, "link into place")
    }
    syncDirectory(of: path)
    return true
  }

  /// Writes `data` to a new hidden temporary file in the directory of `path`, synced and with
  /// mode 0644, and returns its path. On failure nothing is left behind.
  private static func writeTemporary(_ data: Data, besides path: String) throws -> String {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    // Hidden and recognisable, so a leftover after a power cut is easy to identify.
    var template = Array("\(directory)/.\(url.lastPathComponent).tmp-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard fd >= 0 else { throw failure(path, "create a temporary file in \(directory)") }
    let tempPath = template.withUnsafeBufferPointer { buffer in
      String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    var closed = false
    do {
      try data.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          guard let base = raw.baseAddress else { break }
          let written = Foundation.write(fd, base + offset, raw.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            throw failure(path, "write")
          }
          offset += written
        }
      }
      guard fchmod(fd, 0o644) == 0 else { throw failure(path, "set permissions") }
      guard fsync(fd) == 0 else { throw failure(path, "sync") }
      closed = true
      guard close(fd) == 0 else { throw failure(path, "close") }
    } catch {
      if !closed { close(fd) }
      unlink(tempPath)
      throw error
    }
    return tempPath
  }

  /// Persists a rename or link itself; the data is already safe, so a failure is not reported.
  private static func syncDirectory(of path: String) {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let directoryFD = open(directory.isEmpty ? "." : directory, O_RDONLY)
    if directoryFD >= 0 {
      fsync(directoryFD)
      close(directoryFD)
    }
  }

  private static func failure(_ path: String, _ operation: String) -> AtomicFileError {
    AtomicFileError(path: path, operation: operation, reason: String(cString: strerror(errno)))
  }
}
