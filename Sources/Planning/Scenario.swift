import TimeSeries

/// One what-if alternative: the promotions (and holidays) a planner considers running.
public struct Scenario: Sendable, Equatable {
  /// The scenario's name (the events file's `scenario` column, or `scenario` when absent).
  public var name: String
  /// Planned events, sorted by start then name.
  public var events: [Event]

  public init(name: String, events: [Event]) {
    self.name = name
    self.events = events.sorted { ($0.start, $0.name) < ($1.start, $1.name) }
  }

  /// The name of the forecast without planned events, which every plan lists first.
  public static let baselineName = "baseline"
  /// The name given to the single scenario of a file without a `scenario` column.
  public static let defaultName = "scenario"
}

extension Scenario {
  /// Groups an events file's records into scenarios.
  ///
  /// Rows with a `scenario` value belong to that scenario; rows without one are common to every
  /// scenario (e.g. a holiday all alternatives share). A file without any `scenario` value is a
  /// single scenario named `scenario`. Scenarios keep the order of their first row in the file.
  ///
  /// - Throws: `PlanningError` (with the file and line) for a scenario named `baseline`, and for
  ///   incidents or outages, which are not planned.
  public static func group(_ records: [EventRecord], file: String) throws -> [Scenario] {
    for record in records {
      if record.scenario == baselineName {
        throw PlanningError.invalidEvent(
          file: file, line: record.line, field: "scenario",
          "'\(baselineName)' is reserved for the forecast without planned events; "
            + "rename this scenario")
      }
      if record.event.kind != .promotion && record.event.kind != .holiday {
        throw PlanningError.invalidEvent(
          file: file, line: record.line, field: "kind",
          "a scenario plans promotions or holidays, not \(record.event.kind.rawValue)s")
      }
    }
    let common = records.filter { $0.scenario == nil }.map(\.event)
    var names: [String] = []
    for record in records.sorted(by: { $0.line < $1.line }) {
      if let name = record.scenario, !names.contains(name) { names.append(name) }
    }
    guard !names.isEmpty else { return [Scenario(name: defaultName, events: common)] }
    return names.map { name in
      Scenario(
        name: name, events: common + records.filter { $0.scenario == name }.map(\.event))
    }
  }
}
