extension Chart {
  /// SVG for one layer, in pixels of `frame`.
  func render(_ layer: Layer, _ frame: Frame) -> String {
    let c = Markup.coordinate
    switch layer {
    case .band(let xs, let lower, let upper, let style):
      let d = Paths.band(
        xs: xs.map(frame.x.callAsFunction), lower: lower.map(frame.y.callAsFunction),
        upper: upper.map(frame.y.callAsFunction))
      return "<path class=\"\(style.cssClass)\" d=\"\(d)\" fill=\"\(style.color)\" "
        + "fill-opacity=\"\(c2(style.opacity))\" stroke=\"none\"/>"
    case .line(let xs, let ys, let style):
      let d = Paths.line(xs: xs.map(frame.x.callAsFunction), ys: ys.map(frame.y.callAsFunction))
      return "<path class=\"\(style.cssClass)\" d=\"\(d)\" \(stroke(style))/>"
    case .steps(let xs, let ys, let end, let style):
      let d = Paths.steps(
        xs: xs.map(frame.x.callAsFunction), ys: ys.map(frame.y.callAsFunction),
        end: frame.x(end))
      return "<path class=\"\(style.cssClass)\" d=\"\(d)\" \(stroke(style))/>"
    case .spans(let spans):
      return renderSpans(spans, frame)
    case .rule(let y, let label, let style):
      let py = frame.y(y)
      var out = "<g class=\"\(style.cssClass)\"><line x1=\"\(c(frame.left))\" y1=\"\(c(py))\" "
      out += "x2=\"\(c(frame.right))\" y2=\"\(c(py))\" \(stroke(style))/>"
      if !label.isEmpty {
        out += "<text class=\"rule-label halo\" x=\"\(c(frame.right - 4))\" y=\"\(c(py - 4))\" "
        out += "text-anchor=\"end\" fill=\"\(style.color)\">\(Markup.escape(label))</text>"
      }
      return out + "</g>"
    case .verticalRule(let x, let label, let style):
      let px = frame.x(x)
      var out = "<g class=\"\(style.cssClass)\"><line x1=\"\(c(px))\" y1=\"\(c(frame.top))\" "
      out += "x2=\"\(c(px))\" y2=\"\(c(frame.bottom))\" \(stroke(style))/>"
      if !label.isEmpty {
        // Right of the line, or left of it when the label would leave the plot.
        let fits = px + 4 + LabelLayout.width(label, fontSize: fontSize) <= frame.right
        out += "<text class=\"rule-label halo\" x=\"\(c(fits ? px + 4 : px - 4))\" "
        out += "y=\"\(c(frame.bottom - 8))\" text-anchor=\"\(fits ? "start" : "end")\" "
        out += "fill=\"\(style.color)\">\(Markup.escape(label))</text>"
      }
      return out + "</g>"
    case .bars(let xs, let ys, let halfWidth, let style):
      var out = "<g class=\"\(style.cssClass)\" fill=\"\(style.color)\" "
      out += "fill-opacity=\"\(c2(style.opacity))\">"
      let base = frame.y(max(yDomain.lower, min(0, yDomain.upper)))
      for (x, y) in zip(xs, ys) where y.isFinite {
        let left = frame.x(x - halfWidth)
        let right = frame.x(x + halfWidth)
        let py = frame.y(y)
        out += "<rect x=\"\(c(min(left, right)))\" y=\"\(c(min(py, base)))\" "
        out += "width=\"\(c(abs(right - left)))\" height=\"\(c(max(0.5, abs(base - py))))\"/>"
      }
      return out + "</g>"
    case .dots(let xs, let ys, let radius, let style):
      var out = "<g class=\"\(style.cssClass)\" fill=\"\(style.color)\" "
      out += "fill-opacity=\"\(c2(style.opacity))\">"
      for (x, y) in zip(xs, ys) where y.isFinite {
        out += "<circle cx=\"\(c(frame.x(x)))\" cy=\"\(c(frame.y(y)))\" r=\"\(c(radius))\"/>"
      }
      return out + "</g>"
    }
  }

  func stroke(_ style: Style) -> String {
    var attributes = "fill=\"none\" stroke=\"\(style.color)\" "
    attributes += "stroke-width=\"\(Markup.coordinate(style.strokeWidth))\""
    if style.opacity < 1 { attributes += " stroke-opacity=\"\(c2(style.opacity))\"" }
    if let dash = style.dash { attributes += " stroke-dasharray=\"\(dash)\"" }
    return attributes + " stroke-linejoin=\"round\""
  }

  /// Event spans as shaded rectangles (at least 2 px wide, so a short sale stays visible at a
  /// quarter's scale), each with a hover title, and the labels that fit without overlapping.
  func renderSpans(_ spans: [Span], _ frame: Frame) -> String {
    let c = Markup.coordinate
    var out = "<g class=\"events\">"
    var labelLefts: [Double] = []
    var labelWidths: [Double] = []
    var drawn: [Span] = []
    for span in spans {
      let left = max(frame.left, frame.x(span.from))
      let right = min(frame.right, max(frame.x(span.to), left + 2))
      guard right > left else { continue }
      out += "<rect class=\"event-marker event-\(span.kind)\" x=\"\(c(left))\" "
      out += "y=\"\(c(frame.top))\" width=\"\(c(right - left))\" "
      out += "height=\"\(c(frame.bottom - frame.top))\" fill=\"\(span.color)\" "
      out += "fill-opacity=\"0.22\"><title>\(Markup.escape(span.detail))</title></rect>"
      out += "<rect class=\"event-tick\" x=\"\(c(left))\" y=\"\(c(frame.bottom - 5))\" "
      out += "width=\"\(c(right - left))\" height=\"5\" fill=\"\(span.color)\"/>"
      labelLefts.append(left + 2)
      labelWidths.append(LabelLayout.width(span.label, fontSize: fontSize - 1))
      drawn.append(span)
    }
    let kept = LabelLayout.nonOverlapping(
      centers: labelLefts, widths: labelWidths, gap: 6, anchoredStart: true)
    for i in kept where labelLefts[i] + labelWidths[i] <= frame.right {
      out += "<text class=\"event-label halo\" x=\"\(c(labelLefts[i]))\" "
      out += "y=\"\(c(frame.top + 11))\" font-size=\"\(c(fontSize - 1))\" "
      out += "fill=\"\(drawn[i].color)\">\(Markup.escape(drawn[i].label))</text>"
    }
    return out + "</g>"
  }
}
