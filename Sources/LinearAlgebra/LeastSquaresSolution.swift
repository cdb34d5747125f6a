import CLAPACKE

/// The result of `LeastSquares.solve`: coefficients, rank diagnostics and fit statistics, with
/// the coefficient covariance computed on request from the kept triangular factor.
public struct LeastSquaresSolution: Sendable {
  /// β̂, one per design column, in the caller's units. For a rank-deficient design this is the
  /// minimum-norm solution of the column-equilibrated problem, so exactly collinear columns of
  /// equal norm share their joint effect equally rather than one getting ±1e16.
  public let coefficients: [Double]
  /// The effective (numerical) rank of the equilibrated design under the method's `rcond`.
  public let rank: Int
  /// Zero-based columns found numerically dependent on the others, ascending (empty at full
  /// rank). These are the columns a pivoted QR orders last; their coefficients are not zero but
  /// not separately identifiable: their effect is absorbed by and shared with collinear columns.
  public let droppedColumns: [Int]
  /// Σ wᵢ (yᵢ − xᵢᵀβ̂)² (weights 1 when unweighted).
  public let residualSumOfSquares: Double
  /// Σ wᵢ (yᵢ − ȳ_w)², the weighted total sum of squares about the weighted mean.
  public let totalSumOfSquares: Double
  /// Rows with positive weight (all rows when unweighted).
  public let observationCount: Int
  /// `observationCount − rank`.
  public let residualDegreesOfFreedom: Int
  /// The method that produced this solution.
  public let method: LeastSquaresMethod

  /// Upper-triangular R of the equilibrated design; the covariance is derived from it.
  let factor: TriangularFactor

  /// σ̂² = RSS / (n − rank), the unbiased residual variance; NaN when no degrees of freedom
  /// remain.
  public var residualVariance: Double {
    residualDegreesOfFreedom > 0
      ? residualSumOfSquares / Double(residualDegreesOfFreedom) : .nan
  }

  /// σ̂, the residual standard deviation (NIST's "residual standard deviation").
  public var residualStandardError: Double { residualVariance.squareRoot() }

  /// R² = 1 − RSS/TSS. Meaningful when the design contains an intercept (TSS is about the mean).
  public var rSquared: Double { 1 - residualSumOfSquares / totalSumOfSquares }

  /// The coefficient covariance `variance · (XᵀWX)⁻¹`, with σ̂² as the default variance.
  ///
  /// Computed from R of the equilibrated QR, (XᵀWX)⁻¹ = S (RᵀR)⁻¹ S (S the power-of-two column
  /// scales), which never forms XᵀX and so keeps the accuracy of the QR (NIST Filip standard
  /// errors to 7+ digits). At rank r < p the pseudo-inverse S (RᵀR)⁺ S over the r largest
  /// singular values is used: the covariance of the minimum-norm estimator. O(p³).
  /// - Parameter variance: the residual variance to scale by; pass 1 for the unscaled
  ///   (XᵀWX)⁻¹, which prediction intervals need.
  /// - Throws: `.invalidArgument` when σ̂² is undefined (no residual degrees of freedom).
  public func covariance(variance: Double? = nil) throws(LinearAlgebraError) -> Matrix {
    let scale = variance ?? residualVariance
    guard scale.isFinite, scale >= 0 else {
      throw .invalidArgument(
        name: "variance",
        reason: "residual variance is \(scale) (residual degrees of freedom: "
          + "\(residualDegreesOfFreedom)); pass a variance explicitly")
    }
    var inverse = try factor.inverseGram(rank: rank)
    let p = factor.p
    for j in 0..<p {
      for i in 0..<p {
        inverse[i + j * p] *= scale * factor.scales[i] * factor.scales[j]
      }
    }
    return try Matrix(rows: p, columns: p, columnMajor: inverse)
  }

  /// Standard errors √diag(covariance()), one per coefficient.
  public func standardErrors() throws(LinearAlgebraError) -> [Double] {
    let cov = try covariance()
    return (0..<cov.columns).map { cov[$0, $0].squareRoot() }
  }
}

/// The p × p upper-triangular factor R of the equilibrated design and the column scales.
struct TriangularFactor: Sendable {
  /// Column-major, leading dimension p.
  let r: [Double]
  let p: Int
  let scales: [Double]

  /// (RᵀR)⁻¹ when `rank == p` (`dpotri`), else the rank-`rank` pseudo-inverse (`dgesdd`).
  func inverseGram(rank: Int) throws(LinearAlgebraError) -> [Double] {
    if rank == p {
      return try LAPACK.inverseOfGram(fromUpper: r, order: p)
    }
    // (RᵀR)⁺ = V Σ⁻² Vᵀ over the leading singular triplets.
    let m = p
    var a = r
    var singularValues = [Double](repeating: 0, count: m)
    var u = [Double](repeating: 0, count: m * m)
    var vt = [Double](repeating: 0, count: m * p)
    let info = KernelClock.measure { LAPACKE_dgesdd(
      LAPACK.columnMajor, LAPACK.char("S"), Int32(p), Int32(p), &a, Int32(p), &singularValues,
      &u, Int32(p), &vt, Int32(m)) }
    try LAPACK.check("dgesdd", info, positiveMeaning: "the SVD did not converge")
    var inverse = [Double](repeating: 0, count: p * p)
    for l in 0..<Swift.min(rank, m) where singularValues[l] > 0 {
      let weight = 1 / (singularValues[l] * singularValues[l])
      for j in 0..<p {
        let vj = vt[l + j * m] * weight
        for i in 0..<p { inverse[i + j * p] += vt[l + i * m] * vj }
      }
    }
    return inverse
  }
}
