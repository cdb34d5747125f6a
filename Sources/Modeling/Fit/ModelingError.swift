/// Why a series cannot be modelled: user-facing, one line each.
public enum ModelingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Too few observed slots for the simplest model.
  case tooShort(series: String, observed: Int, required: Int)
  /// Every value is missing or inside an outage.
  case noObservations(series: String)
  /// A planned event names a promotion the model never saw, without an explicit lift.
  case unknownEvent(name: String, kind: String, known: [String])
  /// The model file was written by an incompatible schema version.
  case unsupportedSchema(found: Int, supported: Int)
  /// A forecast needs newer data than the model's training window, or data on another grid.
  case incompatibleData(String)
  /// The linear algebra failed on a design that should be well posed (an internal error).
  case numerical(String)

  public var description: String {
    switch self {
    case .tooShort(let series, let observed, let required):
      return "series '\(series)' has \(observed) observed slots; at least \(required) needed"
    case .noObservations(let series):
      return "series '\(series)' has no observed values outside outages"
    case .unknownEvent(let name, let kind, let known):
      let list = known.isEmpty ? "none" : known.joined(separator: ", ")
      return "the model has never seen the \(kind) '\(name)' (known: \(list)); "
        + "give it a 'lift' column with the expected multiplier to forecast it anyway"
    case .unsupportedSchema(let found, let supported):
      return "model file has schema version \(found); this surgecast reads version "
        + "\(supported) — refit the model with this version"
    case .incompatibleData(let reason):
      return reason
    case .numerical(let reason):
      return "numerical failure: \(reason)"
    }
  }
}
