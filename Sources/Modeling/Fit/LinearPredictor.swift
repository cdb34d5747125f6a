import LinearAlgebra

/// Xβ for a range of rows of a design.
enum LinearPredictor {
  static func predict(_ design: Matrix, _ beta: [Double], rows: Range<Int>) -> [Double] {
    design.multiplied(by: beta, rows: rows)
  }

  /// Xβ for every row of the training design, through its step and sparse structure.
  static func predictAll(_ setup: TrainingSetup, _ beta: [Double]) -> [Double] {
    setup.product.multiply(setup.design, by: beta)
  }
}
