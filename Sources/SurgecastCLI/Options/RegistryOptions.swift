import ArgumentParser
import ModelRegistry

/// `--registry DIR`: the folder of versioned models (default `Models/`).
public struct RegistryOptions: ParsableArguments {
  @Option(
    name: .customLong("registry"),
    help: ArgumentHelp(
      "Model registry folder (versioned models, NAME/vN.json).", valueName: "dir"))
  public var root: String = ModelRegistry.defaultRoot

  public init() {}

  public var registry: ModelRegistry { ModelRegistry(root: root) }
}
