import CLAPACKE

/// Eigendecomposition A = V Θ Vᵀ of a symmetric p × p matrix by divide and conquer (`dsyevd`),
/// eigenvalues ascending.
struct SymmetricEigen: Sendable {
  /// Ascending eigenvalues θ₁ ≤ … ≤ θ_p.
  let values: [Double]
  /// Orthonormal eigenvectors as the columns of a column-major p × p matrix.
  let vectors: [Double]
  let order: Int

  /// Decomposes the symmetric matrix whose upper triangle is given (column-major p × p).
  init(upper: [Double], order p: Int) throws(LinearAlgebraError) {
    var a = upper
    var values = [Double](repeating: 0, count: p)
    let info = KernelClock.measure { LAPACKE_dsyevd(
      LAPACK.columnMajor, LAPACK.char("V"), LAPACK.char("U"), Int32(p), &a, Int32(p), &values) }
    try LAPACK.check("dsyevd", info, positiveMeaning: "the eigenvalue algorithm did not converge")
    self.values = values
    self.vectors = a
    self.order = p
  }

  /// Vᵀx.
  func project(_ x: [Double]) -> [Double] {
    (0..<order).map { l in
      var sum = 0.0
      for i in 0..<order { sum += vectors[i + l * order] * x[i] }
      return sum
    }
  }

  /// V c.
  func combine(_ c: [Double]) -> [Double] {
    var result = [Double](repeating: 0, count: order)
    for l in 0..<order where c[l] != 0 {
      for i in 0..<order { result[i] += vectors[i + l * order] * c[l] }
    }
    return result
  }

  /// V diag(1/θ) Vᵀ b over the directions with a non-zero entry in `keptValues`.
  func pseudoSolve(_ b: [Double], keptValues: [Double]) -> [Double] {
    let projected = project(b)
    return combine((0..<order).map { keptValues[$0] > 0 ? projected[$0] / keptValues[$0] : 0 })
  }
}
