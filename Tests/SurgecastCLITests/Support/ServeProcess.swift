import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `surgecast serve` running on a free loopback port (`--port 0`; the port is read from its
/// "serving … on http://127.0.0.1:PORT" line), with its standard error kept in a file.
final class ServeProcess: @unchecked Sendable {
  let process = Process()
  let port: Int
  let stderrPath: String

  /// Starts `surgecast serve ARGUMENTS --port 0` and waits (up to 30 s) until it listens.
  init(_ arguments: [String], stderrPath: String) throws {
    self.stderrPath = stderrPath
    _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
    process.executableURL = try SurgecastBinary.location.get()
    process.arguments = ["serve"] + arguments + ["--port", "0"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
    try process.run()
    var found: Int?
    var text = ""
    for _ in 0..<300 where found == nil && process.isRunning {
      Thread.sleep(forTimeInterval: 0.1)
      text = Self.read(stderrPath)
      if let range = text.range(of: "on http://127.0.0.1:") {
        found = Int(text[range.upperBound...].prefix { $0.isNumber })
      }
    }
    guard let found else {
      Issue.record("serve did not start: \(Self.read(stderrPath))")
      throw CocoaError(.fileReadUnknown)
    }
    port = found
  }

  /// What the server has written to standard error so far.
  var stderr: String { Self.read(stderrPath) }

  private static func read(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }

  func get(_ path: String) async throws -> (status: Int, body: Data) {
    let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
    let (data, response) = try await URLSession.shared.data(from: url)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
  }

  /// Publishes a registry model's v1 again as v2, atomically (a copy beside, then a rename),
  /// as a retrain would.
  static func publishVersion2(of folder: URL) throws {
    let temporary = folder.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("v2.tmp")
    try FileManager.default.copyItem(at: folder.appendingPathComponent("v1.json"), to: temporary)
    guard rename(temporary.path, folder.appendingPathComponent("v2.json").path) == 0 else {
      throw CocoaError(.fileWriteUnknown)
    }
  }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }
}
