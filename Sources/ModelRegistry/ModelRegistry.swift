import Foundation
import Modeling
import TimeSeries

/// A folder of versioned models: `ROOT/NAME/v1.json`, `ROOT/NAME/v2.json`, …
///
/// Each version is an ordinary model file (the JSON `surgecast fit --out` writes), so any
/// version can also be used by path. Versions are never rewritten: publishing creates the next
/// number with an exclusive hard link (`AtomicFile.create(_:exclusivelyAt:)`), so a reader
/// never sees a half-written version and two processes publishing at once get two different
/// numbers, with no lock to go stale. An optional `vN.metrics.json` beside a version holds
/// figures measured when it was published (for example a retrain's backtest).
public struct ModelRegistry: Sendable {
  /// The registry used when none is given: `Models/` of the current directory.
  public static let defaultRoot = "Models"

  /// The registry folder.
  public var root: String

  public init(root: String = ModelRegistry.defaultRoot) {
    self.root = root
  }

  /// The folder of model `name`.
  public func folder(of name: String) -> String {
    (root as NSString).appendingPathComponent(name)
  }

  /// The file of version `version` of `name` (whether or not it exists).
  public func path(of name: String, version: Int) -> String {
    (folder(of: name) as NSString).appendingPathComponent("v\(version).json")
  }

  /// The metrics file beside a version.
  public func metricsPath(of name: String, version: Int) -> String {
    (folder(of: name) as NSString).appendingPathComponent("v\(version).metrics.json")
  }

  /// Names of the models in the registry (folders holding at least one version), sorted.
  public func names() -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return entries.filter { ModelName.isValid($0) && !versions(of: $0).isEmpty }.sorted()
  }

  /// The versions of `name`, ascending; empty when the model does not exist.
  public func versions(of name: String) -> [Int] {
    guard ModelName.isValid(name),
      let entries = try? FileManager.default.contentsOfDirectory(atPath: folder(of: name))
    else { return [] }
    return entries.compactMap(Self.version(ofFile:)).sorted()
  }

  /// `v12.json` → 12; anything else (temporaries, metrics files) → nil.
  static func version(ofFile file: String) -> Int? {
    guard file.hasPrefix("v"), file.hasSuffix(".json") else { return nil }
    let digits = file.dropFirst().dropLast(5)
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      digits.first != "0", let version = Int(digits)
    else { return nil }
    return version
  }

  /// The concrete version a reference stands for.
  /// - Throws: `RegistryError.unknownModel` / `.unknownVersion`.
  public func resolve(_ reference: ModelReference) throws(RegistryError) -> Int {
    let available = versions(of: reference.name)
    guard let latest = available.last else {
      throw .unknownModel(name: reference.name, registry: root)
    }
    guard let wanted = reference.version else { return latest }
    guard available.contains(wanted) else {
      throw .unknownVersion(name: reference.name, version: wanted, available: available)
    }
    return wanted
  }

  /// Reads the model a reference stands for.
  /// - Throws: `RegistryError` for an unknown name or version; `ModelFile`'s errors for a
  ///   damaged file.
  public func read(_ reference: ModelReference) throws -> StoredModel {
    let version = try resolve(reference)
    let path = path(of: reference.name, version: version)
    let model = try ModelFile.read(path: path)
    return StoredModel(
      name: reference.name, version: version, path: path, model: model,
      metrics: try readMetrics(of: reference.name, version: version))
  }

  /// The metrics stored beside a version, or nil when there are none.
  public func readMetrics(of name: String, version: Int) throws -> [String: Double]? {
    let path = metricsPath(of: name, version: version)
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    do {
      return try JSONDecoder().decode([String: Double].self, from: data)
    } catch {
      throw DataError(file: path, "not a metrics file (a JSON object of numbers)")
    }
  }

  /// Stores `model` as the next version of `name` and returns that version.
  ///
  /// Safe against concurrent publishers (other threads or processes): each candidate number is
  /// claimed by an exclusive link, and a number taken in the meantime is skipped. `metrics`,
  /// when given, is written beside the version afterwards (atomically); a reader may briefly
  /// see the version without it.
  /// - Throws: `RegistryError.invalidName` / `.notWritable`; `AtomicFileError` when the file
  ///   cannot be written.
  @discardableResult
  public func publish(_ model: FittedModel, as name: String, metrics: [String: Double]? = nil)
    throws -> Int
  {
    try ModelName.validate(name)
    return try publish(encoded: try ModelFile.encode(model), as: name, metrics: metrics)
  }

  /// Stores a model file already encoded by `ModelFile.encode` as the next version of `name`,
  /// as `publish(_:as:metrics:)` does: the file I/O alone, so that a batch can encode on its
  /// workers and leave the waits for the disk to one I/O lane (`SeriesBatch`).
  /// - Throws: as `publish(_:as:metrics:)`.
  @discardableResult
  public func publish(encoded data: Data, as name: String, metrics: [String: Double]? = nil)
    throws -> Int
  {
    try ModelName.validate(name)
    let folder = folder(of: name)
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw RegistryError.notWritable(path: folder, reason: "cannot create the folder")
    }
    var candidate = (versions(of: name).last ?? 0) + 1
    while !(try AtomicFile.create(data, exclusivelyAt: path(of: name, version: candidate))) {
      // Another publisher took this number: jump past everything that exists now.
      candidate = max(candidate + 1, (versions(of: name).last ?? 0) + 1)
    }
    if let metrics {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      try AtomicFile.write(
        try encoder.encode(metrics), to: metricsPath(of: name, version: candidate))
    }
    return candidate
  }
}

/// One version of a model read from a registry.
public struct StoredModel: Sendable {
  public var name: String
  public var version: Int
  public var path: String
  public var model: FittedModel
  public var metrics: [String: Double]?

  /// `NAME@vN`.
  public var label: String { "\(name)@v\(version)" }
}
