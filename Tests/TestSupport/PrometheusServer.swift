import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A real Prometheus server (Debian's `prometheus` package) on a loopback port, serving data
/// backfilled with `promtool tsdb create-blocks-from openmetrics` into a temporary folder.
///
/// Tests that need it are skipped with `PrometheusServer.unavailableReason` only when the
/// binaries are absent; `.ci/run` installs the package so that CI runs them.
public final class PrometheusServer: @unchecked Sendable {
  /// Where Debian installs the binaries.
  public static let prometheusPath = "/usr/bin/prometheus"
  public static let promtoolPath = "/usr/bin/promtool"

  /// Why the server cannot run here, or nil when it can.
  public static var unavailableReason: String? {
    let manager = FileManager.default
    for path in [prometheusPath, promtoolPath] where !manager.isExecutableFile(atPath: path) {
      return "\(path) is not installed (apt-get install prometheus); Prometheus tests skipped"
    }
    return nil
  }

  public let url: URL
  private let process: Process
  private let folder: TemporaryDirectory

  /// Backfills `openMetrics` (text ending with `# EOF`), then starts the server and waits until
  /// it reports ready. `--query.lookback-delta=1m` keeps a missing sample missing on a 5-minute
  /// grid instead of repeating the previous one.
  public init(openMetrics: String) async throws {
    folder = try TemporaryDirectory()
    let input = try folder.write("input.om", openMetrics)
    let storage = folder.path("data")
    // Long blocks: the default of 2 hours makes hundreds of blocks and takes a minute.
    try Self.runToEnd(
      Self.promtoolPath,
      ["tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=1000h", input, storage])
    let config = try folder.write("prometheus.yml", "global:\n  scrape_interval: 1m\n")
    let port = try Self.freePort()
    guard let serverURL = URL(string: "http://127.0.0.1:\(port)") else {
      throw ServerError("no URL for port \(port)")
    }
    url = serverURL
    process = Process()
    process.executableURL = URL(fileURLWithPath: Self.prometheusPath)
    process.arguments = [
      "--config.file=\(config)", "--storage.tsdb.path=\(storage)",
      "--web.listen-address=127.0.0.1:\(port)", "--storage.tsdb.retention.time=100y",
      "--query.lookback-delta=1m",
    ]
    let log = folder.path("prometheus.log")
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    let logHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    process.standardOutput = logHandle
    process.standardError = logHandle
    try process.run()
    do {
      try await waitUntilReady(log: log)
    } catch {
      stop()
      throw error
    }
  }

  /// Kills the server at once (SIGKILL: no graceful shutdown that keeps answering for a
  /// while), for tests of what happens when Prometheus goes away; `stop` still cleans up.
  public func kill() {
    if process.isRunning {
      _ = Foundation.kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  /// Stops the server (SIGTERM, then waits) and removes its folder.
  public func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
    folder.cleanUp()
  }

  private func waitUntilReady(log: String) async throws {
    let ready = url.appendingPathComponent("-/ready")
    for _ in 0..<300 {
      guard process.isRunning else { break }
      if let (_, response) = try? await URLSession.shared.data(from: ready),
        (response as? HTTPURLResponse)?.statusCode == 200
      {
        return
      }
      try await Task.sleep(nanoseconds: 100_000_000)
    }
    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    throw ServerError("prometheus did not become ready: \(text.suffix(2000))")
  }

  /// A port nobody listens on right now (bound to port 0, then released).
  public static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ServerError("socket() failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
        bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
      }
    }
    guard bound else { throw ServerError("cannot bind a loopback port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  private static func runToEnd(_ executable: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ServerError(
        "\(executable) \(arguments.joined(separator: " ")) failed: "
          + String(decoding: output, as: UTF8.self))
    }
  }

  public struct ServerError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
  }
}
