/// Label widths and overlap avoidance, without a font engine.
///
/// Widths are estimated from the character count at a conservative average advance (0.62 em,
/// wider than the digits and lower-case letters of common sans-serif fonts), so that estimated
/// boxes contain the rendered text and labels kept apart here stay apart on screen.
public enum LabelLayout {
  /// Average advance per character, in ems.
  public static let advance = 0.62

  /// Estimated rendered width of `text` at `fontSize` pixels.
  public static func width(_ text: String, fontSize: Double) -> Double {
    Double(text.count) * advance * fontSize
  }

  /// Indices of the labels to keep, scanning left to right and dropping any label whose box
  /// (centred at `center`, or starting there when `anchoredStart`) comes within `gap` pixels
  /// of the previous kept one. Inputs need not be sorted.
  public static func nonOverlapping(
    centers: [Double], widths: [Double], gap: Double, anchoredStart: Bool = false
  ) -> [Int] {
    let order = centers.indices.sorted { centers[$0] < centers[$1] }
    var kept: [Int] = []
    var lastRight = -Double.infinity
    for i in order {
      let left = anchoredStart ? centers[i] : centers[i] - widths[i] / 2
      if left >= lastRight + gap {
        kept.append(i)
        lastRight = left + widths[i]
      }
    }
    return kept.sorted()
  }
}
