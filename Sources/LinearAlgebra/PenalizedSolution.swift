import CLAPACKE

/// The solution of (XᵀWX + λD) β = XᵀWy for one λ, from `NormalEquations.solve`.
public struct PenalizedSolution: Sendable {
  /// How the system was solved.
  public enum Factorization: Sendable, Equatable {
    /// Cholesky (`dpotrf`/`dpotrs`): the system was positive definite and well conditioned.
    case cholesky
    /// Symmetric eigendecomposition (`dsyevd`) with the `discardedDirections` smallest
    /// eigenvalues treated as zero: the pseudo-inverse, i.e. the minimum-norm solution of the
    /// nearly singular system. Used when Cholesky fails or its condition is too poor.
    case eigenPseudoInverse(discardedDirections: Int)
  }

  /// β, one per column, in the caller's units.
  public let coefficients: [Double]
  /// The λ used.
  public let lambda: Double
  /// `dpocon`'s 1-norm reciprocal condition estimate of the diagonally scaled XᵀWX + λD
  /// (0 when the Cholesky factorization itself failed). Values near 1e-12 or below mean the
  /// normal equations are no longer a safe way to solve this problem.
  public let reciprocalCondition: Double
  /// Which factorization produced `coefficients`.
  public let factorization: Factorization
  /// yᵀWy − 2βᵀXᵀWy + βᵀXᵀWXβ, the weighted residual sum of squares, clamped at 0. It is
  /// formed by subtraction, so its absolute error is about ε·yᵀWy.
  public let residualSumOfSquares: Double

  /// Power-of-two Jacobi scales: the solved system was S (XᵀWX + λD) S.
  let scales: [Double]
  /// Upper Cholesky factor (p × p) or eigenvectors (p × p) of the scaled system.
  let factor: [Double]
  /// Kept eigenvalues of the scaled system (eigen path only; discarded ones set to 0).
  let eigenvalues: [Double]

  /// (XᵀWX + λD)⁻¹, or its pseudo-inverse on the eigen path. Times σ² this is the Bayesian
  /// posterior covariance of β under the ridge prior, which is what interval estimates should
  /// use (it includes the shrinkage bias; see `RidgePath.inverse(lambda:)`). O(p³).
  public func inverse() throws(LinearAlgebraError) -> Matrix {
    let p = scales.count
    var result: [Double]
    switch factorization {
    case .cholesky:
      result = try LAPACK.inverseOfGram(fromUpper: factor, order: p)
    case .eigenPseudoInverse:
      result = [Double](repeating: 0, count: p * p)
      for l in 0..<p where eigenvalues[l] > 0 {
        let weight = 1 / eigenvalues[l]
        for j in 0..<p {
          let vj = factor[j + l * p] * weight
          for i in 0..<p { result[i + j * p] += factor[i + l * p] * vj }
        }
      }
    }
    for j in 0..<p {
      for i in 0..<p { result[i + j * p] *= scales[i] * scales[j] }
    }
    return try Matrix(rows: p, columns: p, columnMajor: result)
  }
}

extension NormalEquations {
  /// Default lower limit on the reciprocal condition of the scaled system for trusting the
  /// Cholesky solve: 1e-12. Below it the solution would keep fewer than about four digits, and
  /// the eigen pseudo-inverse (which discards the same near-null directions) is used instead.
  public static let defaultMinimumReciprocalCondition = 1e-12

