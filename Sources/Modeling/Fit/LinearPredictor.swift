import LinearAlgebra

/// Xβ for a range of rows of a column-major design: column-wise axpy, which vectorises.
enum LinearPredictor {
  static func predict(_ design: Matrix, _ beta: [Double], rows: Range<Int>) -> [Double] {
    var out = [Double](repeating: 0, count: rows.count)
    let n = design.rows
    design.withUnsafeBufferPointer { (x: UnsafeBufferPointer<Double>) -> Void in
      out.withUnsafeMutableBufferPointer { y in
        for (j, b) in beta.enumerated() where b != 0 {
          let base = j * n + rows.lowerBound
          for i in 0..<rows.count { y[i] += b * x[base + i] }
        }
      }
    }
    return out
  }
}
