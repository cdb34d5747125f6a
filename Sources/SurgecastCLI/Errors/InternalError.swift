/// An internal invariant that failed: a bug in Surgecast, never a user mistake (exit 70).
///
/// Kept apart from user-facing errors so that a message never blames the user for a bug, and
/// so that tests can assert that no user input ever produces one. It records the source
/// location where the invariant was checked, to make bug reports actionable.
public struct InternalError: ReportableError, Sendable, Equatable, CustomStringConvertible {
  /// What invariant failed.
  public var message: String
  /// Source file of the check.
  public var sourceFile: String
  /// Source line of the check.
  public var sourceLine: Int

  public init(_ message: String, sourceFile: String = #fileID, sourceLine: Int = #line) {
    self.message = message
    self.sourceFile = sourceFile
    self.sourceLine = sourceLine
  }

  public var exitCode: SurgecastExitCode { .internalError }

  public var description: String {
    "internal error (please report): \(message) [\(sourceFile):\(sourceLine)]"
  }
}
