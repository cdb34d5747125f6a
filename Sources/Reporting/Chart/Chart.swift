/// An SVG chart with a value axis and an x axis (time, hours, or categories), built in data
/// units and laid out when rendered.
///
/// Every drawn element carries a stable class (`series-…`, `band-80`, `event-marker`,
/// `replica-steps`, …) so that tests and the browser check can find it; the chart's `id` names
/// it in the page.
public struct Chart: Sendable {
  public var id: String
  public var width: Double
  public var height: Double
  public var xDomain: (lower: Double, upper: Double)
  public var yDomain: (lower: Double, upper: Double)
  public var xTicks: [Tick]
  public var yTicks: [Tick]
  public var xTitle: String
  public var yTitle: String
  /// Read by screen readers and shown as the SVG's tooltip.
  public var summary: String
  /// Left margin: wide enough for the y labels (wider for category names).
  public var leftMargin: Double = 64
  public var fontSize: Double = 11
  var layers: [Layer] = []
  var legend: [LegendEntry] = []

  public init(
    id: String, width: Double, height: Double, xDomain: (Double, Double),
    yDomain: (Double, Double), xTicks: [Tick], yTicks: [Tick], xTitle: String, yTitle: String,
    summary: String
  ) {
    self.id = id
    self.width = width
    self.height = height
    self.xDomain = xDomain
    self.yDomain = yDomain
    self.xTicks = xTicks
    self.yTicks = yTicks
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.summary = summary
  }

  /// A drawing in data units.
  enum Layer: Sendable {
    case band(xs: [Double], lower: [Double], upper: [Double], style: Style)
    case line(xs: [Double], ys: [Double], style: Style)
    case steps(xs: [Double], ys: [Double], end: Double, style: Style)
    case spans([Span])
    case rule(y: Double, label: String, style: Style)
    case verticalRule(x: Double, label: String, style: Style)
    case bars(xs: [Double], ys: [Double], halfWidth: Double, style: Style)
    case dots(xs: [Double], ys: [Double], radius: Double, style: Style)
  }

  /// How a layer looks: its class (for tests and CSS) and colours.
  public struct Style: Sendable {
    public var cssClass: String
    public var color: String
    public var strokeWidth: Double
    public var dash: String?
    public var opacity: Double

    public init(
      _ cssClass: String, color: String, strokeWidth: Double = 1.5, dash: String? = nil,
      opacity: Double = 1
    ) {
      self.cssClass = cssClass
      self.color = color
      self.strokeWidth = strokeWidth
      self.dash = dash
      self.opacity = opacity
    }
  }

  /// A shaded interval of the x axis (an event), labelled at the top when there is room.
  public struct Span: Sendable {
    public var from: Double
    public var to: Double
    public var label: String
    /// Shown on hover (`<title>`).
    public var detail: String
    public var kind: String
    public var color: String

    public init(
      from: Double, to: Double, label: String, detail: String, kind: String, color: String
    ) {
      self.from = from
      self.to = to
      self.label = label
      self.detail = detail
      self.kind = kind
      self.color = color
    }
  }

  /// One legend entry: a swatch (`line`, `band`, `span`, `dot`) and its text.
  public struct LegendEntry: Sendable {
    public var label: String
    public var color: String
    public var shape: Shape
    public var opacity: Double
    public var dash: String?

    public enum Shape: Sendable { case line, band, dot }
  }

  // MARK: - Adding layers

  public mutating func band(
    xs: [Double], lower: [Double], upper: [Double], style: Style, legend label: String? = nil
  ) {
    layers.append(.band(xs: xs, lower: lower, upper: upper, style: style))
    if let label { addLegend(label, style, .band) }
  }

  public mutating func line(xs: [Double], ys: [Double], style: Style, legend label: String? = nil) {
    layers.append(.line(xs: xs, ys: ys, style: style))
    if let label { addLegend(label, style, .line) }
  }

  /// A step chart: value `ys[i]` holds from `xs[i]` to the next x (the last until `end`).
  public mutating func steps(
    xs: [Double], ys: [Double], end: Double, style: Style, legend label: String? = nil
  ) {
    layers.append(.steps(xs: xs, ys: ys, end: end, style: style))
    if let label { addLegend(label, style, .line) }
  }

  public mutating func spans(_ spans: [Span]) {
    guard !spans.isEmpty else { return }
    layers.append(.spans(spans))
    var seen: Set<String> = []
    for span in spans where seen.insert(span.kind).inserted {
      legend.append(
        LegendEntry(label: span.kind, color: span.color, shape: .band, opacity: 0.35))
    }
  }

  /// A horizontal line across the plot with a label at its right end.
  public mutating func rule(y: Double, label: String, style: Style, legend entry: String? = nil) {
    layers.append(.rule(y: y, label: label, style: style))
    if let entry { addLegend(entry, style, .line) }
  }

  /// A vertical line (e.g. where the forecast starts) with a label at its top.
  public mutating func verticalRule(x: Double, label: String, style: Style) {
    layers.append(.verticalRule(x: x, label: label, style: style))
  }

  public mutating func bars(
    xs: [Double], ys: [Double], halfWidth: Double, style: Style, legend label: String? = nil
  ) {
    layers.append(.bars(xs: xs, ys: ys, halfWidth: halfWidth, style: style))
    if let label { addLegend(label, style, .band) }
  }

  public mutating func dots(
    xs: [Double], ys: [Double], radius: Double, style: Style, legend label: String? = nil
  ) {
    layers.append(.dots(xs: xs, ys: ys, radius: radius, style: style))
    if let label { addLegend(label, style, .dot) }
  }

  private mutating func addLegend(_ label: String, _ style: Style, _ shape: LegendEntry.Shape) {
    legend.append(
      LegendEntry(
        label: label, color: style.color, shape: shape, opacity: style.opacity, dash: style.dash))
  }
}
