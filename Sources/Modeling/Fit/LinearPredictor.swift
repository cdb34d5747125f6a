import LinearAlgebra

/// Xβ for a range of rows of a design.
enum LinearPredictor {
  static func predict(_ design: Matrix, _ beta: [Double], rows: Range<Int>) -> [Double] {
    design.multiplied(by: beta, rows: rows)
  }
}
