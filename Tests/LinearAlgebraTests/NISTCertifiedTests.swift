import LinearAlgebra
import Testing

/// NIST StRD linear least-squares benchmarks. Expected values are NIST's certified values
/// (computed in 500-digit arithmetic), read from `shared/datasets/nist-strd/certified.json`.
@Suite("NIST StRD certified values")
struct NISTCertifiedTests {
  static let methods: [LeastSquaresMethod] = [
    .default, .svd(rcond: LeastSquaresMethod.defaultRcond),
    .householderQR(rcond: LeastSquaresMethod.defaultRcond),
  ]

  /// Longley (κ ≈ 4e4 after equilibration): every coefficient and standard error to 9
  /// significant digits (relative error ≤ 1e-9), residual sd and R² likewise.
  @Test("Longley to 9 significant digits", arguments: methods)
  func longley(method: LeastSquaresMethod) throws {
    let (x, y) = try TestData.longley()
    let certified = try TestData.certified("longley")
    let fit = try LeastSquares.solve(x, y, method: method)
    #expect(fit.rank == 7)
    #expect(fit.droppedColumns.isEmpty)
    #expect(fit.residualDegreesOfFreedom == 9)
    #expect(maxRelativeError(fit.coefficients, certified.beta) <= 1e-9)
    #expect(maxRelativeError(try fit.standardErrors(), certified.sd) <= 1e-9)
    #expect(relativeError(fit.residualStandardError, certified.residual_sd) <= 1e-9)
    #expect(relativeError(fit.rSquared, certified.r_squared) <= 1e-9)
  }

  /// Filip (degree-10 polynomial, κ ≈ 1.8e15 raw, 5.2e9 equilibrated): every coefficient and
  /// standard error to 7 significant digits (relative error ≤ 1e-7), through equilibrated QR.
  @Test("Filip to 7 significant digits", arguments: methods)
  func filip(method: LeastSquaresMethod) throws {
    let (x, y) = try TestData.filip()
    let certified = try TestData.certified("filip")
    let fit = try LeastSquares.solve(x, y, method: method)
    #expect(fit.rank == 11)
    #expect(fit.droppedColumns.isEmpty)
    #expect(maxRelativeError(fit.coefficients, certified.beta) <= 1e-7)
    #expect(maxRelativeError(try fit.standardErrors(), certified.sd) <= 1e-7)
    #expect(relativeError(fit.residualStandardError, certified.residual_sd) <= 1e-7)
    #expect(relativeError(fit.rSquared, certified.r_squared) <= 1e-9)
  }
}
