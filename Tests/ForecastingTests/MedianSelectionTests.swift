import Testing
import TestSupport

@testable import Modeling

/// The medians robust fitting takes: exact order statistics whichever selection runs.
@Suite("Median selection")
struct MedianSelectionTests {
  /// The median by sorting, the definition.
  static func sortedMedian(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let n = sorted.count
    return n % 2 == 1 ? sorted[n / 2] : sorted[n / 2 - 1] + 0.5 * (sorted[n / 2] - sorted[n / 2 - 1])
  }

  @Test("the median equals the sorted middle for small and large, even and odd counts")
  func medianEqualsSortedMiddle() {
    var rng = SplitMix64(seed: 61)
    for count in [1, 2, 3, 10, 2_047, 2_048, 2_049, 8_760, 8_761, 40_000] {
      // Symmetric, heavy right tail (like |residuals| of a surge), and coarse ties.
      let shapes: [() -> Double] = [
        { rng.normal() },
        { let z = rng.normal(); return z * z * z * z },
        { Double(Int(rng.uniform() * 5)) },
      ]
      for shape in shapes {
        var values = (0..<count).map { _ in shape() }
        let expected = Self.sortedMedian(values)
        #expect(Quantiles.medianInPlace(&values) == expected)
      }
    }
    // All equal, and already sorted either way: no progress is lost to ties or order.
    var constant = [Double](repeating: 3, count: 5_000)
    #expect(Quantiles.medianInPlace(&constant) == 3)
    var ascending = (0..<9_001).map(Double.init)
    #expect(Quantiles.medianInPlace(&ascending) == 4_500)
    var descending = (0..<9_000).reversed().map(Double.init)
    #expect(Quantiles.medianInPlace(&descending) == 4_499.5)
  }

  @Test("selection leaves smaller elements before the k-th and larger ones after")
  func selectionPartitions() {
    var rng = SplitMix64(seed: 63)
    for k in [0, 1, 500, 2_999, 3_000, 5_999] {
      var values = (0..<6_000).map { _ in Double(Int(rng.normal() * 40)) }
      let sorted = values.sorted()
      let kth = Quantiles.select(&values, k)
      #expect(kth == sorted[k])
      #expect(values[k] == kth)
      #expect(values[..<k].allSatisfy { $0 <= kth } && values[(k + 1)...].allSatisfy { $0 >= kth })
    }
  }
}
