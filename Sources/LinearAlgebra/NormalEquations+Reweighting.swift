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
    let increases = rows.indices.filter { weightChanges[$0] > 0 }
    let decreases = rows.indices.filter { weightChanges[$0] < 0 }
    let up = gather(design: design, response: response, rows: rows, changes: weightChanges,
      selection: increases)
    let down = gather(design: design, response: response, rows: rows, changes: weightChanges,
      selection: decreases)
    // The gathered blocks hold every touched design entry (times a finite √|δ|), so one sum
    // over them finds a non-finite input; it is located only on failure.
    guard up.isFinite && down.isFinite else {
      for row in rows {
        for j in 0..<p where !design[row, j].isFinite {
          throw .nonFiniteValue(argument: "design", index: row + j * n)
        }
      }
      return
    }
    applyRankUpdate(up, sign: 1)
    applyRankUpdate(down, sign: -1)
  }

  /// Selected rows of the design and response, each scaled by √|δ|, as a k × p block.
  private struct GatheredRows {
    var block: [Double]
    var response: [Double]
    var count: Int
    var isFinite: Bool {
      var sum = 0.0
      for value in block { sum += value * 0 }
      return sum.isFinite
    }
  }

  /// Copies the selected rows column by column: the design is column-major, so walking one
  /// column over ascending rows reads memory in order (rows that changed together — a surge, a
  /// glitch — are often adjacent and share cache lines), where a row at a time would jump n·8
  /// bytes for every entry.
  private func gather(
    design: Matrix, response: [Double], rows: [Int], changes: [Double], selection: [Int]
  ) -> GatheredRows {
    let k = selection.count
    let p = dimension
    let n = design.rows
    var block = [Double](repeating: 0, count: k * p)
    var scaledResponse = [Double](repeating: 0, count: k)
    let order = selection.sorted { rows[$0] < rows[$1] }
    let roots = order.map { abs(changes[$0]).squareRoot() }
    for (position, index) in order.enumerated() {
      scaledResponse[position] = response[rows[index]] * roots[position]
    }
    design.withUnsafeBufferPointer { x in
      block.withUnsafeMutableBufferPointer { out in
        for j in 0..<p {
          let column = j * n
          let target = j * k
          for (position, index) in order.enumerated() {
            out[target + position] = x[rows[index] + column] * roots[position]
          }
        }
      }
    }
    return GatheredRows(block: block, response: scaledResponse, count: k)
  }

  /// Adds `sign · Σ |δ| x xᵀ` for gathered rows via one `dsyrk`.
  private mutating func applyRankUpdate(_ gathered: GatheredRows, sign: Double) {
    let k = gathered.count
    let p = dimension
    guard k > 0, p > 0 else { return }
    let (k32, p32) = (Int32(k), Int32(p))
    KernelClock.measure { cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, p32, k32, sign,
      gathered.block, k32, 1, &upperGram, p32) }
    KernelClock.measure { cblas_dgemv(CblasColMajor, CblasTrans, k32, p32, sign, gathered.block,
      k32, gathered.response, 1, 1, &crossProduct, 1) }
    responseSumOfSquares += sign * KernelClock.measure {
      cblas_ddot(k32, gathered.response, 1, gathered.response, 1) }
  }
}
