import CLAPACKE

/// Solves (XᵀWX + λD) β = XᵀWy for many penalties D that differ only on a few columns: the
/// factorization of the other columns is done once, and each penalty costs a Cholesky of the
/// varying block alone.
///
/// Why: choosing the changepoint strength by cross-validation and making the changepoints
/// sparse solve the same normal equations again and again with only the slope-change and
/// level-shift penalties changed. Ordering the fixed columns F first, a Cholesky factor is
///   [U_FF  W ]        U_FFᵀU_FF = A_FF,  W = U_FF⁻ᵀ A_FV,
///   [0    U_VV],      U_VVᵀU_VV = A_VV + λD_V − WᵀW,
/// and only U_VV depends on the varying penalty. This is the block form of the same Cholesky
/// `NormalEquations.coefficients` computes (in another column order), so it answers the same
/// system; with a quarter of the columns varying, a new penalty costs about 1/60 of a full
/// factorization.
///
/// Scaling follows `NormalEquations.scaledSystem`: every column is scaled by a power of two
/// near 1/√(its diagonal of XᵀWX + λD), which is exact in floating point. The same cheap
/// condition proxy guards each solve (the squared ratio of the smallest to the largest
/// diagonal entry of both factors); a system that fails it, or whose fixed block does not
/// factor, goes through `NormalEquations.coefficients` instead.
public struct VaryingPenaltyFactorization: Sendable {
  let equations: NormalEquations
  public let lambda: Double
  /// The penalty the fixed columns were factored with (its varying entries are ignored).
  let basePenalty: [Double]
  let fixed: [Int]
  let varying: [Int]
  /// Power-of-two scales of the fixed columns.
  let fixedScales: [Double]
  /// U_FF (upper, pF × pF, column-major), or empty when the fixed block did not factor.
  let fixedFactor: [Double]
  /// W = U_FF⁻ᵀ S_F A_FV, pF × pV.
  let coupling: [Double]
  /// A_VV − WᵀW without the varying penalty (upper, pV × pV), unscaled.
  let schurBase: [Double]
  /// U_FF⁻ᵀ S_F (XᵀWy)_F.
  let fixedRHS: [Double]
  /// (XᵀWy)_V − Wᵀ fixedRHS.
  let varyingRHS: [Double]
  /// Smallest and largest |diagonal| of U_FF.
  let fixedDiagonalRange: (smallest: Double, largest: Double)

