/// A dense matrix of `Double`, stored column-major.
///
/// Column-major is the layout LAPACK and BLAS expect, so a `Matrix` is handed to them without a
/// transpose or a copy; a design matrix of time-series features is naturally built one column
/// (one feature) at a time, which this layout makes contiguous. Element (i, j) lives at
/// `storage[i + j * rows]`.
///
/// `Matrix` is a value type backed by a copy-on-write array: solvers that must overwrite their
/// input (every LAPACK factorization does) take one private copy and leave the caller's matrix
/// untouched.
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
  /// Number of rows (observations, for a design matrix).
  public let rows: Int
  /// Number of columns (features, for a design matrix).
  public let columns: Int
  /// The elements in column-major order; `storage.count == rows * columns` always holds.
  public private(set) var storage: [Double]

  /// A `rows × columns` matrix with every element equal to `value`.
  ///
  /// - Precondition: `rows >= 0` and `columns >= 0` (a negative size is a programming error).
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    self.rows = rows
    self.columns = columns
    storage = value == 0
      ? LargeBuffer.zeros(count: rows * columns) : Array(repeating: value, count: rows * columns)
  }

  /// A matrix over the given column-major elements, taken without copying.
  ///
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when `columnMajor.count != rows * columns`,
  ///   `.invalidArgument` for a negative dimension.
  public init(rows: Int, columns: Int, columnMajor: [Double]) throws(LinearAlgebraError) {
    guard rows >= 0, columns >= 0 else {
      throw .invalidArgument(name: "rows/columns", reason: "dimensions must be non-negative")
    }
    guard columnMajor.count == rows * columns else {
      throw .dimensionMismatch(
        what: "column-major storage of a \(rows)x\(columns) matrix",
        expected: rows * columns, actual: columnMajor.count)
    }
    self.rows = rows
    self.columns = columns
    storage = columnMajor
  }

  /// A matrix whose j-th column is `columns[j]`; every column must have the same length.
  ///
  /// This is the natural initializer for a design matrix built feature by feature.
  /// - Throws: `LinearAlgebraError.dimensionMismatch` naming the first column of the wrong length.
  public init(columns: [[Double]]) throws(LinearAlgebraError) {
    let rowCount = columns.first?.count ?? 0
    var storage: [Double] = []
    storage.reserveCapacity(rowCount * columns.count)
    for (j, column) in columns.enumerated() {
      guard column.count == rowCount else {
        throw .dimensionMismatch(
          what: "length of column \(j)", expected: rowCount, actual: column.count)
      }
      storage.append(contentsOf: column)
    }
    self.rows = rowCount
    self.columns = columns.count
    self.storage = storage
  }

  /// The `n × n` identity matrix.
  public static func identity(_ n: Int) -> Matrix {
    var matrix = Matrix(rows: n, columns: n)
    for i in 0..<n { matrix[i, i] = 1 }
    return matrix
  }

  /// Element at (`row`, `column`), both zero-based.
  public subscript(row: Int, column: Int) -> Double {
    get {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
      return storage[row + column * rows]
    }
    set {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
      storage[row + column * rows] = newValue
    }
  }

  /// The contiguous elements of column `j`, without copying.
  public func column(_ j: Int) -> ArraySlice<Double> {
    precondition(j >= 0 && j < columns, "column index out of range")
    return storage[(j * rows)..<((j + 1) * rows)]
  }

  /// Replaces column `j` with `values`.
  ///
  /// - Precondition: `values.count == rows`.
  public mutating func setColumn<C: Collection>(_ j: Int, to values: C) where C.Element == Double {
    precondition(j >= 0 && j < columns, "column index out of range")
    precondition(values.count == rows, "column length must equal the row count")
    var index = j * rows
    for value in values {
      storage[index] = value
      index += 1
    }
  }

  /// Row `i` as a new array (strided in memory, so it is copied).
  public func row(_ i: Int) -> [Double] {
    precondition(i >= 0 && i < rows, "row index out of range")
    return (0..<columns).map { storage[i + $0 * rows] }
  }

  /// The transpose, as a new matrix.
  public func transposed() -> Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for j in 0..<columns {
      for i in 0..<rows { result.storage[j + i * columns] = storage[i + j * rows] }
    }
    return result
  }

  /// Calls `body` with the column-major elements; the pointer is valid only inside `body`.
  public func withUnsafeBufferPointer<R, E: Error>(
    _ body: (UnsafeBufferPointer<Double>) throws(E) -> R
  ) throws(E) -> R {
    try storage.withUnsafeBufferPointer(body)
  }

  /// Calls `body` with mutable column-major elements, for building a design in place (for
  /// example Fourier columns by recurrence) without an intermediate array. The buffer's size
  /// cannot change, so the shape invariant holds.
  public mutating func withUnsafeMutableBufferPointer<R, E: Error>(
    _ body: (inout UnsafeMutableBufferPointer<Double>) throws(E) -> R
  ) throws(E) -> R {
    try storage.withUnsafeMutableBufferPointer(body)
  }

  /// A short summary (`Matrix(3x2)`) followed by the rows when the matrix is small.
  public var description: String {
    var text = "Matrix(\(rows)x\(columns))"
    guard rows * columns <= 64 else { return text }
    for i in 0..<rows {
      text += "\n  " + row(i).map { "\($0)" }.joined(separator: " ")
    }
    return text
  }
}
