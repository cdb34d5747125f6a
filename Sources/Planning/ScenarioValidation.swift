import TimeSeries

extension Scenario {
  /// Refuses scenario rows the model cannot forecast: names it never learned (unless the row
  /// gives a `lift`), and events entirely outside the forecast window `[start, end)`, which
  /// would silently change nothing.
  public static func validate(
    _ records: [EventRecord], file: String, knownNames: [String], window: Range<Int64>
  ) throws {
    let known = Set(knownNames)
    for record in records {
      let event = record.event
      if !known.contains(event.name), event.lift == nil {
        throw PlanningError.unknownEvent(
          file: file, line: record.line, name: event.name, known: knownNames)
      }
      if event.end <= window.lowerBound || event.start >= window.upperBound {
        throw PlanningError.invalidEvent(
          file: file, line: record.line, field: "start",
          "'\(event.name)' does not overlap the forecast window; extend --horizon or move it")
      }
    }
  }
}
