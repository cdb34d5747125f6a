/// What to do with several rows for the same timestamp of a series.
public enum DuplicatePolicy: String, Sendable, Codable, CaseIterable {
  /// Refuse the file, naming the second row. The default: a duplicate usually means two exports
  /// were concatenated or a collector restarted, and silently picking one hides that.
  case error
  /// Add the values (for counts split across rows, e.g. per-host exports). Empty values are
  /// skipped; a slot whose rows are all empty stays missing.
  case sum
  /// Keep the row that comes last in the file (a restarted collector re-sending a window).
  case keepLast = "keep-last"
}

/// What to do when a series' timestamps go backwards.
public enum UnsortedPolicy: String, Sendable, Codable, CaseIterable {
  /// Refuse the file, naming the first row out of order. The default: an unsorted export often
  /// means a broken join or mixed-up files.
  case error
  /// Sort each series by time (stably, so `keep-last` still means last in the file).
  case sort
}

/// How to read a series CSV file; every choice that would otherwise be a guess is explicit.
public struct SeriesReadOptions: Sendable, Equatable {
  /// IANA zone for naive timestamps and for the series' calendar features. UTC by default,
  /// since a file with naive times carries no zone and UTC is the only non-guess.
  public var timeZone: String
  /// The sampling step. `nil` infers it as the most common gap between rows; required when the
  /// timestamp column is a step index (`t` = 0, 1, 2, … as in M4).
  public var step: TimeSpan?
  /// Epoch seconds of index 0 for step-index columns. `nil` means 1970-01-01T00:00Z: M4 gives
  /// no dates, so calendar features of such series are meaningless unless a start is given.
  public var start: Int64?
  public var duplicates: DuplicatePolicy
  public var unsorted: UnsortedPolicy
  /// The most slots (missing ones included) one series may have. A typo such as a year 2205
  /// among 2025 rows would otherwise allocate gigabytes of `.nan`; 50 million 8-byte slots is
  /// 400 MB, more than any real traffic history (95 years of minutely data).
  public var maxSlots: Int
  /// Name for a file without a `series` column; `nil` uses the file's stem.
  public var seriesName: String?

  public init(
    timeZone: String = "UTC", step: TimeSpan? = nil, start: Int64? = nil,
    duplicates: DuplicatePolicy = .error, unsorted: UnsortedPolicy = .error,
    maxSlots: Int = 50_000_000, seriesName: String? = nil
  ) {
    self.timeZone = timeZone
    self.step = step
    self.start = start
    self.duplicates = duplicates
    self.unsorted = unsorted
    self.maxSlots = maxSlots
    self.seriesName = seriesName
  }
}

/// What reading one series found, for `surgecast inspect` and for logs.
public struct IngestionStats: Sendable, Equatable, Codable {
  public var name: String
  /// Data rows of this series in the file.
  public var rowsRead: Int
  /// Rows folded into another row with the same timestamp (by `sum` or `keep-last`).
  public var duplicatesMerged: Int
  /// Rows that were out of order and were sorted (0 unless `unsorted` is `.sort`).
  public var rowsOutOfOrder: Int
  /// The step in seconds.
  public var step: Int64
  /// Whether `step` came from the options rather than from the data.
  public var stepWasGiven: Bool
  /// Runs of consecutive slots with no row at all.
  public var gapCount: Int
  /// Slots with no row, summed over all gaps.
  public var gapSlots: Int
  /// Rows present but with an empty value.
  public var emptyValues: Int
  /// All `.nan` slots of the series: `gapSlots + emptyValues` (after merging duplicates).
  public var missingSlots: Int
  /// Total slots, missing ones included.
  public var slots: Int
  /// Epoch seconds of the first and last row.
  public var first: Int64
  public var last: Int64
}

/// The series of one file, in order of first appearance, with their stats (same order).
public struct IngestionResult: Sendable, Equatable {
  public var series: [Series]
  public var stats: [IngestionStats]

  /// Public so that series read from elsewhere (Prometheus) can be reported like a file's.
  public init(series: [Series], stats: [IngestionStats]) {
    self.series = series
    self.stats = stats
  }
}
