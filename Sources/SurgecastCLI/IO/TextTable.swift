/// A plain-text table with aligned columns, for people reading a terminal.
///
/// Text columns are left-aligned and numeric columns right-aligned, so that magnitudes line up.
/// Columns are separated by two spaces; trailing spaces are trimmed so that golden files stay
/// clean. Cost: O(cells), one pass to measure and one to render.
struct TextTable {
  enum Alignment { case left, right }

  struct Column {
    var title: String
    var alignment: Alignment
  }

  var columns: [Column]
  private(set) var rows: [[String]] = []

  init(_ columns: [(String, Alignment)]) {
    self.columns = columns.map { Column(title: $0.0, alignment: $0.1) }
  }

  /// Appends a row; missing cells are blank, extra cells are dropped.
  mutating func append(_ cells: [String]) {
    var row = Array(cells.prefix(columns.count))
    while row.count < columns.count { row.append("") }
    rows.append(row)
  }

  /// The table with its header line, each line ending with a newline.
  func rendered(indent: String = "") -> String {
    var widths = columns.map(\.title.count)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        parts.append(columns[i].alignment == .left ? cell + pad : pad + cell)
      }
      var text = indent + parts.joined(separator: "  ")
      while text.last == " " { text.removeLast() }
      return text + "\n"
    }
    return ([line(columns.map(\.title))] + rows.map(line)).joined()
  }
}
