extension Chart {
  /// The plot rectangle and scales, once the legend's height is known.
  struct Frame {
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
    var x: LinearScale
    var y: LinearScale
  }

  static let rightMargin = 18.0
  static let bottomMargin = 44.0
  static let legendRowHeight = 18.0

  /// The chart as one `<svg>` element.
  public func svg() -> String {
    let legendRows = legendLayout()
    let top = 10 + Double(legendRows.count) * Self.legendRowHeight + 8
    let frame = Frame(
      left: leftMargin, right: width - Self.rightMargin, top: top,
      bottom: height - Self.bottomMargin,
      x: LinearScale(domain: xDomain, range: (leftMargin, width - Self.rightMargin)),
      y: LinearScale(domain: yDomain, range: (height - Self.bottomMargin, top)))
    let c = Markup.coordinate
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"chart\" "
    out += "viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" "
    out += "aria-labelledby=\"\(id)-title\" font-size=\"\(c(fontSize))\">"
    out += "<title id=\"\(id)-title\">\(Markup.escape(summary))</title>"
    out += "<defs><clipPath id=\"\(id)-clip\"><rect x=\"\(c(frame.left))\" y=\"\(c(frame.top))\" "
    out += "width=\"\(c(frame.right - frame.left))\" height=\"\(c(frame.bottom - frame.top))\"/>"
    out += "</clipPath></defs>"
    out += renderLegend(legendRows)
    out += renderGrid(frame)
    out += "<g class=\"plot\" clip-path=\"url(#\(id)-clip)\">"
    for layer in layers { out += render(layer, frame) }
    out += "</g>"
    out += renderAxes(frame)
    out += "</svg>"
    return out
  }

  // MARK: - Legend

  /// Entries wrapped into rows that fit the chart's width, with their x positions.
  func legendLayout() -> [[(entry: LegendEntry, x: Double)]] {
    var rows: [[(entry: LegendEntry, x: Double)]] = []
    var row: [(entry: LegendEntry, x: Double)] = []
    var x = leftMargin
    for entry in legend {
      let w = 22 + LabelLayout.width(entry.label, fontSize: fontSize) + 16
      if !row.isEmpty && x + w > width - Self.rightMargin {
        rows.append(row)
        row = []
        x = leftMargin
      }
      row.append((entry, x))
      x += w
    }
    if !row.isEmpty { rows.append(row) }
    return rows
  }

  func renderLegend(_ rows: [[(entry: LegendEntry, x: Double)]]) -> String {
    guard !rows.isEmpty else { return "" }
    let c = Markup.coordinate
    var out = "<g class=\"legend\">"
    for (r, row) in rows.enumerated() {
      let y = 10 + Double(r) * Self.legendRowHeight + 9
      for (entry, x) in row {
        out += "<g class=\"legend-entry\">"
        switch entry.shape {
        case .line:
          let dash = entry.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
          out += "<line x1=\"\(c(x))\" y1=\"\(c(y))\" x2=\"\(c(x + 16))\" y2=\"\(c(y))\" "
          out += "stroke=\"\(entry.color)\" stroke-width=\"2.5\"\(dash)/>"
        case .band:
          out += "<rect x=\"\(c(x))\" y=\"\(c(y - 5))\" width=\"16\" height=\"10\" "
          out += "fill=\"\(entry.color)\" fill-opacity=\"\(c2(entry.opacity))\"/>"
        case .dot:
          out += "<circle cx=\"\(c(x + 8))\" cy=\"\(c(y))\" r=\"3.5\" fill=\"\(entry.color)\"/>"
        }
        out += "<text x=\"\(c(x + 22))\" y=\"\(c(y + 4))\">\(Markup.escape(entry.label))</text>"
        out += "</g>"
      }
    }
    return out + "</g>"
  }

  // MARK: - Grid and axes

