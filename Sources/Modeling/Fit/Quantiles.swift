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
  /// ones after (Hoare's selection with a median-of-three pivot). Falls back to a sort when
  /// the partitions keep coming out lopsided, so the worst case stays O(n log n).
  static func select(_ array: inout [Double], _ k: Int) -> Double {
    // Through the buffer: the array's subscript and `swapAt` check bounds and uniqueness on
    // every access, which cost more than the comparisons (robust fits take many medians).
    array.withUnsafeMutableBufferPointer { select($0, k) }
  }

  private static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
    var (lo, hi) = (0, a.count - 1)
    var budget = 2 * (Int.bitWidth - a.count.leadingZeroBitCount) + 8
    while lo < hi {
      budget -= 1
      if budget < 0 {
        var slice = UnsafeMutableBufferPointer(rebasing: a[lo...hi])
        slice.sort()
        return a[k]
      }
      let mid = lo + (hi - lo) / 2
      if a[mid] < a[lo] { a.swapAt(mid, lo) }
      if a[hi] < a[lo] { a.swapAt(hi, lo) }
      if a[hi] < a[mid] { a.swapAt(hi, mid) }
      let pivot = a[mid]
      var (i, j) = (lo, hi)
      while i <= j {
        while a[i] < pivot { i += 1 }
        while pivot < a[j] { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        hi = j
      } else if k >= i {
        lo = i
      } else {
        return a[k]
      }
    }
    return a[k]
  }
}
