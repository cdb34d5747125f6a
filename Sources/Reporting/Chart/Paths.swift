/// SVG path data for lines, bands and steps, in pixels; non-finite values break the path.
public enum Paths {
  /// `M x y L x y …`, starting a new piece after each gap.
  public static func line(xs: [Double], ys: [Double]) -> String {
    var d = ""
    var open = false
    for (x, y) in zip(xs, ys) {
      guard x.isFinite, y.isFinite else {
        open = false
        continue
      }
      d += (open ? "L" : "M") + point(x, y)
      open = true
    }
    return d
  }

  /// Closed shapes between `lower` and `upper`, one per run of finite values: along the upper
  /// edge, back along the lower edge.
  public static func band(xs: [Double], lower: [Double], upper: [Double]) -> String {
    var d = ""
    var run: [Int] = []
    func flush() {
      guard let first = run.first else { return }
      d += "M" + point(xs[first], upper[first])
      for i in run.dropFirst() { d += "L" + point(xs[i], upper[i]) }
      for i in run.reversed() { d += "L" + point(xs[i], lower[i]) }
      d += "Z"
      run = []
    }
    for i in 0..<min(xs.count, lower.count, upper.count) {
      if xs[i].isFinite && lower[i].isFinite && upper[i].isFinite {
        run.append(i)
      } else {
        flush()
      }
    }
    flush()
    return d
  }

  /// A step line: each value holds until the next x; the last until `end`.
  public static func steps(xs: [Double], ys: [Double], end: Double) -> String {
    let n = min(xs.count, ys.count)
    guard n > 0 else { return "" }
    var d = "M" + point(xs[0], ys[0])
    for i in 1..<max(1, n) where i < n {
      d += "H" + Markup.coordinate(xs[i]) + "V" + Markup.coordinate(ys[i])
    }
    return d + "H" + Markup.coordinate(end)
  }

  static func point(_ x: Double, _ y: Double) -> String {
    Markup.coordinate(x) + " " + Markup.coordinate(y)
  }
}
