/// Mistakes in a scenario that the planner refuses, with where they are.
public enum PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A scenario row that cannot be planned (file, line, field, what is wrong).
  case invalidEvent(file: String, line: Int, field: String, String)
  /// A planned promotion or holiday of a name the model never learned, without a `lift`.
  case unknownEvent(file: String, line: Int, name: String, known: [String])

  public var description: String {
    switch self {
    case .invalidEvent(let file, let line, let field, let message):
      return "\(file):\(line): field '\(field)': \(message)"
    case .unknownEvent(let file, let line, let name, let known):
      let list = known.isEmpty ? "none" : known.joined(separator: ", ")
      return "\(file):\(line): field 'name': the model has never seen '\(name)' (known: "
        + "\(list)); give a 'lift' column (e.g. 1.8 for +80%) to plan an event it has not seen"
    }
  }
}