  /// Solves (XᵀWX + λD) β = XᵀWy by Cholesky, with a condition check and an eigen fallback.
  ///
  /// The system is first scaled symmetrically by powers of two, S (XᵀWX + λD) S with
  /// Sⱼⱼ ≈ 1/√(its diagonal), which is exact in floating point and makes the condition estimate
  /// reflect collinearity rather than units. Then `dpotrf` and `dpocon`; if the factorization
  /// fails or the reciprocal condition is below `minimumReciprocalCondition`, the scaled system
  /// is eigendecomposed (`dsyevd`) and eigenvalues below `minimumReciprocalCondition · θ_max`
  /// are discarded, giving the minimum-norm solution. Cost: p³/3 (Cholesky), about 4p³ on the
  /// fallback.
  /// - Parameters:
  ///   - lambda: λ ≥ 0.
  ///   - penalty: the diagonal of D, one factor ≥ 0 per column (0 = unpenalized, e.g. the
  ///     intercept); `nil` means all ones (plain ridge).
  ///   - minimumReciprocalCondition: see `defaultMinimumReciprocalCondition`.
  /// - Throws: `.invalidArgument`, `.dimensionMismatch`, `.nonFiniteValue`; `.lapackFailure` if
  ///   the eigendecomposition does not converge.
  public func solve(
    lambda: Double = 0, penalty: [Double]? = nil,
    minimumReciprocalCondition: Double = defaultMinimumReciprocalCondition
  ) throws(LinearAlgebraError) -> PenalizedSolution {
    BLASThreading.ensureSingleThreaded()
    let p = dimension
    guard p > 0 else { throw .invalidArgument(name: "dimension", reason: "is 0") }
    try Validation.checkLambda(lambda)
    try Validation.checkRcond(minimumReciprocalCondition)
    let d = penalty ?? [Double](repeating: 1, count: p)
    try Validation.checkPenalty(d, columns: p)

    var (a, b, scales) = scaledSystem(lambda: lambda, penalty: d)
    let scaled = a

    var factorization = PenalizedSolution.Factorization.cholesky
    var rcond = 0.0
    var eigenvalues: [Double] = []
    var info = KernelClock.measure { LAPACKE_dpotrf_work(LAPACK.columnMajor, LAPACK.char("U"), Int32(p), &a, Int32(p)) }
    if info == 0 {
      rcond = try Self.choleskyReciprocalCondition(factor: a, original: scaled, order: p)
    }
    if info == 0 && rcond >= minimumReciprocalCondition {
      info = KernelClock.measure { LAPACKE_dpotrs_work(
        LAPACK.columnMajor, LAPACK.char("U"), Int32(p), 1, a, Int32(p), &b, Int32(p)) }
      try LAPACK.check("dpotrs", info)
    } else {
      a = scaled
      let eigen = try SymmetricEigen(upper: a, order: p)
      let cutoff = minimumReciprocalCondition * (eigen.values.last ?? 0)
      eigenvalues = eigen.values.map { $0 > cutoff && $0 > 0 ? $0 : 0 }
      factorization = .eigenPseudoInverse(
        discardedDirections: eigenvalues.reduce(0) { $0 + ($1 == 0 ? 1 : 0) })
      b = eigen.pseudoSolve(b, keptValues: eigenvalues)
      a = eigen.vectors
    }
    let beta = (0..<p).map { b[$0] * scales[$0] }
    return PenalizedSolution(
      coefficients: beta, lambda: lambda, reciprocalCondition: rcond,
      factorization: factorization, residualSumOfSquares: residualSumOfSquares(beta),
      scales: scales, factor: a, eigenvalues: eigenvalues)
  }

  /// yᵀWy − 2βᵀXᵀWy + βᵀXᵀWXβ, clamped at 0 (the subtraction can leave a tiny negative).
  /// The quadratic form uses `dsymv` on the stored upper triangle.
  func residualSumOfSquares(_ beta: [Double]) -> Double {
    let p = Int32(dimension)
    guard p > 0 else { return Swift.max(0, responseSumOfSquares) }
    var gramBeta = [Double](repeating: 0, count: dimension)
    KernelClock.measure {
      cblas_dsymv(CblasColMajor, CblasUpper, p, 1, upperGram, p, beta, 1, 0, &gramBeta, 1)
    }
    let linear = KernelClock.measure { cblas_ddot(p, beta, 1, crossProduct, 1) }
    let quadratic = KernelClock.measure { cblas_ddot(p, beta, 1, gramBeta, 1) }
    return Swift.max(0, responseSumOfSquares - 2 * linear + quadratic)
  }

  /// `dpocon` on a Cholesky factor, given the matrix it came from (for its 1-norm, `dlansy`).
  static func choleskyReciprocalCondition(
    factor: [Double], original upper: [Double], order p: Int
  ) throws(LinearAlgebraError) -> Double {
    var normWork = [Double](repeating: 0, count: p)
    let norm = KernelClock.measure {
      LAPACKE_dlansy_work(
        LAPACK.columnMajor, LAPACK.char("1"), LAPACK.char("U"), Int32(p), upper, Int32(p),
        &normWork)
    }
    var rcond = 0.0
    var work = [Double](repeating: 0, count: 3 * p)
    var iwork = [Int32](repeating: 0, count: p)
    let info = KernelClock.measure { LAPACKE_dpocon_work(
      LAPACK.columnMajor, LAPACK.char("U"), Int32(p), factor, Int32(p), norm, &rcond, &work,
      &iwork) }
    try LAPACK.check("dpocon", info)
    return rcond
  }
}
