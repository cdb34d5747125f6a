/// A sorted, immutable holiday table covering a range of years.
struct HolidayTable: Sendable {
  /// Sorted by date, then name (``Holiday``'s order).
  let holidays: [Holiday]
  let years: ClosedRange<Int>

  init(holidays: [Holiday], years: ClosedRange<Int>) {
    self.holidays = holidays.sorted()
    self.years = years
  }

  /// The holidays whose date's year is in `range`, by binary search on the sorted table.
  ///
  /// - Complexity: O(log n + k) for k results.
  func holidays(years range: ClosedRange<Int>) -> [Holiday] {
    let start = firstIndex { $0.date.year >= range.lowerBound }
    let end = firstIndex { $0.date.year > range.upperBound }
    return start < end ? Array(holidays[start..<end]) : []
  }

  /// The first index whose holiday satisfies `predicate`, which must be monotone (false…true).
  private func firstIndex(where predicate: (Holiday) -> Bool) -> Int {
    var low = 0
    var high = holidays.count
    while low < high {
      let mid = (low + high) / 2
      if predicate(holidays[mid]) { high = mid } else { low = mid + 1 }
    }
    return low
  }
}
