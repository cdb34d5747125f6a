import LinearAlgebra
import Testing

@Suite("Matrix")
struct MatrixTests {
  @Test("column-major layout, subscripts and columns")
  func layout() throws {
    let m = try Matrix(columns: [[1, 2, 3], [4, 5, 6]])
    #expect(m.rows == 3 && m.columns == 2)
    #expect(m.storage == [1, 2, 3, 4, 5, 6])
    #expect(m[2, 1] == 6)
    #expect(Array(m.column(1)) == [4, 5, 6])
    #expect(m.row(1) == [2, 5])
    #expect(m.transposed().storage == [1, 4, 2, 5, 3, 6])
    #expect(try Matrix(rows: 3, columns: 2, columnMajor: [1, 2, 3, 4, 5, 6]) == m)
  }

  @Test("in-place mutation keeps the shape")
  func mutation() {
    var m = Matrix(rows: 2, columns: 2, repeating: 0)
    m.setColumn(1, to: [7, 8])
    m[0, 0] = 1
    m.withUnsafeMutableBufferPointer { buffer in buffer[1] = 2 }
    #expect(m.storage == [1, 2, 7, 8])
    #expect(Matrix.identity(2).storage == [1, 0, 0, 1])
  }
}

@Suite("Matrix products")
struct MatrixProductTests {
  /// Small integers, so the expected products are exact.
  @Test("X·v and Xᵀ·v")
  func products() throws {
    let m = try Matrix(columns: [[1, 2, 3], [4, 5, 6]])
    #expect(try m.multiplied(by: [1, -1]) == [-3, -3, -3])
    #expect(try m.transposeMultiplied(by: [1, 0, 2]) == [7, 16])
    #expect(throws: LinearAlgebraError.self) { _ = try m.multiplied(by: [1, 2, 3]) }
  }
}
