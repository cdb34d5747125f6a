/// A problem with user-supplied data, reported as one line naming file, line and field.
///
/// These are user mistakes (exit code 65 in the CLI), distinct from internal invariant failures.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file the problem is in, as the user named it.
  public var file: String
  /// 1-based line number, or `nil` when the problem concerns the whole file.
  public var line: Int?
  /// The column (field) involved, if any.
  public var field: String?
  /// What is wrong, and where useful what to do about it.
  public var message: String

  public init(file: String, line: Int? = nil, field: String? = nil, _ message: String) {
    self.file = file
    self.line = line
    self.field = field
    self.message = message
  }

  /// `file:line: field 'x': message`, on one line.
  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    text += ": "
    if let field { text += "field '\(field)': " }
    return text + Self.clipped(message)
      .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
  }

  /// Messages quote the user's text, and a hostile file (one line of 100 MB) must not become a
  /// 100 MB message: longer ones keep their first `maximumMessageLength` characters.
  public static let maximumMessageLength = 300

  static func clipped(_ message: String) -> String {
    guard message.utf8.count > maximumMessageLength else { return message }
    return String(message.prefix(maximumMessageLength))
      + "… (\(message.utf8.count) bytes in all)"
  }
}
