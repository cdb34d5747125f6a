import CLAPACKE

/// The one working copy of a least-squares problem for drivers that need the whole matrix
/// (`dgels`): the design with each row scaled by √wᵢ and each column by its power-of-two
/// equilibration scale (see `ColumnScaling`), and the response with rows scaled by √wᵢ.
struct EquilibratedSystem {
  /// n × p, column-major with leading dimension `rows`.
  var design: [Double]
  /// Length max(n, p): LAPACK's least-squares drivers return p coefficients in it.
  var response: [Double]
  /// Original coefficient j equals `scales[j]` times the coefficient of the scaled problem.
  let scales: [Double]
  let rows: Int
  let columns: Int

  /// Validates and copies `design` and `response` (one pass to read norms, one to write).
  ///
  /// - Throws: `.dimensionMismatch`, `.nonFiniteValue`, `.invalidArgument` (weights).
  init(design x: Matrix, response y: [Double], sqrtWeights: [Double]?) throws(LinearAlgebraError) {
    let n = x.rows
    let p = x.columns
    rows = n
    columns = p
    let scales = try ColumnScaling.powerOfTwoScales(design: x, sqrtWeights: sqrtWeights)
    self.scales = scales
    var a = [Double](repeating: 0, count: n * p)
    x.withUnsafeBufferPointer { source in
      a.withUnsafeMutableBufferPointer { target in
        guard let src = source.baseAddress, let dst = target.baseAddress else { return }
        for j in 0..<p {
          let offset = j * n
          let s = scales[j]
          if let sqrtWeights {
            sqrtWeights.withUnsafeBufferPointer { w in
              for i in 0..<n { dst[offset + i] = src[offset + i] * s * w[i] }
            }
          } else {
            for i in 0..<n { dst[offset + i] = src[offset + i] * s }
          }
        }
      }
    }
    design = a
    var b = [Double](repeating: 0, count: Swift.max(n, p))
    for i in 0..<n { b[i] = y[i] * (sqrtWeights?[i] ?? 1) }
    response = b
  }
}
