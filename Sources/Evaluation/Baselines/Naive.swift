/// The naive forecast: every step repeats the last observed value, ŷ_{n+h} = y_n.
///
/// The optimal forecast for a random walk, and M4's "Naive 1" benchmark.
public struct Naive: BaselineForecaster, Codable, Hashable {
  public init() {}

  /// - Throws: ``EvaluationError/historyTooShort(required:actual:)`` for an empty history.
  /// - Complexity: O(horizon).
  public func forecast(_ history: [Double], horizon: Int) throws(EvaluationError) -> [Double] {
    guard horizon >= 0 else { throw .invalidHorizon(horizon) }
    guard let last = history.last else { throw .historyTooShort(required: 1, actual: 0) }
    return [Double](repeating: last, count: horizon)
  }
}