  func renderGrid(_ frame: Frame) -> String {
    let c = Markup.coordinate
    var out = "<g class=\"grid\">"
    for tick in visibleYTicks(frame) {
      let y = frame.y(tick.value)
      out += "<line x1=\"\(c(frame.left))\" y1=\"\(c(y))\" x2=\"\(c(frame.right))\" "
      out += "y2=\"\(c(y))\"/>"
    }
    for tick in visibleXTicks(frame) {
      let x = frame.x(tick.value)
      out += "<line class=\"grid-x\" x1=\"\(c(x))\" y1=\"\(c(frame.top))\" x2=\"\(c(x))\" "
      out += "y2=\"\(c(frame.bottom))\"/>"
    }
    return out + "</g>"
  }

  /// The x ticks inside the domain whose labels do not overlap (finest first kept).
  func visibleXTicks(_ frame: Frame) -> [Tick] {
    let lower = min(xDomain.lower, xDomain.upper)
    let upper = max(xDomain.lower, xDomain.upper)
    // Inside the domain, and with the whole label inside the chart (none cut at an edge).
    let inside = xTicks.filter { tick in
      let half = LabelLayout.width(tick.label, fontSize: fontSize) / 2
      let x = frame.x(tick.value)
      return tick.value >= lower - 1e-9 && tick.value <= upper + 1e-9 && x - half >= 2
        && x + half <= width - 2
    }
    let kept = LabelLayout.nonOverlapping(
      centers: inside.map { frame.x($0.value) },
      widths: inside.map { LabelLayout.width($0.label, fontSize: fontSize) }, gap: 8)
    return kept.map { inside[$0] }
  }

  /// The y ticks inside the domain, at least a line apart.
  func visibleYTicks(_ frame: Frame) -> [Tick] {
    let lower = min(yDomain.lower, yDomain.upper)
    let upper = max(yDomain.lower, yDomain.upper)
    let inside = yTicks.filter { $0.value >= lower - 1e-9 && $0.value <= upper + 1e-9 }
    let kept = LabelLayout.nonOverlapping(
      centers: inside.map { -frame.y($0.value) },
      widths: inside.map { _ in fontSize }, gap: 4)
    return kept.map { inside[$0] }
  }

  func renderAxes(_ frame: Frame) -> String {
    let c = Markup.coordinate
    var out = "<g class=\"axis-x\">"
    out += "<line x1=\"\(c(frame.left))\" y1=\"\(c(frame.bottom))\" x2=\"\(c(frame.right))\" "
    out += "y2=\"\(c(frame.bottom))\"/>"
    for tick in visibleXTicks(frame) {
      let x = frame.x(tick.value)
      out += "<line x1=\"\(c(x))\" y1=\"\(c(frame.bottom))\" x2=\"\(c(x))\" "
      out += "y2=\"\(c(frame.bottom + 4))\"/>"
      out += "<text class=\"tick-label\" x=\"\(c(x))\" y=\"\(c(frame.bottom + 16))\" "
      out += "text-anchor=\"middle\">\(Markup.escape(tick.label))</text>"
    }
    out += "<text class=\"axis-title\" x=\"\(c((frame.left + frame.right) / 2))\" "
    out += "y=\"\(c(height - 6))\" text-anchor=\"middle\">\(Markup.escape(xTitle))</text>"
    out += "</g><g class=\"axis-y\">"
    for tick in visibleYTicks(frame) {
      let y = frame.y(tick.value)
      out += "<text class=\"tick-label\" x=\"\(c(frame.left - 6))\" y=\"\(c(y + 4))\" "
      out += "text-anchor=\"end\">\(Markup.escape(tick.label))</text>"
    }
    let middle = (frame.top + frame.bottom) / 2
    out += "<text class=\"axis-title\" transform=\"translate(12 \(c(middle))) rotate(-90)\" "
    out += "text-anchor=\"middle\">\(Markup.escape(yTitle))</text>"
    return out + "</g>"
  }

  func c2(_ x: Double) -> String { NumberTicks.fixed(x, decimals: 2) }
}
