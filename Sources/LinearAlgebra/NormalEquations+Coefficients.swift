import CLAPACKE

extension NormalEquations {
  /// The coefficients alone, for the many candidate solves of a cross-validation: Cholesky
  /// without the `dpocon` estimate and the residual sum of squares of `solve`.
  ///
  /// A cheap proxy guards the shortcut: the squared ratio of the smallest to the largest
  /// diagonal element of the factor, which bounds the reciprocal condition from above. A
  /// system that fails it, or the factorization, goes through `solve` with its eigen
  /// fallback, so the answer is the same as `solve(lambda:penalty:).coefficients`.
  /// - Throws: as `solve`.
  public func coefficients(lambda: Double, penalty: [Double]) throws(LinearAlgebraError)
    -> [Double]
  {
    BLASThreading.ensureSingleThreaded()
    let p = dimension
    guard p > 0 else { throw .invalidArgument(name: "dimension", reason: "is 0") }
    try Validation.checkLambda(lambda)
    try Validation.checkPenalty(penalty, columns: p)
    var (a, b, scales) = scaledSystem(lambda: lambda, penalty: penalty)
    let info = KernelClock.measure {
      LAPACKE_dpotrf_work(LAPACK.columnMajor, LAPACK.char("U"), Int32(p), &a, Int32(p))
    }
    var smallest = Double.infinity
    var largest = 0.0
    for j in 0..<p {
      smallest = Swift.min(smallest, abs(a[j + j * p]))
      largest = Swift.max(largest, abs(a[j + j * p]))
    }
    let proxy = largest > 0 ? (smallest / largest) * (smallest / largest) : 0
    guard info == 0, proxy >= Self.defaultMinimumReciprocalCondition * 1e3 else {
      return try solve(lambda: lambda, penalty: penalty).coefficients
    }
    let solved = KernelClock.measure {
      LAPACKE_dpotrs_work(
        LAPACK.columnMajor, LAPACK.char("U"), Int32(p), 1, a, Int32(p), &b, Int32(p))
    }
    try LAPACK.check("dpotrs", solved)
    return (0..<p).map { b[$0] * scales[$0] }
  }

  /// S (XᵀWX + λD) S (upper triangle) and S XᵀWy, with Sⱼⱼ a power of two near 1/√(diagonal),
  /// so that the scaling is exact in floating point and the condition reflects collinearity
  /// rather than units.
  func scaledSystem(lambda: Double, penalty d: [Double])
    -> (gram: [Double], rhs: [Double], scales: [Double])
  {
    let p = dimension
    var a = upperGram
    for j in 0..<p { a[j + j * p] += lambda * d[j] }
    let scales = (0..<p).map {
      ColumnScaling.powerOfTwoReciprocal(a[$0 + $0 * p].squareRoot())
    }
    for j in 0..<p {
      for i in 0...j { a[i + j * p] *= scales[i] * scales[j] }
    }
    let b = (0..<p).map { crossProduct[$0] * scales[$0] }
    return (a, b, scales)
  }
}
