/// The range of a quantity over past occurrences: smallest, median and largest.
public struct Spread: Sendable, Equatable {
  public var count: Int
  public var min: Double
  public var median: Double
  public var max: Double

  /// The spread of `values`, or `nil` when there are none.
  public init?(_ values: [Double]) {
    let sorted = values.filter(\.isFinite).sorted()
    guard let low = sorted.first, let high = sorted.last else { return nil }
    let middle = sorted.count / 2
    count = sorted.count
    min = low
    max = high
    median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
