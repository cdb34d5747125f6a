import CLAPACKE

extension NormalEquations {
  /// Changes the weights of a few rows in place: XᵀWX += Σ δᵢ xᵢxᵢᵀ, XᵀWy += Σ δᵢ yᵢxᵢ,
  /// yᵀWy += Σ δᵢ yᵢ², where δᵢ = `weightChanges[k]` for row i = `rows[k]`.
  ///
  /// Why: in robust fitting (Huber or bisquare IRLS) most rows keep weight 1, so
  /// XᵀWX = XᵀX − Σ_{down-weighted} (1 − wᵢ) xᵢxᵢᵀ touches only the down-weighted rows:
  /// O(k·p²) for k rows instead of O(n·p²). Positive δ (updates) and negative δ (downdates) are
  /// gathered into two k × p blocks scaled by √|δ| and applied with `dsyrk` (α = +1 and −1).
  ///
  /// Accuracy: a downdate subtracts, so the result carries an absolute error of order
  /// ε·‖XᵀX‖ rather than ε·‖XᵀWX‖; when the reweighted rows dominate the Gram, accumulate
  /// afresh with `weights` instead. `observationCount` is unchanged (rows are reweighted, not
  /// added or removed).
  /// - Parameters:
  ///   - design: the same design the statistics were accumulated from.
  ///   - rows: zero-based row indices (repeats allowed: their changes add up).
  ///   - weightChanges: δᵢ, new weight minus old weight, one per entry of `rows`.
  /// - Throws: `.dimensionMismatch`, `.invalidArgument` (row out of range), `.nonFiniteValue`.
  public mutating func reweight(
    design: Matrix, response: [Double], rows: [Int], weightChanges: [Double]
  ) throws(LinearAlgebraError) {
    BLASThreading.ensureSingleThreaded()
    let n = design.rows
    let p = dimension
    try Validation.requireCount(design.columns, p, "design columns")
    try Validation.requireCount(response.count, n, "response length")
    try Validation.requireCount(weightChanges.count, rows.count, "number of weight changes")
    try Validation.requireFinite(weightChanges, argument: "weight changes")
    for (k, row) in rows.enumerated() {
      guard row >= 0, row < n else {
        throw .invalidArgument(name: "rows[\(k)]", reason: "\(row) is outside 0..<\(n)")
      }
      guard response[row].isFinite else {
        throw .nonFiniteValue(argument: "response", index: row)
      }
    }
    // One strided read per row through the storage (the subscript's bounds checks cost more
    // than the rank update itself); the first non-finite entry is located only on failure.
    let allFinite = design.withUnsafeBufferPointer { x in
      var sum = 0.0
      for row in rows {
        for j in 0..<p { sum += x[row + j * n] * 0 }
      }
      return sum.isFinite
    }
    if !allFinite {
      for row in rows {
        for j in 0..<p where !design[row, j].isFinite {
          throw .nonFiniteValue(argument: "design", index: row + j * n)
        }
      }
    }
    let increases = rows.indices.filter { weightChanges[$0] > 0 }
    let decreases = rows.indices.filter { weightChanges[$0] < 0 }
    applyRankUpdate(design: design, response: response, rows: rows, changes: weightChanges,
      selection: increases, sign: 1)
    applyRankUpdate(design: design, response: response, rows: rows, changes: weightChanges,
      selection: decreases, sign: -1)
  }

  /// Adds `sign · Σ |δ| x xᵀ` for the selected rows via one `dsyrk` on a gathered block.
  private mutating func applyRankUpdate(
    design: Matrix, response: [Double], rows: [Int], changes: [Double], selection: [Int],
    sign: Double
  ) {
    let k = selection.count
    let p = dimension
    guard k > 0, p > 0 else { return }
    var block = [Double](repeating: 0, count: k * p)
    var scaledResponse = [Double](repeating: 0, count: k)
    let n = design.rows
    design.withUnsafeBufferPointer { x in
      for (position, index) in selection.enumerated() {
        let row = rows[index]
        let root = abs(changes[index]).squareRoot()
        scaledResponse[position] = response[row] * root
        for j in 0..<p { block[position + j * k] = x[row + j * n] * root }
      }
    }
    let (k32, p32) = (Int32(k), Int32(p))
    KernelClock.measure { cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, p32, k32, sign, block, k32, 1,
      &upperGram, p32) }
    KernelClock.measure { cblas_dgemv(CblasColMajor, CblasTrans, k32, p32, sign, block, k32, scaledResponse, 1, 1,
      &crossProduct, 1) }
    responseSumOfSquares += sign * KernelClock.measure { cblas_ddot(k32, scaledResponse, 1, scaledResponse, 1) }
  }
}
