import TimeSeries

/// The human-readable rendering of `surgecast inspect`.
extension InspectReport {
  /// Text output: a series table (one row per series, so 414 M4 series stay readable), a
  /// summary line, then the events check.
  public var text: String {
    var out = "data: \(data) (time zone \(timezone))\n\n"
    var table = TextTable([
      ("series", .left), ("step", .left), ("first", .left), ("last", .left),
      ("rows", .right), ("slots", .right), ("gaps", .right), ("missing", .right),
      ("min", .right), ("mean", .right), ("max", .right),
    ])
    for summary in series {
      table.append([
        summary.name, summary.step + (summary.stepInferred ? "" : "*"), summary.first,
        summary.last, NumberFormatting.count(summary.rows), NumberFormatting.count(summary.slots),
        NumberFormatting.count(summary.gaps), NumberFormatting.percent(summary.missingShare),
        NumberFormatting.value(summary.min), NumberFormatting.value(summary.mean),
        NumberFormatting.value(summary.max),
      ])
    }
    out += table.rendered()
    out += "\n" + summaryLine + "\n"
    if series.contains(where: { !$0.stepInferred }) { out += "(* step given by --step)\n" }
    if let events { out += "\n" + events.text }
    return out
  }

  /// `414 series, 353,087 rows, 373,372 slots, 12 gaps, 0.51% missing, <first> to <last>`.
  var summaryLine: String {
    var line =
      "\(NumberFormatting.count(totals.series)) series, "
      + "\(NumberFormatting.count(totals.rows)) rows, "
      + "\(NumberFormatting.count(totals.slots)) slots, "
      + "\(NumberFormatting.count(totals.gaps)) gaps, "
      + "\(NumberFormatting.percent(totals.missingShare)) missing"
    if let first = totals.first, let last = totals.last { line += ", \(first) to \(last)" }
    return line
  }
}

extension EventsSummary {
  /// At most this many events outside the data span are listed in text (JSON lists all).
  static let outsideListLimit = 20

  /// Text output: counts per kind and per name, then the events outside the data span.
  var text: String {
    var out = "events: \(file): \(NumberFormatting.count(count)) events\n\n"
    var kinds = TextTable([("kind", .left), ("count", .right)])
    let known = EventKind.allCases.map(\.rawValue)
    for kind in known + byKind.keys.filter({ !known.contains($0) }).sorted() {
      kinds.append([kind, NumberFormatting.count(byKind[kind] ?? 0)])
    }
    out += kinds.rendered() + "\n"
    var names = TextTable([("name", .left), ("count", .right)])
    for name in byName.keys.sorted() {
      names.append([name, NumberFormatting.count(byName[name] ?? 0)])
    }
    out += names.rendered() + "\n"
    guard !outsideDataSpan.isEmpty else {
      return out + "all events overlap the data span\n"
    }
    out += "\(NumberFormatting.count(outsideDataSpan.count)) events outside the data span "
    out += "(they cannot affect a fit on this data):\n"
    var outside = TextTable([
      ("line", .right), ("name", .left), ("kind", .left), ("start", .left), ("end", .left),
    ])
    for event in outsideDataSpan.prefix(Self.outsideListLimit) {
      outside.append([String(event.line), event.name, event.kind, event.start, event.end])
    }
    out += outside.rendered(indent: "  ")
    if outsideDataSpan.count > Self.outsideListLimit {
      let more = outsideDataSpan.count - Self.outsideListLimit
      out += "  … and \(NumberFormatting.count(more)) more (see --format json)\n"
    }
    return out
  }
}
