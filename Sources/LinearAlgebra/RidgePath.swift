import CLAPACKE

/// Every ridge solution β(λ) = (XᵀWX + λD)⁻¹ XᵀWy for one penalty D, from one O(p³) setup on
/// the normal equations, so that λ can be chosen by GCV without refitting.
///
/// With the Cholesky factorization XᵀWX = LLᵀ and the eigendecomposition
/// M = L⁻¹DL⁻ᵀ = UΘUᵀ (`dsyevd`), XᵀWX + λD = LU(I + λΘ)UᵀLᵀ. With z = UᵀL⁻¹XᵀWy:
///   β(λ) = L⁻ᵀU (I + λΘ)⁻¹ z,   edf(λ) = Σ 1/(1 + λθᵢ),
///   RSS(λ) = yᵀWy − 2Σ zᵢ²/(1 + λθᵢ) + Σ zᵢ²/(1 + λθᵢ)²,   GCV(λ) = n·RSS/(n − edf)²,
/// so each λ costs O(p) for the criterion and O(p²) for the coefficients. D may have zeros
/// (unpenalized columns such as the intercept): they are handled exactly, because M has rank
/// equal to the number of positive factors, and the p − p₊ smallest θ are set to exactly 0.
///
/// The Gram is scaled symmetrically by powers of two (exact) so that its diagonal is in [1, 4)
/// before factoring. If it is not numerically positive definite (a collinear design, or
/// p > n), a jitter δ·I is added to the scaled Gram, δ = 1e-10 and then ×100 until `dpotrf`
/// succeeds with a reciprocal condition of at least 1e-14: a ridge far too small to change a
/// well-posed fit, which acts as a tiny penalty on every direction, unpenalized ones included,
/// and all formulas then refer to XᵀWX + δS⁻². `jitter` reports δ (0 when none was needed).
public struct RidgePath: Sendable {
  /// p.
  public let dimension: Int
  /// δ added to the diagonal of the scaled Gram (0 unless XᵀWX was numerically singular).
  public let jitter: Double
  /// The shared λ-dependence (θ, z², yᵀWy − ‖z‖², n).
  let spectrum: RidgeSpectrum
  /// W = L⁻ᵀU in scaled coordinates, column-major p × p: β = S W (I + λΘ)⁻¹ z.
  let basis: [Double]
  /// zᵢ (signed).
  let z: [Double]
  /// Power-of-two scales: the factored matrix was S XᵀWX S.
  let scales: [Double]

  /// Factors the statistics for the penalty `D = diag(penalty)`.
  ///
  /// - Parameters:
  ///   - equations: XᵀWX, XᵀWy, yᵀWy.
  ///   - penalty: one factor ≥ 0 per column (0 = unpenalized).
  ///   - observationCount: n for GCV; defaults to `equations.observationCount`.
  /// - Throws: `.invalidArgument`, `.dimensionMismatch`; `.notPositiveDefinite` if even the
  ///   largest jitter (1e-4) cannot make the Gram factorable.
  public init(
    _ equations: NormalEquations, penalty: [Double], observationCount: Int? = nil
  ) throws(LinearAlgebraError) {
    let n = try RidgePencil.observationCount(observationCount, equations)
    let pencil = try RidgePencil(equations, penalty: penalty)
    let p = pencil.order
    let eigen = try SymmetricEigen(upper: pencil.relativePenalty, order: p)
    let theta = pencil.clampedSpectrum(eigen.values)
    let z = eigen.project(try pencil.whiten(equations.crossProduct))
    // W = L⁻ᵀ U.
    var basis = eigen.vectors
    KernelClock.measure { cblas_dtrsm(CblasColMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit,
      Int32(p), Int32(p), 1, pencil.factor, Int32(p), &basis, Int32(p)) }
    self.dimension = p
    self.jitter = pencil.jitter
    self.spectrum = RidgePencil.spectrum(
      theta: theta, zSquared: z.map { $0 * $0 },
      responseSumOfSquares: equations.responseSumOfSquares, observationCount: n)
    self.basis = basis
    self.z = z
    self.scales = pencil.scales
  }

  /// edf, RSS and GCV at `lambda`, O(p).
  public func criterion(lambda: Double) -> RidgeCriterion {
    spectrum.criterion(lambda)
  }

  /// β(λ) = S W (I + λΘ)⁻¹ z, O(p²).
  public func coefficients(lambda: Double) -> [Double] {
    let p = dimension
    let shrunk = (0..<p).map { z[$0] / (1 + lambda * spectrum.theta[$0]) }
    var beta = [Double](repeating: 0, count: p)
    KernelClock.measure { cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(p), Int32(p), 1, basis, Int32(p), shrunk, 1,
      0, &beta, 1) }
    return (0..<p).map { beta[$0] * scales[$0] }
  }

  /// Chooses λ (by GCV unless fixed) and returns the fit there.
  /// - Throws: `.invalidArgument` for a negative λ or a bad grid.
  public func fit(_ choice: LambdaChoice = .generalizedCrossValidation())
    throws(LinearAlgebraError) -> RidgeFit
  {
    let (best, evaluated) = try spectrum.choose(choice)
    return RidgeFit(
      criterion: best, coefficients: coefficients(lambda: best.lambda), evaluated: evaluated,
      observationCount: spectrum.observationCount)
  }

  /// (XᵀWX + λD)⁻¹ = S W (I + λΘ)⁻¹ Wᵀ S, O(p³).
  ///
  /// Times σ̂² this is the Bayesian posterior covariance of β under the Gaussian prior that the
  /// ridge penalty encodes. Prefer it for intervals: unlike the sandwich it accounts for the
  /// shrinkage bias, and such intervals have close to nominal average coverage (Wahba 1983,
  /// Nychka 1988; the choice mgcv makes for its default intervals).
  public func inverse(lambda: Double) -> Matrix {
    weightedGram(lambda: lambda, power: 1)
  }

  /// (XᵀWX + λD)⁻¹ XᵀWX (XᵀWX + λD)⁻¹ = S W (I + λΘ)⁻² Wᵀ S: times σ² the frequentist
  /// covariance of β(λ) for fixed λ, which ignores the bias and so is narrower. O(p³).
  public func sandwich(lambda: Double) -> Matrix {
    weightedGram(lambda: lambda, power: 2)
  }

  /// S W (I + λΘ)^−power Wᵀ S via one `dsyrk` on W with columns scaled by (1 + λθ)^−power/2.
  private func weightedGram(lambda: Double, power: Int) -> Matrix {
    let p = dimension
    var scaled = basis
    for l in 0..<p {
      let factor = 1 / (1 + lambda * spectrum.theta[l])
      let columnScale = power == 1 ? factor.squareRoot() : factor
      for i in 0..<p { scaled[i + l * p] *= columnScale }
    }
    var product = [Double](repeating: 0, count: p * p)
    KernelClock.measure { cblas_dsyrk(CblasColMajor, CblasUpper, CblasNoTrans, Int32(p), Int32(p), 1, scaled,
      Int32(p), 0, &product, Int32(p)) }
    LAPACK.mirrorUpperToLower(&product, order: p)
    for j in 0..<p {
      for i in 0..<p { product[i + j * p] *= scales[i] * scales[j] }
    }
    return (try? Matrix(rows: p, columns: p, columnMajor: product)) ?? Matrix(rows: p, columns: p)
  }
}
