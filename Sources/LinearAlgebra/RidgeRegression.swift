import CLAPACKE

/// Ridge regression from a single SVD, the accuracy-first counterpart of `RidgePath`:
/// β(λ) = argmin ‖y − Xβ‖² + λ Σ dⱼ βⱼ², with dⱼ ≥ 0 and dⱼ = 0 leaving column j unpenalized.
public enum RidgeRegression {
  /// Fits ridge regression with λ fixed or chosen by GCV, working on the design itself (never
  /// forming XᵀX), so it stays accurate on ill-conditioned designs.
  ///
  /// Method: order the columns as [X₀ | X₊ D₊^{-1/2}] (unpenalized first, penalized columns
  /// rescaled so the penalty becomes λ‖γ‖²) and reduce by one Householder QR to
  /// [R₀₀ R₀₁; 0 R₁₁] and c = [c₀; c₁]. For any β₊ the best β₀ solves R₀₀β₀ = c₀ − R₀₁γ, so the
  /// problem becomes min ‖c₁ − R₁₁γ‖² + λ‖γ‖² plus the residual floor. With R₁₁ = UΣVᵀ and
  /// g = Uᵀc₁ the closed forms are
  ///   γ(λ) = V diag(σᵢ/(σᵢ² + λ)) g,   edf(λ) = p₀ + Σ σᵢ²/(σᵢ² + λ),
  ///   RSS(λ) = floor + Σ (λ/(σᵢ² + λ))² gᵢ²,   GCV(λ) = n·RSS/(n − edf)²,
  /// O(p) per λ after the O(n·p²) QR and the O(p³) SVD. Only the unpenalized columns are
  /// equilibrated (by exact powers of two): for penalized columns the penalty itself fixes the
  /// scale, and rescaling them would change the estimator rather than just its conditioning.
  /// - Parameters:
  ///   - design: X, n × p with n ≥ p.
  ///   - response: y, length n.
  ///   - penalty: dⱼ ≥ 0 per column; `nil` means all ones.
  ///   - choice: λ fixed, or chosen by GCV (default).
  /// - Throws: `.dimensionMismatch`, `.nonFiniteValue`, `.invalidArgument`; `.rankDeficient`
  ///   when the unpenalized columns alone are collinear (no penalty can identify them).
  public static func fit(
    design: Matrix, response: [Double], penalty: [Double]? = nil,
    choice: LambdaChoice = .generalizedCrossValidation()
  ) throws(LinearAlgebraError) -> RidgeFit {
    BLASThreading.ensureSingleThreaded()
    let n = design.rows
    let p = design.columns
    guard p > 0, n >= p else {
      throw .invalidArgument(name: "design", reason: "is \(n)x\(p); ridge needs rows >= columns")
    }
    _ = try Validation.lapackInt(n, "rows")
    try Validation.requireCount(response.count, n, "response length")
    try Validation.requireFinite(response, argument: "response")
    let d = penalty ?? [Double](repeating: 1, count: p)
    try Validation.checkPenalty(d, columns: p)
    try Validation.requireFinite(design.storage, argument: "design")

    let free = (0..<p).filter { d[$0] == 0 }
    let penalized = (0..<p).filter { d[$0] > 0 }
    let order = free + penalized
    let p0 = free.count
    var columnScales = [Double](repeating: 1, count: p)  // β_original[order[k]] = scale · γ[k]
    for (k, j) in order.enumerated() {
      if k < p0 {
        let norm = design.column(j).reduce(0) { $0 + $1 * $1 }.squareRoot()
        columnScales[k] = ColumnScaling.powerOfTwoReciprocal(norm)
      } else {
        columnScales[k] = 1 / d[j].squareRoot()
      }
    }
    let reduction = try TriangularReduction(
      design: design, response: response, scales: columnScales, sqrtWeights: nil,
      columnOrder: order)
    let r = reduction.r  // p × p, leading dimension p (n ≥ p)
    if p0 > 0 {
      let rcond = try r.withUnsafeBufferPointer { (buffer) throws(LinearAlgebraError) -> Double in
        guard let base = buffer.baseAddress else { return 0 }
        return try LAPACK.triangularReciprocalCondition(base, order: p0, lda: p)
      }
      guard rcond >= LeastSquaresMethod.defaultRcond else {
        throw .rankDeficient(
          routine: "dtrcon (unpenalized columns)", reciprocalCondition: rcond,
          threshold: LeastSquaresMethod.defaultRcond)
      }
    }
    let p1 = p - p0
    let svd = try TrailingSVD(reduction: reduction, leading: p0)
    // σ = 0 directions cannot be fitted at any λ: their g² is residual, their edf is 0.
    var theta: [Double] = []
    var zSquared: [Double] = []
    var floor = reduction.residualFloor
    for l in 0..<p1 {
      let sigma = svd.singularValues[l]
      let inverseSquare = 1 / (sigma * sigma)
      if sigma > 0 && inverseSquare.isFinite {
        theta.append(inverseSquare)
        zSquared.append(svd.g[l] * svd.g[l])
      } else {
        floor += svd.g[l] * svd.g[l]
      }
    }
    let spectrum = RidgeSpectrum(
      theta: theta, zSquared: zSquared, baseResidual: floor,
      baseDegreesOfFreedom: Double(p0), observationCount: n)
    let (best, evaluated) = try spectrum.choose(choice)

    // γ₊ = V diag(σ/(σ² + λ)) g, then γ₀ from R₀₀γ₀ = c₀ − R₀₁γ₊.
    var gamma = [Double](repeating: 0, count: p)
    for l in 0..<p1 {
      let sigma = svd.singularValues[l]
      guard sigma > 0 else { continue }
      let weight = sigma / (sigma * sigma + best.lambda) * svd.g[l]
      for k in 0..<p1 { gamma[p0 + k] += svd.vt[l + k * p1] * weight }
    }
    if p0 > 0 {
      var rhs = Array(reduction.qtb[0..<p0])
      for i in 0..<p0 {
        for k in p0..<p { rhs[i] -= r[i + k * p] * gamma[k] }
      }
      KernelClock.measure { cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, Int32(p0), r,
        Int32(p), &rhs, 1) }
      for i in 0..<p0 { gamma[i] = rhs[i] }
    }
    var coefficients = [Double](repeating: 0, count: p)
    for (k, j) in order.enumerated() { coefficients[j] = gamma[k] * columnScales[k] }
    return RidgeFit(
      criterion: best, coefficients: coefficients, evaluated: evaluated, observationCount: n)
  }
}

