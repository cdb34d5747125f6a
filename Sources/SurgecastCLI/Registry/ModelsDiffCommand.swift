import ArgumentParser
import ModelRegistry

/// `surgecast models diff A B`.
public struct ModelsDiffCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two models: training window, spec, coefficients and fit figures.",
    discussion: """
      Coefficients are matched by column label; columns on one side only are listed first, \
      then the changed ones by size of change (--top limits the text listing).

      Examples:
        surgecast models diff traffic-1h@v1 traffic-1h@v2
        surgecast models diff web@v3 web --format json
      """)

  @Argument(help: ArgumentHelp("The older model, NAME or NAME@VERSION.", valueName: "a"))
  public var old: String
  @Argument(help: ArgumentHelp("The newer model, NAME or NAME@VERSION.", valueName: "b"))
  public var new: String

  @Option(help: ArgumentHelp("Coefficient changes listed in text output.", valueName: "n"))
  public var top = 15

  @OptionGroup(title: "Registry") public var registry: RegistryOptions
  @OptionGroup(title: "Output") public var output: OutputOptions

  public init() {}

  public func validate() throws {
    guard top >= 0 else { throw ValidationError("--top must not be negative") }
  }

  public func run() async throws {
    let registry = registry.registry
    let diff = try ModelDiff(
      old: try registry.read(ModelReference(parsing: old)),
      new: try registry.read(ModelReference(parsing: new)))
    switch output.format {
    case .json: try output.emit(try JSONOutput.encode(diff))
    case .text: try output.emit(ModelsText.diff(diff, top: top))
    }
  }
}
