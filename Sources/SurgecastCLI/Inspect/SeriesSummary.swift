import TimeSeries

/// What `surgecast inspect` reports about one series: its grid, its holes, its range.
public struct SeriesSummary: Sendable, Equatable, Encodable {
  public var name: String
  /// The step, spelled shortest (`5m`, `1h`, `1d`).
  public var step: String
  /// Whether the step was inferred from the data (`false` when `--step` gave it).
  public var stepInferred: Bool
  /// First and last row's timestamp, ISO 8601 in the chosen zone.
  public var first: String
  public var last: String
  /// Data rows of this series in the file.
  public var rows: Int
  /// Slots of the regular grid from first to last row, missing ones included.
  public var slots: Int
  /// Runs of consecutive slots with no row.
  public var gaps: Int
  /// Slots without a value (no row, or an empty value).
  public var missing: Int
  /// `missing / slots`, rounded to 6 decimals so that JSON output is stable and readable.
  public var missingShare: Double
  /// Range and mean of the present values; `nil` (JSON `null`) when every slot is missing.
  public var min: Double?
  public var mean: Double?
  public var max: Double?

  /// Summarises a series read by TimeSeries, with the reader's statistics.
  public init(series: Series, stats: IngestionStats, clock: LocalClock) {
    name = series.name
    step = TimeSpan(seconds: stats.step).map(\.description) ?? "\(stats.step)s"
    stepInferred = !stats.stepWasGiven
    first = Timestamp.format(stats.first, clock: clock)
    last = Timestamp.format(stats.last, clock: clock)
    rows = stats.rowsRead
    slots = stats.slots
    gaps = stats.gapCount
    missing = stats.missingSlots
    missingShare = slots == 0 ? 0 : Self.rounded(Double(missing) / Double(slots))
    var low = Double.infinity
    var high = -Double.infinity
    var sum = 0.0
    var present = 0
    for value in series.values where !value.isNaN {
      low = Swift.min(low, value)
      high = Swift.max(high, value)
      sum += value
      present += 1
    }
    min = present > 0 ? low : nil
    max = present > 0 ? high : nil
    mean = present > 0 ? Self.rounded(sum / Double(present)) : nil
  }

  /// Rounds to 6 decimals: enough for shares and means of counts, and free of the last-digit
  /// noise that would make golden outputs fragile.
  static func rounded(_ value: Double) -> Double {
    (value * 1e6).rounded() / 1e6
  }

  private enum CodingKeys: String, CodingKey {
    case name, step, stepInferred, first, last, rows, slots, gaps, missing, missingShare
    case min, mean, max
  }

  /// Encodes every key, `null` included, so that the JSON schema never depends on the data.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(step, forKey: .step)
    try container.encode(stepInferred, forKey: .stepInferred)
    try container.encode(first, forKey: .first)
    try container.encode(last, forKey: .last)
    try container.encode(rows, forKey: .rows)
    try container.encode(slots, forKey: .slots)
    try container.encode(gaps, forKey: .gaps)
    try container.encode(missing, forKey: .missing)
    try container.encode(missingShare, forKey: .missingShare)
    try container.encode(min, forKey: .min)
    try container.encode(mean, forKey: .mean)
    try container.encode(max, forKey: .max)
  }
}
