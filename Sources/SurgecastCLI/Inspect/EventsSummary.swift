import TimeSeries

/// What `surgecast inspect` reports about an events file: what it holds, and which events can
/// have no effect because they fall outside the data.
public struct EventsSummary: Sendable, Equatable, Encodable {
  /// One event that does not overlap the data span.
  public struct OutsideEvent: Sendable, Equatable, Encodable {
    public var name: String
    public var kind: String
    /// The line of the events file it came from.
    public var line: Int
    /// ISO 8601 in the chosen zone; `end` is exclusive.
    public var start: String
    public var end: String
  }

  /// The events file as given.
  public var file: String
  /// Number of event occurrences (rows, or Prophet rows expanded by their windows).
  public var count: Int
  /// Occurrences per kind; every kind is listed, with 0 where absent, so the schema is fixed.
  public var byKind: [String: Int]
  /// Occurrences per event name.
  public var byName: [String: Int]
  /// Occurrences that do not overlap `[first slot, end of last slot)` of any series: they can
  /// neither be learned from nor explain anything in this data.
  public var outsideDataSpan: [OutsideEvent]

  /// Summarises `events` against the data span `span` (`nil` when the data has no slots).
  public init(
    file: String, records: [EventRecord], span: Range<Int64>?, clock: LocalClock
  ) {
    self.file = file
    count = records.count
    var byKind = Dictionary(uniqueKeysWithValues: EventKind.allCases.map { ($0.rawValue, 0) })
    var byName: [String: Int] = [:]
    var outside: [OutsideEvent] = []
    for record in records {
      let event = record.event
      byKind[event.kind.rawValue, default: 0] += 1
      byName[event.name, default: 0] += 1
      let overlaps = span.map { event.start < $0.upperBound && event.end > $0.lowerBound }
      if overlaps != true {
        outside.append(
          OutsideEvent(
            name: event.name, kind: event.kind.rawValue, line: record.line,
            start: Timestamp.format(event.start, clock: clock),
            end: Timestamp.format(event.end, clock: clock)))
      }
    }
    self.byKind = byKind
    self.byName = byName
    outsideDataSpan = outside
  }
}
