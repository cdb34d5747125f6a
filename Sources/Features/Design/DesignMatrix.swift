/// A dense column-major design matrix with the description of each column.
public struct DesignMatrix: Sendable {
  public let rows: Int
  public let columns: [FeatureColumn]
  /// Column-major values, `rows × columns.count`: column `j` is `values[j*rows ..< (j+1)*rows]`.
  public var values: [Double]

  public init(rows: Int, columns: [FeatureColumn], values: [Double]) {
    precondition(values.count == rows * columns.count, "design storage does not match its shape")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  public var columnCount: Int { columns.count }

  @inlinable public subscript(row: Int, column: Int) -> Double {
    values[column * rows + row]
  }
}
