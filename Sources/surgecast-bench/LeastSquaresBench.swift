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

/// A random well-conditioned design: an intercept and uniform(−1, 1) columns (κ ≈ 2), with
/// y = Σ xⱼ + noise. SplitMix64 seeded, so every run times the same matrices.
private func benchProblem(rows n: Int, columns p: Int, seed: UInt64) -> (Matrix, [Double]) {
  var state = seed
  func uniform() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) * 0x1p-53 * 2 - 1
  }
  var design = Matrix(rows: n, columns: p, repeating: 1)
  var response = [Double](repeating: 0, count: n)
  design.withUnsafeMutableBufferPointer { x in
    for j in 1..<p {
      for i in 0..<n {
        x[i + j * n] = uniform()
        response[i] += x[i + j * n]
      }
    }
  }
  for i in 0..<n { response[i] += 0.1 * uniform() }
  return (design, response)
}

private func medianMilliseconds(_ repetitions: Int, _ run: () -> Double) -> Double {
  let times = (0..<repetitions).map { _ in run() }.sorted()
  return times[times.count / 2]
}

private func milliseconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) * 1e3 + Double(attoseconds) * 1e-15
}

private func format(_ value: Double, digits: Int = 1) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  return "\(rounded)"
}