  /// Factors the columns outside `varying` with `lambda` and `penalty`.
  /// - Parameters:
  ///   - varying: the columns whose penalty will change (each at most once, any order).
  /// - Throws: `.invalidArgument` for a bad λ, penalty or column index.
  public init(
    _ equations: NormalEquations, lambda: Double, penalty: [Double], varying: [Int]
  ) throws(LinearAlgebraError) {
    BLASThreading.ensureSingleThreaded()
    let p = equations.dimension
    guard p > 0 else { throw .invalidArgument(name: "dimension", reason: "is 0") }
    try Validation.checkLambda(lambda)
    try Validation.checkPenalty(penalty, columns: p)
    var isVarying = [Bool](repeating: false, count: p)
    for j in varying {
      guard j >= 0, j < p, !isVarying[j] else {
        throw .invalidArgument(name: "varying", reason: "column \(j) is out of range or repeated")
      }
      isVarying[j] = true
    }
    let v = varying.sorted()
    let f = (0..<p).filter { !isVarying[$0] }
    let (pF, pV) = (f.count, v.count)
    let g = equations.upperGram

    self.equations = equations
    self.lambda = lambda
    self.basePenalty = penalty
    self.fixed = f
    self.varying = v
    let scalesF = f.map { j in
      ColumnScaling.powerOfTwoReciprocal((g[j + j * p] + lambda * penalty[j]).squareRoot())
    }
    fixedScales = scalesF

    var factor = [Double](repeating: 0, count: pF * pF)
    // Both index lists ascend, so i ≤ j within the upper triangle: read it directly. Every
    // operand through a buffer pointer: these gathers run once per rolling origin, and the
    // arrays' checked subscripts had cost as much as the copying.
    g.withUnsafeBufferPointer { source in
      factor.withUnsafeMutableBufferPointer { target in
        f.withUnsafeBufferPointer { f in
          scalesF.withUnsafeBufferPointer { scalesF in
            for b in 0..<pF {
              let column = f[b] * p
              let scale = scalesF[b]
              for a in 0...b { target[a + b * pF] = source[f[a] + column] * scalesF[a] * scale }
              target[b + b * pF] += lambda * penalty[f[b]] * scale * scale
            }
          }
        }
      }
    }
    let info = pF == 0 ? 0 : KernelClock.measure {
      LAPACKE_dpotrf_work(LAPACK.columnMajor, LAPACK.char("U"), Int32(pF), &factor, Int32(pF))
    }
    guard info == 0 else {
      // The fallback path (`NormalEquations.coefficients`) handles every solve.
      fixedFactor = []
      coupling = []
      schurBase = []
      fixedRHS = []
      varyingRHS = []
      fixedDiagonalRange = (0, 0)
      return
    }
    var smallest = Double.infinity
    var largest = 0.0
    for a in 0..<pF {
      smallest = Swift.min(smallest, abs(factor[a + a * pF]))
      largest = Swift.max(largest, abs(factor[a + a * pF]))
    }
    fixedDiagonalRange = (smallest, largest)
    fixedFactor = factor

    // Gathers from the upper triangle run once per rolling origin: read through pointers, and
    // the (min, max) index instead of a branch on which triangle holds the entry.
    var w = [Double](repeating: 0, count: Swift.max(1, pF * pV))
    var schur = [Double](repeating: 0, count: Swift.max(1, pV * pV))
    g.withUnsafeBufferPointer { source in
      f.withUnsafeBufferPointer { f in
        v.withUnsafeBufferPointer { v in
          scalesF.withUnsafeBufferPointer { scalesF in
            w.withUnsafeMutableBufferPointer { target in
              for b in 0..<pV {
                let j = v[b]
                for a in 0..<pF {
                  let i = f[a]
                  target[a + b * pF] = source[Swift.min(i, j) + Swift.max(i, j) * p] * scalesF[a]
                }
              }
            }
          }
          schur.withUnsafeMutableBufferPointer { target in
            for b in 0..<pV {
              let column = v[b] * p
              for a in 0...b { target[a + b * pV] = source[v[a] + column] }
            }
          }
        }
      }
    }
    var rhsF = (0..<pF).map { equations.crossProduct[f[$0]] * scalesF[$0] }
    var rhsV = v.map { equations.crossProduct[$0] }
    if pF > 0 && pV > 0 {
      let (f32, v32) = (Int32(pF), Int32(pV))
      KernelClock.measure {
        cblas_dtrsm(CblasColMajor, CblasLeft, CblasUpper, CblasTrans, CblasNonUnit, f32, v32, 1,
          factor, f32, &w, f32)
      }
      KernelClock.measure {
        cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, v32, f32, -1, w, f32, 1, &schur, v32)
      }
    }
    if pF > 0 {
      KernelClock.measure {
        cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, Int32(pF), factor,
          Int32(pF), &rhsF, 1)
      }
      if pV > 0 {
        KernelClock.measure {
          cblas_dgemv(CblasColMajor, CblasTrans, Int32(pF), Int32(pV), -1, w, Int32(pF), rhsF, 1,
            1, &rhsV, 1)
        }
      }
    }
    coupling = w
    schurBase = schur
    fixedRHS = rhsF
    varyingRHS = rhsV
  }

  /// β for `penalty`, whose entries outside the varying columns must equal those given at
  /// initialisation (otherwise, or when the proxy flags the system, the full solve answers).
  /// - Throws: as `NormalEquations.coefficients(lambda:penalty:)`.
  public func coefficients(penalty: [Double]) throws(LinearAlgebraError) -> [Double] {
    let p = equations.dimension
    try Validation.checkPenalty(penalty, columns: p)
    let matchesFixed = fixed.allSatisfy { penalty[$0] == basePenalty[$0] }
    guard !fixedFactor.isEmpty || fixed.isEmpty, matchesFixed, let beta = blockSolve(penalty)
    else {
      return try equations.coefficients(lambda: lambda, penalty: penalty)
    }
    return beta
  }

  /// The block solve, or nil when the varying block fails to factor or the proxy flags it.
  private func blockSolve(_ penalty: [Double]) -> [Double]? {
    let p = equations.dimension
    let (pF, pV) = (fixed.count, varying.count)
    let g = equations.upperGram
    let scalesV = varying.map { j in
      ColumnScaling.powerOfTwoReciprocal((g[j + j * p] + lambda * penalty[j]).squareRoot())
    }
    var block = schurBase
    block.withUnsafeMutableBufferPointer { block in
      scalesV.withUnsafeBufferPointer { scalesV in
        for b in 0..<pV {
          block[b + b * pV] += lambda * penalty[varying[b]]
          for a in 0...b { block[a + b * pV] *= scalesV[a] * scalesV[b] }
        }
      }
    }
    var smallest = fixed.isEmpty ? Double.infinity : fixedDiagonalRange.smallest
    var largest = fixed.isEmpty ? 0 : fixedDiagonalRange.largest
    var xV = (0..<pV).map { varyingRHS[$0] * scalesV[$0] }
    if pV > 0 {
      let info = KernelClock.measure {
        LAPACKE_dpotrf_work(LAPACK.columnMajor, LAPACK.char("U"), Int32(pV), &block, Int32(pV))
      }
      guard info == 0 else { return nil }
      for b in 0..<pV {
        smallest = Swift.min(smallest, abs(block[b + b * pV]))
        largest = Swift.max(largest, abs(block[b + b * pV]))
      }
    }
    let proxy = largest > 0 ? (smallest / largest) * (smallest / largest) : 0
    guard proxy >= NormalEquations.defaultMinimumReciprocalCondition * 1e3 else { return nil }
    if pV > 0 {
      let solved = KernelClock.measure {
        LAPACKE_dpotrs_work(
          LAPACK.columnMajor, LAPACK.char("U"), Int32(pV), 1, block, Int32(pV), &xV, Int32(pV))
      }
      guard solved == 0 else { return nil }
      for b in 0..<pV { xV[b] *= scalesV[b] }
    }
    var beta = [Double](repeating: 0, count: p)
    for (b, j) in varying.enumerated() { beta[j] = xV[b] }
    if pF > 0 {
      // U_FF u = fixedRHS − W β_V, β_F = S_F u.
      var u = fixedRHS
      if pV > 0 {
        KernelClock.measure {
          cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(pF), Int32(pV), -1, coupling, Int32(pF),
            xV, 1, 1, &u, 1)
        }
      }
      KernelClock.measure {
        cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, Int32(pF), fixedFactor,
          Int32(pF), &u, 1)
      }
      for (a, j) in fixed.enumerated() { beta[j] = u[a] * fixedScales[a] }
    }
    return beta
  }
}
