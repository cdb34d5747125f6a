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
    KernelClock.measure { cblas_dgemv(CblasColMajor, CblasNoTrans, m, n, 1, storage, m, vector, 1, 0, &result, 1) }
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
    KernelClock.measure { cblas_dgemv(CblasColMajor, CblasTrans, m, n, 1, storage, m, vector, 1, 0, &result, 1) }
    return result
  }
}

extension Matrix {
  /// X[rows, :]·v for a contiguous range of rows (`cblas_dgemv` at a pointer offset, no copy):
  /// fitted values of a window of a design.
  ///
  /// - Precondition: `vector.count == columns` and `rows` lies within `0..<self.rows`; both are
  ///   fixed by how the caller built the design, so a violation is a programming error.
  public func multiplied(by vector: [Double], rows range: Range<Int>) -> [Double] {
    precondition(vector.count == columns, "vector length \(vector.count) != columns \(columns)")
    precondition(range.lowerBound >= 0 && range.upperBound <= rows, "rows \(range) out of bounds")
    BLASThreading.ensureSingleThreaded()
    var result = [Double](repeating: 0, count: range.count)
    guard !range.isEmpty, columns > 0 else { return result }
    let (m, n, lda) = (Int32(range.count), Int32(columns), Int32(rows))
    storage.withUnsafeBufferPointer { x in
      guard let base = x.baseAddress else { return }
      KernelClock.measure {
        cblas_dgemv(CblasColMajor, CblasNoTrans, m, n, 1, base + range.lowerBound, lda, vector, 1,
          0, &result, 1)
      }
    }
    return result
  }
}
