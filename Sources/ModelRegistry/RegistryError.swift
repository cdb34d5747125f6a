/// What can go wrong when naming, finding or storing a model in a registry.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A model name outside the allowed alphabet (letters, digits, `.`, `_`, `-`).
  case invalidName(String)
  /// `NAME@VERSION` whose version is not `N`, `vN` or `latest`.
  case invalidReference(String)
  /// No model of that name in the registry.
  case unknownModel(name: String, registry: String)
  /// The model exists but not in that version.
  case unknownVersion(name: String, version: Int, available: [Int])
  /// The registry folder (or a model's folder in it) cannot be created or written.
  case notWritable(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidName(let name):
      return "'\(name)' is not a valid model name (use letters, digits, '.', '_' and '-', "
        + "not starting with '.' or '-')"
    case .invalidReference(let text):
      return "'\(text)' is not a model reference (NAME, NAME@3, NAME@v3 or NAME@latest)"
    case .unknownModel(let name, let registry):
      return "no model named '\(name)' in the registry \(registry)"
    case .unknownVersion(let name, let version, let available):
      let list = available.map { "v\($0)" }.joined(separator: ", ")
      return "model '\(name)' has no version v\(version) (it has \(list))"
    case .notWritable(let path, let reason):
      return "\(path): cannot write: \(reason)"
    }
  }
}
