import TimeSeries

/// Local wall-clock facts for each slot of a regular grid.
///
/// Time steps come from absolute time; hour-of-day and kind-of-day come from the local wall
/// clock (see DOMAIN.md: a DST day has 23 or 25 hours, and its slots must still land on the
/// right local hour).
public struct LocalTimeline: Sendable {
  /// Local wall-clock seconds since 1970-01-01T00:00 local (epoch + UTC offset), per slot.
  public let localSeconds: [Int64]

  /// Builds the timeline for `count` slots starting at `start` every `step` seconds.
  ///
  /// - Parameter utcOffset: seconds east of UTC in force at an instant. Calls are cached per
  ///   run of equal offsets, so a DST zone costs two look-ups per transition, not one per slot.
  public init(
    start: Int64, step: Int64, count: Int, utcOffset: (Int64) -> Int
  ) {
    var seconds = [Int64](repeating: 0, count: count)
    // Offsets change a few times a year at most: probe once per local day and look up every
    // slot only in a day whose offset changed.
    let probeEvery = max(1, Int(86_400 / max(step, 1)))
    var offset = count > 0 ? utcOffset(start) : 0
    var i = 0
    while i < count {
      let blockEnd = min(count, i + probeEvery)
      let endOffset = utcOffset(start + Int64(blockEnd - 1) * step)
      for j in i..<blockEnd {
        let t = start + Int64(j) * step
        seconds[j] = t + Int64(endOffset == offset ? offset : utcOffset(t))
      }
      offset = endOffset
      i = blockEnd
    }
    localSeconds = seconds
  }

  public var count: Int { localSeconds.count }

  /// Local date of slot `i`, as days since 1970-01-01.
  @inlinable public func localDay(_ i: Int) -> Int {
    Int(floorDiv(localSeconds[i], 86_400))
  }

  /// Seconds since local midnight of slot `i`.
  @inlinable public func secondOfDay(_ i: Int) -> Int {
    Int(localSeconds[i] - floorDiv(localSeconds[i], 86_400) * 86_400)
  }
}

/// Floor division for possibly negative numerators.
@inlinable func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
  let q = a / b
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
