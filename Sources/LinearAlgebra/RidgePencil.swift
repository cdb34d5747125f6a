import CLAPACKE

/// The pair (XᵀWX, D) reduced to one symmetric matrix, shared by the two ridge paths.
///
/// With the Cholesky factorization S XᵀWX S = LLᵀ (S: power-of-two column scales, exact), the
/// penalty relative to the Gram is M = L⁻¹ S D S L⁻ᵀ and the response in the same coordinates
/// is w = L⁻¹ S XᵀWy. Every ridge quantity follows from the eigendecomposition M = UΘUᵀ and
/// z = Uᵀw (see `RidgePath`). If the Gram is not numerically positive definite, δI is added
/// to the scaled Gram first (δ = 1e-10, ×100 up to 1e-4) until `dpotrf` succeeds with a
/// reciprocal condition ≥ 1e-14.
struct RidgePencil: Sendable {
  let order: Int
  /// Number of columns with a positive penalty factor: rank(M).
  let penalizedCount: Int
  /// Upper triangle of M, column-major p × p.
  let relativePenalty: [Double]
  /// Upper Cholesky factor Lᵀ of the scaled Gram (strict lower triangle zeroed).
  let factor: [Double]
  let jitter: Double
  /// S.
  let scales: [Double]

  /// Validates the inputs and reduces the pair; only the Gram of `equations` is read, so
  /// problems that share XᵀWX and D share the pencil.
  /// - Throws: `.invalidArgument` (no columns, bad penalty), `.dimensionMismatch`,
  ///   `.notPositiveDefinite`.
  init(_ equations: NormalEquations, penalty: [Double]) throws(LinearAlgebraError) {
    BLASThreading.ensureSingleThreaded()
    let p = equations.dimension
    guard p > 0 else { throw .invalidArgument(name: "dimension", reason: "is 0") }
    try Validation.checkPenalty(penalty, columns: p)
    let gram = equations.upperGram
    let scales = (0..<p).map {
      ColumnScaling.powerOfTwoReciprocal(gram[$0 + $0 * p].squareRoot())
    }
    var scaledGram = gram
    for j in 0..<p {
      for i in 0...j { scaledGram[i + j * p] *= scales[i] * scales[j] }
    }
    let (factor, jitter) = try Self.choleskyWithJitter(scaledGram, order: p)

    // R = L⁻¹ S D^½ (penalized columns only), then M = RRᵀ.
    let penalized = (0..<p).filter { penalty[$0] > 0 }
    let p1 = penalized.count
    var root = [Double](repeating: 0, count: p * Swift.max(p1, 1))
    for (k, j) in penalized.enumerated() {
      root[j + k * p] = (penalty[j] * scales[j] * scales[j]).squareRoot()
    }
    var m = [Double](repeating: 0, count: p * p)
    if p1 > 0 {
      KernelClock.measure { cblas_dtrsm(CblasColMajor, CblasLeft, CblasUpper, CblasTrans, CblasNonUnit,
        Int32(p), Int32(p1), 1, factor, Int32(p), &root, Int32(p)) }
      KernelClock.measure { cblas_dsyrk(CblasColMajor, CblasUpper, CblasNoTrans, Int32(p), Int32(p1), 1, root,
        Int32(p), 0, &m, Int32(p)) }
    }
    order = p
    penalizedCount = p1
    relativePenalty = m
    self.factor = factor
    self.jitter = jitter
    self.scales = scales
  }

  /// w = L⁻¹ S XᵀWy: a response's cross-product in the pencil's coordinates.
  /// - Throws: `.dimensionMismatch` for a cross-product of another length.
  func whiten(_ crossProduct: [Double]) throws(LinearAlgebraError) -> [Double] {
    try Validation.requireCount(crossProduct.count, order, "cross-product length")
    var w = (0..<order).map { crossProduct[$0] * scales[$0] }
    KernelClock.measure { cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, Int32(order), factor,
      Int32(order), &w, 1) }
    return w
  }

  /// n for GCV: `observationCount` if given, else the rows accumulated, and positive.
  static func observationCount(_ given: Int?, _ equations: NormalEquations)
    throws(LinearAlgebraError) -> Int
  {
    let n = given ?? equations.observationCount
    guard n > 0 else {
      throw .invalidArgument(name: "observationCount", reason: "\(n) is not positive")
    }
    return n
  }

  /// Ascending eigenvalues of M with the p − p₊ smallest set to exactly 0 (rank(M) = p₊, so
  /// they are zeros up to rounding) and tiny negatives among the rest clamped.
  func clampedSpectrum(_ ascending: [Double]) -> [Double] {
    ascending.enumerated().map {
      $0.offset < order - penalizedCount ? 0 : Swift.max(0, $0.element)
    }
  }

  /// The λ-dependence of the ridge problem from the spectrum θ and zᵢ², for the response
  /// with sum of squares yᵀWy over `observationCount` rows.
  static func spectrum(
    theta: [Double], zSquared: [Double], responseSumOfSquares: Double, observationCount: Int
  ) -> RidgeSpectrum {
    let base = responseSumOfSquares - zSquared.reduce(0, +)
    return RidgeSpectrum(
      theta: theta, zSquared: zSquared, baseResidual: Swift.max(0, base),
      baseDegreesOfFreedom: 0, observationCount: observationCount)
  }

  /// Upper Cholesky factor of `upper`, adding δI (δ = 1e-10, ×100 up to 1e-4) until it
  /// factors with reciprocal condition ≥ 1e-14.
  static func choleskyWithJitter(
    _ upper: [Double], order p: Int
  ) throws(LinearAlgebraError) -> (factor: [Double], jitter: Double) {
    var jitter = 0.0
    var lastInfo: Int32 = 0
    while jitter <= 1e-4 {
      var a = upper
      for j in 0..<p { a[j + j * p] += jitter }
      lastInfo = KernelClock.measure { LAPACKE_dpotrf_work(LAPACK.columnMajor, LAPACK.char("U"), Int32(p), &a, Int32(p)) }
      if lastInfo == 0 {
        var shifted = upper
        for j in 0..<p { shifted[j + j * p] += jitter }
        let rcond = try NormalEquations.choleskyReciprocalCondition(
          factor: a, original: shifted, order: p)
        if rcond >= 1e-14 {
          LAPACK.zeroStrictLower(&a, order: p)
          return (a, jitter)
        }
      } else if lastInfo < 0 {
        try LAPACK.check("dpotrf", lastInfo)
      }
      jitter = jitter == 0 ? 1e-10 : jitter * 100
    }
    throw .notPositiveDefinite(routine: "dpotrf", info: Int(lastInfo))
  }
}
