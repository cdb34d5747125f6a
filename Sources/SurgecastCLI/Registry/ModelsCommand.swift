import ArgumentParser

/// `surgecast models`: what is in the model registry.
public struct ModelsCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "models",
    abstract: "List, show, compare and add versioned models in the registry (Models/).",
    discussion: """
      The registry is a folder (Models/ by default, --registry DIR otherwise) with one folder \
      per model and one file per version: Models/NAME/v1.json, v2.json, … Versions are never \
      rewritten; 'fit --name' and 'retrain' add the next one. Refer to a model as NAME (its \
      latest version) or NAME@VERSION (NAME@3 or NAME@v3).

      Examples:
        surgecast models list
        surgecast models show traffic-1h@v1
        surgecast models diff traffic-1h@v1 traffic-1h@v2
        surgecast models add web --file out/web.json --registry /srv/models
      """,
    subcommands: [
      ModelsListCommand.self, ModelsShowCommand.self, ModelsDiffCommand.self,
      ModelsAddCommand.self,
    ])

  public init() {}
}
