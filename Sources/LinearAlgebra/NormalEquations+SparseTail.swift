import CLAPACKE

extension NormalEquations {
  /// yᵀWy alone, for rows whose every column is handled elsewhere.
  mutating func accumulateResponse(_ response: [Double], range: Range<Int>, sign: Double) {
    let k = Int32(range.count)
    response.withUnsafeBufferPointer { y in
      guard let base = y.baseAddress else { return }
      responseSumOfSquares += sign * KernelClock.measure {
        cblas_ddot(k, base + range.lowerBound, 1, base + range.lowerBound, 1)
      }
    }
  }
}

/// The trailing columns of a design that are zero on almost every row, with their nonzero
/// rows: event indicators (holidays, promotions, incidents) come last in a traffic design and
/// each touches a few dozen rows out of thousands.
///
/// Why: `dsyrk` costs n·p² whatever the zeros; the sparse columns' part of XᵀWX and XᵀWy
/// costs only (their nonzeros) × p when computed from the nonzero rows. Finding them costs
/// one scan of those columns, which `dsyrk` would have read anyway. The result equals the
/// dense computation up to the order of floating-point additions.
struct SparseTail {
  /// Columns of the tail, ascending, each with its nonzero rows in the range (ascending).
  let columns: [(index: Int, rows: [Int])]

  /// A column belongs to the tail when at most this share of the rows is nonzero.
  static let maximumDensity = 1.0 / 16
  /// Below this many sparse columns the separate pass is not worth it.
  static let minimumColumns = 4

  /// Scans columns from the last one backwards while they are sparse over `rows` (rows of zero
  /// weight do not count and are not listed).
  init(design: Matrix, rows range: Range<Int>, weights: [Double]?) {
    let limit = Int(Double(range.count) * Self.maximumDensity)
    var found: [(index: Int, rows: [Int])] = []
    design.withUnsafeBufferPointer { x in
      let n = design.rows
      var j = design.columns - 1
      scan: while j >= 0 {
        var nonzero: [Int] = []
        let base = j * n
        for i in range where x[base + i] != 0 {
          if let weights, !(weights[i] > 0) { continue }
          nonzero.append(i)
          if nonzero.count > limit { break scan }
        }
        found.append((j, nonzero))
        j -= 1
      }
    }
    columns = found.count >= Self.minimumColumns ? found.reversed() : []
  }

  /// A tail found before, over the same rows with unit weights (`StructuredProduct` keeps it).
  init(columns: [(index: Int, rows: [Int])]) {
    self.columns = columns
  }

  /// Adds `sign` × the tail's rows and columns of XᵀWX (against every column) and of XᵀWy.
  func accumulate(
    into equations: inout NormalEquations, design: Matrix, response: [Double],
    weights: [Double]?, sign: Double
  ) {
    guard let first = columns.first?.index else { return }
    let p = equations.dimension
    let n = design.rows
    design.withUnsafeBufferPointer { x in
      for (j, rows) in columns {
        var gramColumn = [Double](repeating: 0, count: j + 1)
        var cross = 0.0
        for r in rows {
          let w = sign * (weights?[r] ?? 1) * x[r + j * n]
          cross += w * response[r]
          // Dense columns: the row's values; tail columns: only those up to j.
          for i in 0...j where i < first || x[r + i * n] != 0 {
            gramColumn[i] += w * x[r + i * n]
          }
        }
        for i in 0...j { equations.upperGram[i + j * p] += gramColumn[i] }
        equations.crossProduct[j] += cross
      }
    }
  }
}
