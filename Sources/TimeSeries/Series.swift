/// A regularly sampled series of request counts.
///
/// Slot `i` covers `[start + i·step, start + (i+1)·step)` in absolute time (Unix epoch seconds,
/// UTC). Missing slots hold `.nan`: gaps in the input become explicit missing values and are
/// never interpolated. Local-time features (hour of day, kind of day) are derived from the
/// absolute time with `timeZone`, so that DST days keep their true length.
public struct Series: Sendable, Equatable {
  /// The series' name: the value of the `series` column, or the file's stem for single-series
  /// files.
  public var name: String
  /// Epoch seconds of the first slot. It may sit at any phase (e.g. :04:53 for 5-minute data).
  public var start: Int64
  /// Sampling step in seconds (> 0).
  public var step: Int64
  /// One value per slot; `.nan` marks a missing slot.
  public var values: [Double]
  /// IANA time-zone identifier whose wall clock drives calendar features.
  public var timeZone: String

  public init(name: String, start: Int64, step: Int64, values: [Double], timeZone: String = "UTC") {
    self.name = name
    self.start = start
    self.step = step
    self.values = values
    self.timeZone = timeZone
  }

  /// Number of slots, missing ones included.
  public var count: Int { values.count }

  /// Epoch seconds of slot `index`.
  @inlinable public func time(at index: Int) -> Int64 { start + Int64(index) * step }

  /// Epoch seconds just after the last slot (exclusive end of the covered span).
  public var end: Int64 { time(at: values.count) }

  /// Number of missing slots.
  public var missingCount: Int { values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }
}
