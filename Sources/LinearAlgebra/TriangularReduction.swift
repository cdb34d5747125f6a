import CLAPACKE

/// A least-squares problem min‖Aβ − b‖ reduced by Householder QR, [A b] = Q·[R c; 0 ρ], to the
/// small problem min‖Rβ − c‖ with R upper triangular p × p.
///
/// Because Q is orthogonal, ‖Aβ − b‖² = ‖Rβ − c‖² + ρ² for every β, so the two problems have the
/// same minimizers, the same minimum-norm solution and the same rank; all rank decisions can
/// then be made on the p × p triangle in O(p³), after the single O(n·p²) pass.
///
/// The QR is computed by streaming row blocks (a "tall-skinny QR"): the triangle so far is
/// stacked on the next block of rows and re-triangularized with `dtpqrt`, which exploits the
/// triangle's zeros. Appending b as an extra column yields Qᵀb and the residual ρ² without ever
/// forming Q. The flop count matches one Householder QR of the whole matrix (2·n·p²), but each
/// block stays in cache while `dgeqrf` on a tall matrix streams its panels from memory, and the
/// equilibrated, weighted working copy is one block rather than the whole n × p design.
struct TriangularReduction: Sendable {
  /// p × p upper-triangular R, column-major with leading dimension p.
  let r: [Double]
  /// c: the first p entries of Qᵀb.
  let qtb: [Double]
  /// ρ² = ‖(Qᵀb)[p..<n]‖²: the residual that no coefficients can remove.
  let residualFloor: Double
  let p: Int

  /// Rows per streamed block: large enough that the re-triangularization of the p × p triangle
  /// per block (about p³ flops) is small beside the 2·rows·p² of the block itself, small
  /// enough that a block of 150 columns stays within a few megabytes of cache.
  static let blockRows = 1024

  /// Reduces min‖diag(√w) (A S) γ − diag(√w) b‖ where column k of A S is
  /// `scales[k] · design[:, columnOrder[k]]`.
  ///
  /// - Parameters:
  ///   - columnOrder: which design column goes to position k (default: the identity).
  ///   - scales: one per position (after reordering).
  init(
    design x: Matrix, response y: [Double], scales: [Double], sqrtWeights: [Double]?,
    columnOrder: [Int]? = nil
  ) throws(LinearAlgebraError) {
    let n = x.rows
    let p = scales.count
    let q = p + 1
    let order = columnOrder ?? Array(0..<p)
    let m = Swift.max(1, Swift.min(Self.blockRows, n))
    let nb = Swift.min(32, q)
    var top = [Double](repeating: 0, count: q * q)
    var block = [Double](repeating: 0, count: m * q)
    var t = [Double](repeating: 0, count: nb * q)
    var work = [Double](repeating: 0, count: nb * q)
    var start = 0
    while start < n {
      let count = Swift.min(m, n - start)
      x.withUnsafeBufferPointer { source in
        block.withUnsafeMutableBufferPointer { target in
          for (k, j) in order.enumerated() {
            let from = start + j * n
            let to = k * m
            let s = scales[k]
            if let sqrtWeights {
              for i in 0..<count { target[to + i] = source[from + i] * s * sqrtWeights[start + i] }
            } else {
              for i in 0..<count { target[to + i] = source[from + i] * s }
            }
          }
          for i in 0..<count { target[p * m + i] = y[start + i] * (sqrtWeights?[start + i] ?? 1) }
        }
      }
      let info = KernelClock.measure { LAPACKE_dtpqrt_work(
        LAPACK.columnMajor, Int32(count), Int32(q), 0, Int32(nb), &top, Int32(q), &block,
        Int32(m), &t, Int32(nb), &work) }
      try LAPACK.check("dtpqrt", info)
      start += count
    }
    var r = [Double](repeating: 0, count: p * p)
    for j in 0..<p {
      for i in 0...j { r[i + j * p] = top[i + j * q] }
    }
    let rho = top[p + p * q]
    self.r = r
    self.qtb = (0..<p).map { top[$0 + p * q] }
    self.residualFloor = rho * rho
    self.p = p
  }

  /// The outcome of a rank-revealing solve of the reduced problem.
  struct Solution {
    /// Coefficients of the equilibrated problem.
    var coefficients: [Double]
    var rank: Int
    /// Zero-based columns the pivoting ordered after the first `rank`, ascending.
    var dropped: [Int]
    /// ‖Rβ − c‖² + floor: the full residual sum of squares.
    var residualSumOfSquares: Double
  }

  /// Minimum-norm solution by QR with column pivoting and incremental condition estimation
  /// (`dgelsy`): rank = order of the largest leading block of the pivoted R with estimated
  /// reciprocal condition ≥ `rcond`.
  func solvePivoted(rcond: Double) throws(LinearAlgebraError) -> Solution {
    var a = r
    var b = qtb
    var pivots = [Int32](repeating: 0, count: p)
    var rank: Int32 = 0
    let info = KernelClock.measure { LAPACKE_dgelsy(
      LAPACK.columnMajor, Int32(p), Int32(p), 1, &a, Int32(p), &b, Int32(p), &pivots, rcond,
      &rank) }
    try LAPACK.check("dgelsy", info)
    let beta = Array(b[0..<p])
    let dropped = pivots[Int(rank)...].map { Int($0) - 1 }.sorted()
    return Solution(
      coefficients: beta, rank: Int(rank), dropped: dropped,
      residualSumOfSquares: residualSumOfSquares(beta))
  }

  /// Minimum-norm solution by SVD (`dgelsd`): singular values below `rcond · σ_max` count as
  /// zero. Dropped columns are named by a pivoted QR of R (`dgeqp3`), since an SVD alone
  /// identifies directions, not columns.
  func solveSVD(rcond: Double) throws(LinearAlgebraError) -> Solution {
    var a = r
    var b = qtb
    var singularValues = [Double](repeating: 0, count: p)
    var rank: Int32 = 0
    let info = KernelClock.measure { LAPACKE_dgelsd(
      LAPACK.columnMajor, Int32(p), Int32(p), 1, &a, Int32(p), &b, Int32(p), &singularValues,
      rcond, &rank) }
    try LAPACK.check("dgelsd", info, positiveMeaning: "the SVD did not converge")
    let beta = Array(b[0..<p])
    var dropped: [Int] = []
    if Int(rank) < p {
      var q = r
      var pivots = [Int32](repeating: 0, count: p)
      var tau = [Double](repeating: 0, count: p)
      try LAPACK.check(
        "dgeqp3", KernelClock.measure { LAPACKE_dgeqp3(LAPACK.columnMajor, Int32(p), Int32(p), &q, Int32(p), &pivots,
        &tau) })
      dropped = pivots[Int(rank)...].map { Int($0) - 1 }.sorted()
    }
    return Solution(
      coefficients: beta, rank: Int(rank), dropped: dropped,
      residualSumOfSquares: residualSumOfSquares(beta))
  }

  /// ‖Rβ − c‖² + floor, O(k·p); non-zero beyond the floor only for rank-deficient problems.
  private func residualSumOfSquares(_ beta: [Double]) -> Double {
    var sum = residualFloor
    for i in 0..<p {
      var fitted = 0.0
      for j in i..<p { fitted += r[i + j * p] * beta[j] }
      let residual = qtb[i] - fitted
      sum += residual * residual
    }
    return sum
  }
}
