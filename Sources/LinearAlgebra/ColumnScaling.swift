import CLAPACKE

/// Column equilibration by powers of two, shared by every least-squares path.
///
/// Why equilibrate: Householder QR is backward stable column by column, so the accuracy of each
/// coefficient depends on the condition number of the design *after* column scaling; scaling
/// lowers it by orders of magnitude when columns have very different units (NIST Filip: from
/// 1.8e15 to 5.2e9), and makes a rank threshold `rcond` mean the same thing for every design.
/// Why powers of two: multiplying by 2ᵏ is exact in binary floating point, so equilibration and
/// unscaling add no rounding at all; a column norm within a factor 2 of one is as good for
/// conditioning as exactly one.
enum ColumnScaling {
  /// sⱼ = 2⁻ᵉ with ‖√w ⊙ xⱼ‖₂ = m·2ᵉ, m ∈ [1, 2), so sⱼ·‖√w ⊙ xⱼ‖₂ ∈ [1, 2). One read pass,
  /// which is also the finiteness check of the design.
  /// - Throws: `.nonFiniteValue` naming the first NaN or infinity.
  static func powerOfTwoScales(
    design x: Matrix, sqrtWeights: [Double]?
  ) throws(LinearAlgebraError) -> [Double] {
    let n = x.rows
    var scales = [Double](repeating: 1, count: x.columns)
    try x.withUnsafeBufferPointer { (source) throws(LinearAlgebraError) in
      for j in 0..<x.columns {
        let column = UnsafeBufferPointer(rebasing: source[(j * n)..<((j + 1) * n)])
        let norm = try columnNorm(column, sqrtWeights: sqrtWeights, index: j)
        scales[j] = powerOfTwoReciprocal(norm)
      }
    }
    return scales
  }

  /// ‖√w ⊙ x‖₂ of one column; throws if the column holds a NaN or infinity.
  static func columnNorm(
    _ column: UnsafeBufferPointer<Double>, sqrtWeights: [Double]?, index j: Int
  ) throws(LinearAlgebraError) -> Double {
    let n = column.count
    guard n > 0, let base = column.baseAddress else { return 0 }
    var sumOfSquares: Double
    if let sqrtWeights {
      var a0 = 0.0, a1 = 0.0
      var i = 0
      while i + 2 <= n {
        let u = column[i] * sqrtWeights[i], v = column[i + 1] * sqrtWeights[i + 1]
        a0 += u * u
        a1 += v * v
        i += 2
      }
      if i < n {
        let u = column[i] * sqrtWeights[i]
        a0 += u * u
      }
      sumOfSquares = a0 + a1
    } else {
      sumOfSquares = KernelClock.measure { cblas_ddot(Int32(n), base, 1, base, 1) }
    }
    if sumOfSquares.isFinite && (sumOfSquares == 0 || sumOfSquares > 1e-280) {
      return sumOfSquares.squareRoot()
    }
    // Rare path: a NaN/infinity (an error), or squares that overflow or underflow, where a
    // rescaled norm is needed.
    if let bad = column.firstIndex(where: { !$0.isFinite }) {
      throw .nonFiniteValue(argument: "design", index: j * n + bad)
    }
    let largest = column.reduce(0) { Swift.max($0, abs($1)) }
    guard largest > 0 else { return 0 }
    var scaled = 0.0
    for i in 0..<n {
      let u = column[i] / largest * (sqrtWeights?[i] ?? 1)
      scaled += u * u
    }
    return largest * scaled.squareRoot()
  }

  /// 2⁻ᵉ where norm = m·2ᵉ with m ∈ [1, 2): multiplying by it maps the norm into [1, 2) exactly.
  /// A zero column keeps scale 1; the rank-revealing solvers then report it as dropped.
  static func powerOfTwoReciprocal(_ norm: Double) -> Double {
    guard norm > 0, norm.isFinite else { return 1 }
    let exponent = Swift.min(Swift.max(-norm.exponent, -1022), 1023)
    return Double(sign: .plus, exponent: exponent, significand: 1)
  }
}
