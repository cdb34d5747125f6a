import CLAPACKE

/// Small helpers for calling LAPACKE: characters, layout, workspace queries and `info` checks.
///
/// The O(n·p²) calls use the `_work` entry points, which skip LAPACKE's own NaN scan of the
/// inputs (we validate once, up front) and its workspace allocation per call.
enum LAPACK {
  static let columnMajor = Int32(LAPACK_COL_MAJOR)

  /// A LAPACK character argument such as "U" or "T".
  static func char(_ c: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: c)) }

  /// Workspace length from a `lwork = -1` query, at least `minimum`.
  static func workspaceLength(_ query: Double, minimum: Int) -> Int {
    Swift.max(Int(query.rounded(.up)), minimum, 1)
  }

  /// Throws when `info != 0`, explaining a positive `info` by `positiveMeaning`.
  static func check(
    _ routine: String, _ info: Int32, positiveMeaning: String = "the computation did not converge"
  ) throws(LinearAlgebraError) {
    guard info == 0 else {
      throw LinearAlgebraError.lapack(routine, info, positiveMeaning: positiveMeaning)
    }
  }

  /// 1-norm reciprocal condition estimate of an upper-triangular matrix (`dtrcon`), O(k²).
  ///
  /// `a` is column-major with leading dimension `lda`; only its leading `order × order`
  /// upper triangle is read.
  static func triangularReciprocalCondition(
    _ a: UnsafePointer<Double>, order: Int, lda: Int
  ) throws(LinearAlgebraError) -> Double {
    guard order > 0 else { return 1 }
    var rcond = 0.0
    var work = [Double](repeating: 0, count: 3 * order)
    var iwork = [Int32](repeating: 0, count: order)
    let info = KernelClock.measure { LAPACKE_dtrcon_work(
      columnMajor, char("1"), char("U"), char("N"), Int32(order), a, Int32(lda), &rcond,
      &work, &iwork) }
    try check("dtrcon", info)
    return rcond
  }

  /// The Cholesky-style inverse (RᵀR)⁻¹ from an upper-triangular R (`dpotri`), as a full
  /// symmetric matrix. Signs of R's rows do not matter: they cancel in RᵀR.
  static func inverseOfGram(fromUpper r: [Double], order p: Int) throws(LinearAlgebraError)
    -> [Double]
  {
    var a = r
    let info = KernelClock.measure { LAPACKE_dpotri_work(columnMajor, char("U"), Int32(p), &a, Int32(p)) }
    try check("dpotri", info, positiveMeaning: "the triangular factor has a zero diagonal element")
    mirrorUpperToLower(&a, order: p)
    return a
  }

  /// Copies the upper triangle of a column-major p × p matrix into its lower triangle.
  static func mirrorUpperToLower(_ a: inout [Double], order p: Int) {
    for j in 0..<p {
      for i in (j + 1)..<Swift.max(p, j + 1) { a[i + j * p] = a[j + i * p] }
    }
  }

  /// Zeroes the strict lower triangle of a column-major p × p matrix.
  static func zeroStrictLower(_ a: inout [Double], order p: Int) {
    for j in 0..<p {
      for i in (j + 1)..<Swift.max(p, j + 1) { a[i + j * p] = 0 }
    }
  }
}
