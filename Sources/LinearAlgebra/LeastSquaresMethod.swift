/// How `LeastSquares.solve` factors the (equilibrated) design.
///
/// All three start from the same column equilibration. The rank-revealing methods reduce the
/// n × p problem by one streamed Householder QR (`dtpqrt` over row blocks, the same 2·n·p²
/// flops as `dgels` but cache-resident) to a p × p triangular problem and then make their rank
/// decision on that small system, so they cost no more than plain QR while never trusting a
/// nearly singular triangle.
public enum LeastSquaresMethod: Sendable, Equatable, Hashable {
  /// Rank-revealing QR with column pivoting (`dgelsy` on the reduced triangle): the effective
  /// rank is the order of the largest leading block of the pivoted R whose estimated condition
  /// number is below 1/`rcond`. Rank-deficient problems get the minimum-norm solution (in the
  /// equilibrated coordinates) and the columns ordered last by the pivoting are reported as
  /// dropped. The default, because it is as fast as QR and safe on collinear designs.
  case pivotedQR(rcond: Double)
  /// Singular value decomposition (`dgelsd` on the reduced triangle): singular values below
  /// `rcond · σ_max` are treated as zero, giving the minimum-norm solution. The most robust
  /// and the easiest rank rule to explain; about as fast as `pivotedQR` for n ≫ p.
  case svd(rcond: Double)
  /// Plain Householder QR (`dgels`) for designs known to have full rank. The condition of R is
  /// still estimated (`dtrcon`) and `LinearAlgebraError.rankDeficient` is thrown when its
  /// reciprocal is below `rcond`, instead of returning huge, meaningless coefficients.
  case householderQR(rcond: Double)

  /// Default reciprocal-condition threshold for the equilibrated design: 1e-12.
  ///
  /// Why: a least-squares coefficient loses about log10(κ) digits, so at κ = 1e12 only about
  /// four of sixteen remain: beyond that a column is better reported as collinear than fitted.
  /// Exact duplicates sit near 1e-16 and are caught with a wide margin, while NIST Filip, the
  /// hardest certified linear problem (κ ≈ 5e9 after equilibration), stays full rank.
  public static let defaultRcond = 1e-12

  /// `pivotedQR` with `defaultRcond`.
  public static let `default` = LeastSquaresMethod.pivotedQR(rcond: defaultRcond)

  /// The threshold carried by any case.
  public var rcond: Double {
    switch self {
    case .pivotedQR(let rcond), .svd(let rcond), .householderQR(let rcond): return rcond
    }
  }
}
