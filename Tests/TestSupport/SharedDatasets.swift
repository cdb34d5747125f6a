import Foundation

/// Locates files of the project and of `../shared/datasets/` (read in place, never copied).
public enum ProjectPaths {
  /// The package root, found from this source file's location.
  public static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/TestSupport/<file>
    return url
  }()

  /// `../shared/datasets` beside the package root.
  public static let sharedDatasets: URL = root.deletingLastPathComponent()
    .appendingPathComponent("shared/datasets")

  /// A file under `../shared/datasets/`.
  public static func shared(_ relative: String) -> URL {
    sharedDatasets.appendingPathComponent(relative)
  }

  /// A file under the project's `Datasets/`.
  public static func datasets(_ relative: String) -> URL {
    root.appendingPathComponent("Datasets").appendingPathComponent(relative)
  }
}

/// A fresh temporary directory, removed by the caller with `cleanUp()`.
public struct TemporaryDirectory: Sendable {
  public let url: URL

  public init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("surgecast-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes `text` to `name` inside the directory and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  public func cleanUp() { try? FileManager.default.removeItem(at: url) }
}
