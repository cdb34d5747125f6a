import CLAPACKE

/// GCV, edf and RSS for every λ of one ridge problem, without the coefficients: the part of
/// `RidgePath` that choosing λ needs, at about half its cost.
///
/// The criterion needs only the spectrum θ of M = L⁻¹DL⁻ᵀ and zᵢ² = (uᵢᵀw)² (see
/// `RidgePencil`), not the eigenvectors U themselves. So M is reduced to tridiagonal form
/// (M = QTQᵀ, `dsytrd`), w is carried along (c = Qᵀw, `dormtr`), and T's eigenvectors Z
/// (`dstedc`) give z = Zᵀc. That skips forming U = QZ and W = L⁻ᵀU, two of the three p³
/// products of `RidgePath` — the dominant cost of choosing λ once XᵀWX is formed. The
/// coefficients at the chosen λ come from a Cholesky solve (`NormalEquations.solve`).
public struct RidgeCriterionPath: Sendable {
  /// p.
  public let dimension: Int
  /// δ added to the diagonal of the scaled Gram (0 unless XᵀWX was numerically singular).
  public let jitter: Double
  let spectrum: RidgeSpectrum

  /// Reduces the statistics for the penalty `D = diag(penalty)`.
  ///
  /// - Parameters: as `RidgePath.init`.
  /// - Throws: `.invalidArgument`, `.dimensionMismatch`, `.notPositiveDefinite`, or a LAPACK
  ///   failure of the tridiagonal eigensolver.
  public init(
    _ equations: NormalEquations, penalty: [Double], observationCount: Int? = nil
  ) throws(LinearAlgebraError) {
    let pencil = try RidgePencil(equations, penalty: penalty, observationCount: observationCount)
    let p = pencil.order
    var a = pencil.relativePenalty
    var diagonal = [Double](repeating: 0, count: p)
    var offDiagonal = [Double](repeating: 0, count: Swift.max(1, p - 1))
    var tau = [Double](repeating: 0, count: Swift.max(1, p - 1))
    let p32 = Int32(p)
    try LAPACK.check("dsytrd", KernelClock.measure {
      LAPACKE_dsytrd(LAPACK.columnMajor, LAPACK.char("U"), p32, &a, p32, &diagonal,
        &offDiagonal, &tau)
    })
    var c = pencil.whitenedCrossProduct
    try LAPACK.check("dormtr", KernelClock.measure {
      LAPACKE_dormtr(LAPACK.columnMajor, LAPACK.char("L"), LAPACK.char("U"), LAPACK.char("T"),
        p32, 1, a, p32, tau, &c, p32)
    })
    var vectors = [Double](repeating: 0, count: p * p)
    try LAPACK.check(
      "dstedc",
      KernelClock.measure {
        LAPACKE_dstedc(LAPACK.columnMajor, LAPACK.char("I"), p32, &diagonal, &offDiagonal,
          &vectors, p32)
      }, positiveMeaning: "the eigenvalue algorithm did not converge")
    // z = Zᵀc; eigenvalues come back ascending.
    var z = [Double](repeating: 0, count: p)
    KernelClock.measure { cblas_dgemv(CblasColMajor, CblasTrans, p32, p32, 1, vectors, p32, c, 1,
      0, &z, 1) }
    dimension = p
    jitter = pencil.jitter
    spectrum = pencil.spectrum(
      theta: pencil.clampedSpectrum(diagonal), zSquared: z.map { $0 * $0 })
  }

  /// edf, RSS and GCV at `lambda`, O(p).
  public func criterion(lambda: Double) -> RidgeCriterion {
    spectrum.criterion(lambda)
  }

  /// Chooses λ (by GCV unless fixed): the best criterion and every one evaluated on the way.
  /// - Throws: `.invalidArgument` for a negative λ or a bad grid.
  public func choose(_ choice: LambdaChoice = .generalizedCrossValidation())
    throws(LinearAlgebraError) -> (best: RidgeCriterion, evaluated: [RidgeCriterion])
  {
    try spectrum.choose(choice)
  }
}
