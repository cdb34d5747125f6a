import ArgumentParser

/// Output format and destination, shared by every command that prints a result.
public struct OutputOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Output format.", valueName: "format"))
  public var format: OutputFormat = .text

  @Option(
    name: .customLong("out"),
    help: ArgumentHelp(
      "Write the result to this file (atomically: readers never see a partial file) "
        + "instead of standard output.",
      valueName: "file"))
  public var outputFile: String?

  public init() {}

  /// Writes `text` to `--out` or, without it, to standard output.
  /// - Throws: `CommandError.outputNotWritable` (exit 73) when the file cannot be written.
  public func emit(_ text: String) throws {
    let body = text.hasSuffix("\n") ? text : text + "\n"
    guard let outputFile else {
      StandardStreams.writeOutput(body)
      return
    }
    try OutputFile.write(body, to: outputFile)
  }
}
