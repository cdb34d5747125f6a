import LinearAlgebra

// Helpers shared by the suites: seeded problems, medians of repeated timings, formatting.

/// A random well-conditioned design: an intercept and uniform(−1, 1) columns (κ ≈ 2), with
/// y = Σ xⱼ + noise. SplitMix64 seeded, so every run times the same matrices.
func benchProblem(rows n: Int, columns p: Int, seed: UInt64) -> (Matrix, [Double]) {
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

func medianMilliseconds(_ repetitions: Int, _ run: () -> Double) -> Double {
  let times = (0..<repetitions).map { _ in run() }.sorted()
  return times[times.count / 2]
}

func milliseconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) * 1e3 + Double(attoseconds) * 1e-15
}

func format(_ value: Double, digits: Int = 1) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  return "\(rounded)"
}
