import ArgumentParser
import ModelRegistry
import Modeling

/// `surgecast models add NAME --file FILE`: store an existing model file as the next version.
public struct ModelsAddCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Store a model file (from 'fit --out') as the next version of NAME.",
    discussion: """
      The file is checked like any model before it is stored; the version number is taken \
      atomically, so concurrent adds and fits never share a number.

      Examples:
        surgecast models add web --file out/web.json
      """)

  @Argument(help: ArgumentHelp("Model name.", valueName: "name"))
  public var name: String

  @Option(help: ArgumentHelp("Model file to store.", valueName: "file"))
  public var file: String

  @OptionGroup(title: "Registry") public var registry: RegistryOptions

  public init() {}

  public func validate() throws {
    guard ModelName.isValid(name) else {
      throw ValidationError("\(RegistryError.invalidName(name))")
    }
  }

  public func run() async throws {
    try InputFile.requireReadable(file)
    let model = try ModelFile.read(path: file)
    let registry = registry.registry
    let version = try registry.publish(model, as: name)
    StandardStreams.writeOutput("\(name)@v\(version) \(registry.path(of: name, version: version))\n")
  }
}
