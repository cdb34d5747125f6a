import Testing

@testable import SurgecastCLI

/// `--help` of every command against reviewed golden files (80 columns).
@Suite("help text snapshots")
struct HelpSnapshotTests {
  /// Every registered subcommand, so a new command gets a snapshot test automatically.
  static let subcommands: [String] = SurgecastCommand.configuration.subcommands.map {
    $0._commandName
  }

  @Test func rootHelp() throws {
    let result = try SurgecastBinary.run(["--help"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    try Snapshot.expectMatches(result.stdout, named: "help-surgecast.txt")
  }

  @Test(arguments: subcommands)
  func subcommandHelp(_ name: String) throws {
    let result = try SurgecastBinary.run([name, "--help"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    try Snapshot.expectMatches(result.stdout, named: "help-\(name).txt")
  }

  /// Every command's help shows at least one real invocation.
  @Test(arguments: subcommands)
  func helpShowsAnExample(_ name: String) throws {
    let result = try SurgecastBinary.run([name, "--help"])
    #expect(result.stdout.contains("surgecast \(name) "), "no example in '\(name) --help'")
  }

  /// `surgecast help inspect` is the same as `surgecast inspect --help`.
  @Test func helpSubcommandMatchesFlag() throws {
    let viaFlag = try SurgecastBinary.run(["inspect", "--help"])
    let viaCommand = try SurgecastBinary.run(["help", "inspect"])
    #expect(viaCommand.status == 0)
    #expect(viaCommand.stdout == viaFlag.stdout)
  }

  @Test func versionPrintsTheVersion() throws {
    let result = try SurgecastBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == SurgecastCommand.version + "\n")
  }
}
