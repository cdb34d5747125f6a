import ArgumentParser
import ModelRegistry
import TimeSeries

/// `surgecast models list`: every model with its versions.
public struct ModelsListCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the models of the registry with their versions.",
    discussion: """
      One row per model: its name, versions, the latest version's series and training window.

      Examples:
        surgecast models list
        surgecast models list --registry /srv/models --format json
      """)

  @OptionGroup(title: "Registry") public var registry: RegistryOptions
  @OptionGroup(title: "Output") public var output: OutputOptions

  public init() {}

  struct Entry: Encodable {
    var name: String
    var versions: [Int]
    var latest: ModelDescription
  }

  public func run() async throws {
    let registry = registry.registry
    let entries = try registry.names().map { name in
      let stored = try registry.read(ModelReference(name: name))
      return Entry(
        name: name, versions: registry.versions(of: name), latest: ModelDescription(stored))
    }
    switch output.format {
    case .json: try output.emit(try JSONOutput.encode(entries))
    case .text:
      guard !entries.isEmpty else {
        try output.emit("no models in \(registry.root)")
        return
      }
      var table = TextTable([
        ("model", .left), ("versions", .right), ("latest", .left), ("series", .left),
        ("trained from", .left), ("to", .left),
      ])
      for entry in entries {
        table.append([
          entry.name, "\(entry.versions.count)", "v\(entry.latest.version)",
          entry.latest.training.series, entry.latest.training.start, entry.latest.training.end,
        ])
      }
      try output.emit(table.rendered())
    }
  }
}
