import CLAPACKE
import LinearAlgebra

/// Times the least-squares paths against a bare `LAPACKE_dgels` on the same matrices, in the
/// same run and with the same (single) OpenBLAS thread, and returns printable lines.
///
/// Sizes: 17,520 × 100 (two years of hourly rows, a typical model) and 115,000 × 150 (a long
/// history with many features). Each figure is the median of a few repetitions. The reference
/// times only the `dgels` call on a prepared copy; our paths are timed end to end (validation,
/// equilibration copy, factorization, rank decision), so the ratio is what a caller pays over
/// the bare LAPACK call. Targets: ≤ 1.2 for the QR paths; well below 1 for the normal
/// equations (n·p² flops for `dsyrk` against 2·n·p² for Householder QR).
func runLeastSquaresBench() -> [String] {
  BLASThreading.ensureSingleThreaded()
  var lines = ["least squares (OpenBLAS threads: \(BLASThreading.currentThreadCount))"]
  for (rows, columns, repetitions) in [(17_520, 100, 7), (115_000, 150, 3)] {
    lines += benchOneSize(rows: rows, columns: columns, repetitions: repetitions)
  }
  return lines
}

private func benchOneSize(rows n: Int, columns p: Int, repetitions: Int) -> [String] {
  let (design, response) = benchProblem(rows: n, columns: p, seed: 2024)
  let reference = medianMilliseconds(repetitions) { () -> Double in
    var a = design.storage
    var b = response
    let clock = ContinuousClock()
    let start = clock.now
    _ = LAPACKE_dgels(
      Int32(LAPACK_COL_MAJOR), CChar(UInt8(ascii: "N")), Int32(n), Int32(p), 1, &a, Int32(n),
      &b, Int32(n))
    return milliseconds(clock.now - start)
  }
  var checksum = 0.0
  func timed(_ body: () throws -> [Double]) -> Double {
    medianMilliseconds(repetitions) { () -> Double in
      let clock = ContinuousClock()
      let start = clock.now
      let coefficients = (try? body()) ?? [.nan]
      let elapsed = milliseconds(clock.now - start)
      checksum += coefficients[0]
      return elapsed
    }
  }
  let pivoted = timed { try LeastSquares.solve(design, response).coefficients }
  let householder = timed {
    try LeastSquares.solve(design, response, method: .householderQR(rcond: 1e-12)).coefficients
  }
  let svd = timed {
    try LeastSquares.solve(design, response, method: .svd(rcond: 1e-12)).coefficients
  }
  let penalty = [0] + [Double](repeating: 1, count: p - 1)
  let gram = timed { try NormalEquations(design: design, response: response).crossProduct }
  let cholesky = timed {
    try NormalEquations(design: design, response: response)
      .solve(lambda: 1, penalty: penalty).coefficients
  }
  let gcv = timed {
    try RidgePath(NormalEquations(design: design, response: response), penalty: penalty)
      .fit().coefficients
  }
  func row(_ name: String, _ ms: Double) -> String {
    let padded = name.padding(toLength: 34, withPad: " ", startingAt: 0)
    return "  \(padded) \(format(ms)) ms   \(format(ms / reference, digits: 2))x dgels"
  }
  return [
    "\(n) x \(p)  (checksum \(checksum.isFinite ? "ok" : "NaN"))",
    row("LAPACKE_dgels (reference)", reference),
    row("default (equilibrated pivoted QR)", pivoted),
    row("householderQR (dgels + dtrcon)", householder),
    row("svd (QR + dgelsd)", svd),
    row("normal equations: XᵀX, Xᵀy only", gram),
    row("normal equations + Cholesky", cholesky),
    row("normal equations + GCV path", gcv),
  ]
}
