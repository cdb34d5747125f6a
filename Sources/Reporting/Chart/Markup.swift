/// Escaping and number spelling for SVG and HTML text, deterministic across runs.
enum Markup {
  /// Text safe inside an element or a double-quoted attribute.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }

  /// A rounded count with thousands separators: `1800` → `1,800`.
  static func count(_ x: Double) -> String {
    guard x.isFinite else { return "–" }
    let digits = String(Int64(abs(x).rounded()))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(c)
    }
    return (x.rounded() < 0 ? "-" : "") + out
  }

  /// A coordinate with one decimal (a tenth of a pixel is below what a screen shows), without
  /// a trailing `.0`, so that paths stay short.
  static func coordinate(_ x: Double) -> String {
    let tenths = (x * 10).rounded()
    let whole = Int64(tenths) / 10
    let fraction = abs(Int64(tenths) % 10)
    if fraction == 0 { return String(whole) }
    return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
  }
}
