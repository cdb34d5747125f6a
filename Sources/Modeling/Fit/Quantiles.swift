/// Empirical quantiles (type 7, linear interpolation between order statistics, as R's default
/// and numpy's `linear`).
public enum Quantiles {
  /// The median, by selection in expected O(n) rather than a sort: robust fitting takes the
  /// median absolute residual of every row several times per fit.
  public static func median(_ values: [Double]) -> Double {
    var work = values
    return medianInPlace(&work)
  }

  /// The median of `values`, reordering them (no copy).
  static func medianInPlace(_ work: inout [Double]) -> Double {
    guard !work.isEmpty else { return .nan }
    let upper = work.count / 2
    let high = select(&work, upper)
    guard work.count % 2 == 0 else { return high }
    // After selection every element before `upper` is ≤ the upper middle one.
    var low = -Double.infinity
    for i in 0..<upper where work[i] > low { low = work[i] }
    return low + 0.5 * (high - low)
  }

  /// The `p`-quantile of already sorted values.
  public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first, let last = sorted.last else { return .nan }
    if sorted.count == 1 || p <= 0 { return first }
    if p >= 1 { return last }
    let h = Double(sorted.count - 1) * p
    let i = Int(h)
    let fraction = h - Double(i)
    return sorted[i] + fraction * (sorted[min(i + 1, sorted.count - 1)] - sorted[i])
  }

  /// Rearranges `a` so that `a[k]` is the k-th smallest, smaller ones before it and larger
  /// ones after (quickselect with a median-of-three pivot). Falls back to a sort when the
  /// partitions keep coming out lopsided, so the worst case stays O(n log n).
  static func select(_ array: inout [Double], _ k: Int) -> Double {
    // Through the buffer: the array's subscript and `swapAt` check bounds and uniqueness on
    // every access, which cost more than the comparisons (robust fits take many medians).
    array.withUnsafeMutableBufferPointer { select($0, k) }
  }

  /// Selection by three-way partitions without data-dependent branches.
  ///
  /// Why: residuals are in random order, so a partition's `if x < pivot` is mispredicted about
  /// every other element; robust fitting takes a dozen medians of every row per fit, and
  /// they were a tenth of a many-series fit. Each pass here moves every element
  /// unconditionally and advances the boundary by the comparison's 0 or 1 (Lomuto's scheme,
  /// written branch-free). When no element is below the pivot, a second pass gathers the
  /// elements equal to it, so ties cannot stall the search.
  private static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
    var (lo, hi) = (0, a.count)  // the k-th smallest lies in a[lo..<hi]
    var budget = 2 * (Int.bitWidth - a.count.leadingZeroBitCount) + 8
    while hi - lo > 1 {
      budget -= 1
      if budget < 0 {
        var slice = UnsafeMutableBufferPointer(rebasing: a[lo..<hi])
        slice.sort()
        return a[k]
      }
      let pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi - 1])
      let less = partition(a, lo..<hi) { $0 < pivot }
      if k < less {
        hi = less
      } else if less > lo {
        lo = less
      } else {
        // Nothing below the pivot: split off the elements equal to it, so ties still shrink
        // the range (this pass runs only then).
        let notGreater = partition(a, less..<hi) { $0 <= pivot }
        if k < notGreater { return pivot }
        lo = notGreater
      }
    }
    return a[k]
  }

  /// Moves the elements of `range` for which `isLeft` holds to its front, in one pass without
  /// branches on the data; returns the end of that front part.
  @inline(__always)
  private static func partition(
    _ a: UnsafeMutableBufferPointer<Double>, _ range: Range<Int>, _ isLeft: (Double) -> Bool
  ) -> Int {
    var boundary = range.lowerBound
    for j in range {
      let x = a[j]
      a[j] = a[boundary]
      a[boundary] = x
      // A Bool's byte is 0 or 1: adding it keeps the loop free of a branch on the data (a
      // conditional `? 1 : 0` compiles to a jump).
      boundary &+= Int(unsafeBitCast(isLeft(x), to: UInt8.self))
    }
    return boundary
  }

  @inline(__always)
  private static func medianOfThree(_ x: Double, _ y: Double, _ z: Double) -> Double {
    max(min(x, y), min(max(x, y), z))
  }
}