/// The SVD R₁₁ = UΣVᵀ of the trailing block of a reduced triangle, with g = Uᵀc₁.
private struct TrailingSVD {
  let singularValues: [Double]
  /// Vᵀ, column-major p₁ × p₁.
  let vt: [Double]
  let g: [Double]

  init(reduction: TriangularReduction, leading p0: Int) throws(LinearAlgebraError) {
    let p = reduction.p
    let p1 = p - p0
    var block = [Double](repeating: 0, count: p1 * p1)
    for j in 0..<p1 {
      for i in 0...j { block[i + j * p1] = reduction.r[(p0 + i) + (p0 + j) * p] }
    }
    var s = [Double](repeating: 0, count: p1)
    var u = [Double](repeating: 0, count: p1 * p1)
    var vt = [Double](repeating: 0, count: p1 * p1)
    if p1 > 0 {
      let info = KernelClock.measure { LAPACKE_dgesdd(
        LAPACK.columnMajor, LAPACK.char("A"), Int32(p1), Int32(p1), &block, Int32(p1), &s,
        &u, Int32(p1), &vt, Int32(p1)) }
      try LAPACK.check("dgesdd", info, positiveMeaning: "the SVD did not converge")
    }
    let c1 = Array(reduction.qtb[p0..<p])
    g = (0..<p1).map { l in
      var sum = 0.0
      for i in 0..<p1 { sum += u[i + l * p1] * c1[i] }
      return sum
    }
    singularValues = s
    self.vt = vt
  }
}
