import CLAPACKE

extension Matrix {
  /// X·v, e.g. fitted values or forecasts from a design and coefficients (`cblas_dgemv`,
  /// 2·rows·columns flops).
  /// - Throws: `.dimensionMismatch` when `vector.count != columns`.
  public func multiplied(by vector: [Double]) throws(LinearAlgebraError) -> [Double] {
    try Validation.requireCount(vector.count, columns, "vector length")
    BLASThreading.ensureSingleThreaded()
    var result = [Double](repeating: 0, count: rows)
    guard rows > 0, columns > 0 else { return result }
    let m = try Validation.lapackInt(rows, "rows")
    let n = try Validation.lapackInt(columns, "columns")
    cblas_dgemv(CblasColMajor, CblasNoTrans, m, n, 1, storage, m, vector, 1, 0, &result, 1)
    return result
  }

  /// Xᵀ·v, e.g. a cross-product with the response (`cblas_dgemv`).
  /// - Throws: `.dimensionMismatch` when `vector.count != rows`.
  public func transposeMultiplied(by vector: [Double]) throws(LinearAlgebraError) -> [Double] {
    try Validation.requireCount(vector.count, rows, "vector length")
    BLASThreading.ensureSingleThreaded()
    var result = [Double](repeating: 0, count: columns)
    guard rows > 0, columns > 0 else { return result }
    let m = try Validation.lapackInt(rows, "rows")
    let n = try Validation.lapackInt(columns, "columns")
    cblas_dgemv(CblasColMajor, CblasTrans, m, n, 1, storage, m, vector, 1, 0, &result, 1)
    return result
  }
}
