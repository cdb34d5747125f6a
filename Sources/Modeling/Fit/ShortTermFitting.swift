import LinearAlgebra

/// Fits the autoregressive correction of the structural residuals by least squares.
///
/// Residuals are clipped at ±3 robust scales first, so that an unlabelled surge does not
/// masquerade as persistence. The fitted coefficients are shrunk, if needed, until Σ|φ| ≤ 0.98:
/// a sufficient condition for a stable recursion, so forecasts always decay to the structural
/// model instead of drifting away.
enum ShortTermFitting {
  /// Residuals clipped at ±3 robust scales (NaN where missing): the input of `fit`, the same
  /// for every candidate order, so a selection clips once.
  static func clipped(_ residuals: [Double]) -> [Double] {
    let scale = PenalizedFit.mad(residuals)
    return residuals.map { $0.isFinite ? min(max($0, -3 * scale), 3 * scale) : .nan }
  }

  /// - Parameter clipped: the residuals through `clipped(_:)`.
  static func fit(clipped: [Double], lags: Int, seasonalLag: Int) -> ShortTermDynamics {
    let lags = max(0, lags)
    let seasonal = seasonalLag > lags ? seasonalLag : 0
    let memory = max(lags, seasonal)
    let columns = lags + (seasonal > 0 ? 1 : 0)
    guard columns > 0, clipped.count > memory + 10 * columns else { return .none }

    var rows: [Int] = []
    for t in memory..<clipped.count where clipped[t].isFinite {
      var complete = true
      for i in 1...max(1, lags) where lags > 0 && !clipped[t - i].isFinite { complete = false }
      if seasonal > 0 && !clipped[t - seasonal].isFinite { complete = false }
      if complete { rows.append(t) }
    }
    guard rows.count >= 10 * columns else { return .none }
    // Column-major: column i holds the residual i + 1 steps back, the last the seasonal one.
    let n = rows.count
    var values = [Double](repeating: 0, count: n * columns)
    let response = rows.map { clipped[$0] }
    for i in 0..<lags {
      for (k, t) in rows.enumerated() { values[k + i * n] = clipped[t - 1 - i] }
    }
    if seasonal > 0 {
      for (k, t) in rows.enumerated() { values[k + lags * n] = clipped[t - seasonal] }
    }
    guard let design = try? Matrix(rows: n, columns: columns, columnMajor: values),
      let solution = try? LeastSquares.solve(design, response)
    else { return .none }
    var phi = solution.coefficients.map { $0.isFinite ? $0 : 0 }
    let total = phi.reduce(0) { $0 + abs($1) }
    if total > 0.98 { phi = phi.map { $0 * 0.98 / total } }
    return ShortTermDynamics(
      lagCoefficients: Array(phi.prefix(lags)), seasonalLag: seasonal,
      seasonalCoefficient: seasonal > 0 ? phi[lags] : 0)
  }
}
