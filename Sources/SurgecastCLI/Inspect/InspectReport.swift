import TimeSeries

/// The result of `surgecast inspect`: one summary per series, totals, and the events check.
///
/// Encoded as JSON with sorted keys by `InspectCommand`; `formatVersion` changes whenever a key
/// is renamed or removed, so scripts can tell.
public struct InspectReport: Sendable, Equatable, Encodable {
  /// Totals over all series, for the summary line.
  public struct Totals: Sendable, Equatable, Encodable {
    public var series: Int
    public var rows: Int
    public var slots: Int
    public var gaps: Int
    public var missing: Int
    /// `missing / slots` over all series, rounded to 6 decimals.
    public var missingShare: Double
    /// Earliest first row and latest last row over all series (ISO 8601), `nil` when empty.
    public var first: String?
    public var last: String?

    private enum CodingKeys: String, CodingKey {
      case series, rows, slots, gaps, missing, missingShare, first, last
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(series, forKey: .series)
      try container.encode(rows, forKey: .rows)
      try container.encode(slots, forKey: .slots)
      try container.encode(gaps, forKey: .gaps)
      try container.encode(missing, forKey: .missing)
      try container.encode(missingShare, forKey: .missingShare)
      try container.encode(first, forKey: .first)
      try container.encode(last, forKey: .last)
    }
  }

  /// Version of this JSON layout.
  public var formatVersion = 1
  /// The data file as given.
  public var data: String
  /// The IANA zone that timestamps are shown in.
  public var timezone: String
  public var series: [SeriesSummary]
  public var totals: Totals
  /// `nil` (JSON `null`) without `--events`.
  public var events: EventsSummary?

  /// Builds the report from what the reader returned.
  public init(
    dataFile: String, ingestion: IngestionResult, events: (file: String, records: [EventRecord])?,
    clock: LocalClock
  ) {
    data = dataFile
    timezone = clock.identifier
    series = zip(ingestion.series, ingestion.stats).map {
      SeriesSummary(series: $0, stats: $1, clock: clock)
    }
    let slots = series.reduce(0) { $0 + $1.slots }
    let missing = series.reduce(0) { $0 + $1.missing }
    let firstInstant = ingestion.stats.map(\.first).min()
    let lastInstant = ingestion.stats.map(\.last).max()
    totals = Totals(
      series: series.count,
      rows: series.reduce(0) { $0 + $1.rows },
      slots: slots,
      gaps: series.reduce(0) { $0 + $1.gaps },
      missing: missing,
      missingShare: slots == 0 ? 0 : SeriesSummary.rounded(Double(missing) / Double(slots)),
      first: firstInstant.map { Timestamp.format($0, clock: clock) },
      last: lastInstant.map { Timestamp.format($0, clock: clock) })
    if let events {
      let span = Self.dataSpan(ingestion.series)
      self.events = EventsSummary(
        file: events.file, records: events.records, span: span, clock: clock)
    }
  }

  /// `[earliest first slot, latest end of a last slot)` over all series.
  static func dataSpan(_ series: [Series]) -> Range<Int64>? {
    let nonEmpty = series.filter { $0.count > 0 }
    guard let start = nonEmpty.map(\.start).min(), let end = nonEmpty.map(\.end).max(),
      start < end
    else { return nil }
    return start..<end
  }

  private enum CodingKeys: String, CodingKey {
    case formatVersion, data, timezone, series, totals, events
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(formatVersion, forKey: .formatVersion)
    try container.encode(data, forKey: .data)
    try container.encode(timezone, forKey: .timezone)
    try container.encode(series, forKey: .series)
    try container.encode(totals, forKey: .totals)
    try container.encode(events, forKey: .events)
  }
}
