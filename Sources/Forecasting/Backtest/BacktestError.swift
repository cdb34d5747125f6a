/// Why a series cannot be backtested as asked, on one line.
public enum BacktestError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The series is too short for the requested windows plus a minimal training stretch.
  case tooShort(series: String, slots: Int, required: Int)

  public var description: String {
    switch self {
    case .tooShort(let series, let slots, let required):
      return "series '\(series)' has \(slots) slots; the requested windows need at least "
        + "\(required) (fewer --origins or a shorter --horizon)"
    }
  }
}
