import ArgumentParser
import ModelRegistry

/// What `forecast --model` names: one model (a file, or a registry `NAME[@VERSION]`) or a
/// group of registry models forecast together.
///
/// A group is either a glob over registry names (`'web.api-*'`, `*` and `?` as in `--series`)
/// or a bare NAME that has no version of its own but `NAME.*` models — what
/// `fit --name NAME` stores for a file with several series.
enum ModelSelection: Equatable {
  case file(String)
  case one(ModelReference)
  /// Registry names, sorted (the order of the combined output).
  case group([String])

  static func resolve(_ text: String, registry: ModelRegistry) throws -> ModelSelection {
    if ModelLoading.isPath(text) { return .file(text) }
    if text.contains("*") || text.contains("?") {
      let pattern = text.hasSuffix("@latest") ? String(text.dropLast("@latest".count)) : text
      guard !pattern.contains("@") else {
        throw ValidationError(
          "--model: a pattern takes the latest version of each model it matches; drop '@…'")
      }
      let names = registry.names().filter { SeriesSelection.matches($0, pattern: pattern) }
      guard !names.isEmpty else {
        throw RegistryError.unknownModel(name: pattern, registry: registry.root)
      }
      return .group(names)
    }
    let reference = try ModelReference(parsing: text)
    if !registry.versions(of: reference.name).isEmpty { return .one(reference) }
    let members = registry.names().filter { $0.hasPrefix(reference.name + ".") }
    // Neither a model nor a group: reading it reports the unknown model.
    guard !members.isEmpty else { return .one(reference) }
    guard reference.version == nil else {
      throw ValidationError(
        "--model: '\(reference.name)' is a group of \(members.count) models "
          + "(\(reference.name).*); it takes the latest version of each, drop '@…'")
    }
    return .group(members)
  }
}
