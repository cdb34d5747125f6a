/// `NAME`, `NAME@3`, `NAME@v3` or `NAME@latest`: a model in a registry, at a version or at
/// its newest one.
public struct ModelReference: Sendable, Equatable, CustomStringConvertible {
  public var name: String
  /// `nil` = the latest version.
  public var version: Int?

  public init(name: String, version: Int? = nil) {
    self.name = name
    self.version = version
  }

  /// Parses the text form.
  /// - Throws: `RegistryError.invalidName` / `.invalidReference`.
  public init(parsing text: String) throws(RegistryError) {
    let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    try ModelName.validate(name)
    self.name = name
    guard parts.count == 2 else { return }
    var versionText = Substring(parts[1])
    if versionText == "latest" { return }
    if versionText.first == "v" { versionText = versionText.dropFirst() }
    guard let version = Int(versionText), version > 0, versionText.allSatisfy(\.isASCII) else {
      throw .invalidReference(text)
    }
    self.version = version
  }

  public var description: String { version.map { "\(name)@v\($0)" } ?? name }
}
