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
/// Everything p³ depends on XᵀWX and D alone (`RidgeCriterionBasis`), so responses that
/// share them share it.
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
    let n = try RidgePencil.observationCount(observationCount, equations)
    self = try RidgeCriterionBasis(equations, penalty: penalty)
      .path(for: equations, observationCount: n)
  }

  init(dimension: Int, jitter: Double, spectrum: RidgeSpectrum) {
    self.dimension = dimension
    self.jitter = jitter
    self.spectrum = spectrum
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

/// The response-independent p³ part of `RidgeCriterionPath`: the pencil of (XᵀWX, D), the
/// tridiagonal reduction of M and T's spectrum and eigenvectors.
///
/// Why: series sampled on one grid with no rows left out have the same XᵀX and, with the
/// penalty derived from it, the same D; a batch builds this once and each series pays O(p²)
/// for its path (`path(for:)`).
public struct RidgeCriterionBasis: Sendable {
  let pencil: RidgePencil
  /// Householder reflectors of M = QTQᵀ (`dsytrd`'s output) and their factors.
  let reflectors: [Double]
  let tau: [Double]
  /// Eigenvectors Z of T, column-major p × p.
  let vectors: [Double]
  /// θ, ascending, the p − p₊ smallest set to 0.
  let theta: [Double]
  /// The Gram's diagonal, to refuse a response whose equations have another Gram.
  let gramDiagonal: [Double]

  /// - Throws: `.invalidArgument`, `.dimensionMismatch`, `.notPositiveDefinite`, or a LAPACK
  ///   failure of the tridiagonal eigensolver.
  public init(_ equations: NormalEquations, penalty: [Double]) throws(LinearAlgebraError) {
    let pencil = try RidgePencil(equations, penalty: penalty)
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
    var vectors = [Double](repeating: 0, count: p * p)
    try LAPACK.check(
      "dstedc",
      KernelClock.measure {
        LAPACKE_dstedc(LAPACK.columnMajor, LAPACK.char("I"), p32, &diagonal, &offDiagonal,
          &vectors, p32)
      }, positiveMeaning: "the eigenvalue algorithm did not converge")
    self.pencil = pencil
    reflectors = a
    self.tau = tau
    self.vectors = vectors
    // Eigenvalues come back ascending.
    theta = pencil.clampedSpectrum(diagonal)
    gramDiagonal = (0..<p).map { equations.upperGram[$0 + $0 * p] }
  }

  /// The criterion path of the response in `equations`, which must have the Gram this basis
  /// was built from: O(p²).
  /// - Throws: `.invalidArgument` when the Gram differs (checked on its diagonal) or n ≤ 0.
  public func path(for equations: NormalEquations, observationCount: Int? = nil)
    throws(LinearAlgebraError) -> RidgeCriterionPath
  {
    let p = pencil.order
    guard equations.dimension == p,
      (0..<p).allSatisfy({ equations.upperGram[$0 + $0 * p] == gramDiagonal[$0] })
    else {
      throw .invalidArgument(name: "equations", reason: "have another Gram than the basis")
    }
    let n = try RidgePencil.observationCount(observationCount, equations)
    // c = Qᵀw, then z = Zᵀc.
    var c = try pencil.whiten(equations.crossProduct)
    let p32 = Int32(p)
    try LAPACK.check("dormtr", KernelClock.measure {
      LAPACKE_dormtr(LAPACK.columnMajor, LAPACK.char("L"), LAPACK.char("U"), LAPACK.char("T"),
        p32, 1, reflectors, p32, tau, &c, p32)
    })
    var z = [Double](repeating: 0, count: p)
    KernelClock.measure { cblas_dgemv(CblasColMajor, CblasTrans, p32, p32, 1, vectors, p32, c, 1,
      0, &z, 1) }
    return RidgeCriterionPath(
      dimension: p, jitter: pencil.jitter,
      spectrum: RidgePencil.spectrum(
        theta: theta, zSquared: z.map { $0 * $0 },
        responseSumOfSquares: equations.responseSumOfSquares, observationCount: n))
  }
}
