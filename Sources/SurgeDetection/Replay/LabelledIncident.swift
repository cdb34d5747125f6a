import TimeSeries

/// A known incident a replay should detect: an unplanned surge, an attack, an outage.
public struct LabelledIncident: Sendable, Equatable, Codable {
  public var name: String
  /// Epoch seconds of the onset and of the end (exclusive).
  public var start: Int64
  public var end: Int64

  public init(name: String, start: Int64, end: Int64) {
    self.name = name
    self.start = start
    self.end = end
  }

  /// The incidents and outages of an events calendar (promotions and holidays are planned:
  /// they are part of "normal", not incidents).
  public static func from(_ events: [Event]) -> [LabelledIncident] {
    events.filter { $0.kind == .incident || $0.kind == .outage }
      .map { LabelledIncident(name: $0.name, start: $0.start, end: $0.end) }
  }
}
