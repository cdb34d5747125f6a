import ArgumentParser
import Foundation
import LinearAlgebra

/// Entry point of the `surgecast` executable, kept in a library so that tests can drive it.
///
/// Parses the command line, runs the chosen command, and turns every failure into one line on
/// stderr (`surgecast: error: <file>:<line>: field 'x': …`) and a documented exit status
/// (`SurgecastExitCode`). Help and version requests print to stdout and exit 0.
public enum SurgecastMain {
  /// Runs `surgecast` with the process's arguments and exits with the resulting status.
  public static func run() async -> Never {
    // OpenBLAS's worker threads start when the library loads and spin until they are
    // stopped; stop them before parsing and reading, not at the first fit.
    BLASThreading.ensureSingleThreaded()
    let arguments = Array(CommandLine.arguments.dropFirst())
    ShortProcessAllocator.configure(forCommand: arguments.first)
    let status = await execute(arguments)
    exit(status)
  }

  /// Runs `surgecast` with `arguments` (without the program name) and returns the exit status
  /// instead of exiting.
  public static func execute(_ arguments: [String]) async -> Int32 {
    do {
      var command = try await SurgecastCommand.asyncParseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return SurgecastExitCode.success.rawValue
    } catch {
      return report(error)
    }
  }

  /// What a failed (or help/version) run prints and returns.
  struct Outcome: Equatable {
    var code: Int32
    /// Text for stdout (help, version), with its final newline.
    var output: String?
    /// The one-line error message for stderr, without the `surgecast: error: ` prefix.
    var errorMessage: String?
  }

  /// Prints what `error` calls for and returns the exit status.
  static func report(_ error: any Error) -> Int32 {
    let outcome = outcome(of: error)
    if let output = outcome.output { StandardStreams.writeOutput(output) }
    if let message = outcome.errorMessage { StandardStreams.reportError(message) }
    return outcome.code
  }

  /// Decides what `error` means, without printing.
  ///
  /// Our own errors say their code (`ReportableError`). Everything else goes through
  /// argument-parser, which recognises its help and version requests (exit 0, text on stdout)
  /// and usage errors, including `ValidationError`s thrown by `validate()` (exit 64). What is
  /// left is an error type nobody mapped: a bug, reported as an internal error (exit 70).
  static func outcome(of error: any Error) -> Outcome {
    if let reportable = error as? any ReportableError {
      return Outcome(
        code: reportable.exitCode.rawValue, errorMessage: reportable.oneLineMessage)
    }
    if let exitCode = error as? ExitCode { return Outcome(code: exitCode.rawValue) }
    let code = SurgecastCommand.exitCode(for: error)
    if code == .success {
      let text = SurgecastCommand.fullMessage(for: error).trimmingTrailingNewlines
      return Outcome(code: SurgecastExitCode.success.rawValue, output: text + "\n")
    }
    if code == .validationFailure {
      return Outcome(
        code: SurgecastExitCode.usage.rawValue, errorMessage: usageMessage(for: error))
    }
    let internalError = InternalError("unexpected \(type(of: error)): \(error)")
    return Outcome(
      code: internalError.exitCode.rawValue, errorMessage: internalError.oneLineMessage)
  }

  /// The parser's brief message plus its "See 'surgecast inspect --help'" hint, on one line.
  private static func usageMessage(for error: any Error) -> String {
    var message = SurgecastCommand.message(for: error).singleLine
    let full = SurgecastCommand.fullMessage(for: error, columns: 10_000)
    if let hint = full.split(whereSeparator: \.isNewline).last(where: { $0.contains("See '") }) {
      let trimmed = hint.trimmingCharacters(in: .whitespaces)
        .replacingOccurrences(of: " for more information.", with: "")
      if !message.hasSuffix(".") && !message.hasSuffix("?") { message += "." }
      message += " \(trimmed)."
    }
    return message
  }
}

extension String {
  /// The text without newlines at its end.
  var trimmingTrailingNewlines: String {
    var text = Substring(self)
    while text.last?.isNewline == true { text = text.dropLast() }
    return String(text)
  }
}
