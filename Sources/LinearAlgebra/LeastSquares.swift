import CLAPACKE

/// Linear least squares: β̂ = argmin Σ wᵢ (yᵢ − xᵢᵀβ)², the general-purpose, accuracy-first path.
///
/// Every method equilibrates the columns first (see `ColumnScaling`), works on at most one copy
/// of the design (LAPACK overwrites its input) and never trusts `info == 0` alone: the rank is
/// decided explicitly against a documented `rcond`. For the fast normal-equations path used by
/// the traffic model, see `NormalEquations`.
public enum LeastSquares {
  /// Solves min_β Σ wᵢ (yᵢ − xᵢᵀβ)².
  ///
  /// Weighted least squares multiplies row i of X and y by √wᵢ and solves the ordinary problem;
  /// rows of weight 0 then contribute nothing and are not counted as observations.
  ///
  /// Cost: one Householder QR, about 2·n·p² flops, plus O(p³) for the rank decision.
  /// - Parameters:
  ///   - design: X, n × p.
  ///   - response: y, length n.
  ///   - weights: wᵢ ≥ 0, length n, or `nil` for ordinary least squares.
  ///   - method: `.default` (pivoted QR, rcond 1e-12) unless there is a reason otherwise.
  /// - Throws: `.dimensionMismatch`, `.nonFiniteValue`, `.invalidArgument` for bad input;
  ///   `.rankDeficient` only from `.householderQR`.
  public static func solve(
    _ design: Matrix, _ response: [Double], weights: [Double]? = nil,
    method: LeastSquaresMethod = .default
  ) throws(LinearAlgebraError) -> LeastSquaresSolution {
    BLASThreading.ensureSingleThreaded()
    let n = design.rows
    let p = design.columns
    guard n > 0, p > 0 else {
      throw .invalidArgument(name: "design", reason: "is \(n)x\(p); it needs rows and columns")
    }
    _ = try Validation.lapackInt(n, "rows")
    _ = try Validation.lapackInt(p, "columns")
    try Validation.requireCount(response.count, n, "response length")
    try Validation.requireFinite(response, argument: "response")
    try Validation.checkRcond(method.rcond)
    var observationCount = n
    var sqrtWeights: [Double]? = nil
    if let weights {
      observationCount = try Validation.checkWeights(weights, rows: n)
      guard observationCount > 0 else {
        throw .invalidArgument(name: "weights", reason: "all weights are zero")
      }
      sqrtWeights = weights.map { $0.squareRoot() }
    }
    if case .householderQR = method, n < p {
      throw .invalidArgument(
        name: "method", reason: "householderQR needs rows >= columns (\(n) < \(p))")
    }

    let solved: TriangularReduction.Solution
    let factor: TriangularFactor
    let scales: [Double]
    switch method {
    case .pivotedQR(let rcond), .svd(let rcond):
      scales = try ColumnScaling.powerOfTwoScales(design: design, sqrtWeights: sqrtWeights)
      let reduction = try TriangularReduction(
        design: design, response: response, scales: scales, sqrtWeights: sqrtWeights)
      if case .svd = method {
        solved = try reduction.solveSVD(rcond: rcond)
      } else {
        solved = try reduction.solvePivoted(rcond: rcond)
      }
      factor = TriangularFactor(r: reduction.r, p: p, scales: scales)
    case .householderQR(let rcond):
      var system = try EquilibratedSystem(
        design: design, response: response, sqrtWeights: sqrtWeights)
      scales = system.scales
      (solved, factor) = try solveHouseholder(&system, rcond: rcond)
    }

    let coefficients = zip(solved.coefficients, scales).map { $0 * $1 }
    return LeastSquaresSolution(
      coefficients: coefficients, rank: solved.rank, droppedColumns: solved.dropped,
      residualSumOfSquares: solved.residualSumOfSquares,
      totalSumOfSquares: centeredSumOfSquares(response, weights: weights),
      observationCount: observationCount,
      residualDegreesOfFreedom: observationCount - solved.rank,
      method: method, factor: factor)
  }

  /// Plain `dgels`, followed by the `dtrcon` check that makes it safe to return.
  private static func solveHouseholder(
    _ system: inout EquilibratedSystem, rcond: Double
  ) throws(LinearAlgebraError) -> (TriangularReduction.Solution, TriangularFactor) {
    let n = system.rows
    let p = system.columns
    let (n32, p32) = (Int32(n), Int32(p))
    let trans = LAPACK.char("N")
    var query = 0.0
    var info = KernelClock.measure { LAPACKE_dgels_work(
      LAPACK.columnMajor, trans, n32, p32, 1, &system.design, n32, &system.response, n32,
      &query, -1) }
    try LAPACK.check("dgels", info)
    var work = [Double](repeating: 0, count: LAPACK.workspaceLength(query, minimum: 2 * p))
    info = KernelClock.measure { LAPACKE_dgels_work(
      LAPACK.columnMajor, trans, n32, p32, 1, &system.design, n32, &system.response, n32,
      &work, Int32(work.count)) }
    // dgels reports info > 0 only for an exactly zero diagonal of R; treat it like any other
    // rank deficiency.
    if info > 0 {
      throw .rankDeficient(routine: "dgels", reciprocalCondition: 0, threshold: rcond)
    }
    try LAPACK.check("dgels", info)
    let reciprocalCondition = try system.design.withUnsafeBufferPointer {
      (a) throws(LinearAlgebraError) -> Double in
      guard let base = a.baseAddress else { return 0 }
      return try LAPACK.triangularReciprocalCondition(base, order: p, lda: n)
    }
    guard reciprocalCondition >= rcond else {
      throw .rankDeficient(
        routine: "dgels", reciprocalCondition: reciprocalCondition, threshold: rcond)
    }
    var r = [Double](repeating: 0, count: p * p)
    for j in 0..<p {
      for i in 0...j { r[i + j * p] = system.design[i + j * n] }
    }
    var rss = 0.0
    for i in p..<n { rss += system.response[i] * system.response[i] }
    let solution = TriangularReduction.Solution(
      coefficients: Array(system.response[0..<p]), rank: p, dropped: [],
      residualSumOfSquares: rss)
    return (solution, TriangularFactor(r: r, p: p, scales: system.scales))
  }

  /// Σ wᵢ (yᵢ − ȳ_w)², two-pass for accuracy when the mean is large relative to the spread.
  static func centeredSumOfSquares(_ y: [Double], weights: [Double]?) -> Double {
    var weightSum = 0.0, weightedSum = 0.0
    for i in y.indices {
      let w = weights?[i] ?? 1
      weightSum += w
      weightedSum += w * y[i]
    }
    let mean = weightedSum / weightSum
    var sum = 0.0
    for i in y.indices {
      let d = y[i] - mean
      sum += (weights?[i] ?? 1) * d * d
    }
    return sum
  }
}
