import ArgumentParser
import ModelRegistry

/// `surgecast models show NAME[@VERSION]`.
public struct ModelsShowCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one version: spec, training window, fit figures, fingerprint.",
    discussion: """
      Examples:
        surgecast models show traffic-1h
        surgecast models show traffic-1h@v1 --format json
      """)

  @Argument(help: ArgumentHelp("NAME or NAME@VERSION.", valueName: "model"))
  public var model: String

  @OptionGroup(title: "Registry") public var registry: RegistryOptions
  @OptionGroup(title: "Output") public var output: OutputOptions

  public init() {}

  public func run() async throws {
    let stored = try registry.registry.read(ModelReference(parsing: model))
    let description = ModelDescription(stored)
    switch output.format {
    case .json: try output.emit(try JSONOutput.encode(description))
    case .text: try output.emit(try ModelsText.show(description))
    }
  }
}
