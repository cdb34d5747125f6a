import CLAPACKE

/// Xβ for a traffic design that reads only its dense columns in full.
///
/// A traffic design is mostly structure: level-shift candidates are steps (0, then a constant
/// from one row on) and event indicators are a sparse tail (see `StepColumns`, `SparseTail`).
/// `dgemv` over the whole matrix streams every zero of them from memory, and the product is
/// memory-bound: on hourly data the dense columns are under half of the storage. Here the
/// dense columns go through `dgemv` in contiguous runs, each step adds its coefficient to a
/// suffix of rows (one difference array), and each sparse column adds to its nonzero rows. The
/// result equals the dense product up to the order of additions.
public struct StructuredProduct: Sendable {
  /// Columns read by `dgemv`, as contiguous runs.
  let denseRuns: [Range<Int>]
  let steps: [(column: Int, start: Int, value: Double)]
  let tail: [(index: Int, rows: [Int])]
  let rows: Int
  let columns: Int

  /// Finds the steps and the sparse tail of `design` over all its rows (one scan that stops
  /// early in dense columns).
  public init(_ design: Matrix) {
    let all = 0..<design.rows
    let tail = SparseTail(design: design, rows: all, weights: nil)
    let denseCount = design.columns - tail.columns.count
    let steps = StepColumns(design: design, rows: all, columns: 0..<denseCount)
    let stepSet = Set(steps.steps.map(\.column))
    var runs: [Range<Int>] = []
    var runStart: Int? = nil
    for j in 0...denseCount {
      let isDense = j < denseCount && !stepSet.contains(j)
      if isDense, runStart == nil { runStart = j }
      if !isDense, let start = runStart {
        runs.append(start..<j)
        runStart = nil
      }
    }
    self.denseRuns = runs
    self.steps = steps.steps
    self.tail = tail.columns
    self.rows = design.rows
    self.columns = design.columns
  }

  /// Xβ over all rows of `design`, the matrix this structure was found in.
  ///
  /// - Precondition: `design` has the shape it had at `init`, and `beta.count == columns`.
  public func multiply(_ design: Matrix, by beta: [Double]) -> [Double] {
    precondition(design.rows == rows && design.columns == columns, "design shape changed")
    precondition(beta.count == columns, "vector length \(beta.count) != columns \(columns)")
    BLASThreading.ensureSingleThreaded()
    var result = [Double](repeating: 0, count: rows)
    guard rows > 0 else { return result }
    let n = Int32(rows)
    design.withUnsafeBufferPointer { x in
      guard let base = x.baseAddress else { return }
      beta.withUnsafeBufferPointer { b in
        guard let coefficients = b.baseAddress else { return }
        for run in denseRuns {
          KernelClock.measure {
            cblas_dgemv(CblasColMajor, CblasNoTrans, n, Int32(run.count), 1,
              base + run.lowerBound * rows, n, coefficients + run.lowerBound, 1, 1, &result, 1)
          }
        }
      }
      // Steps: add c·β at each start, then a running sum spreads it over the suffix.
      if !steps.isEmpty {
        var jumps = [Double](repeating: 0, count: rows)
        for step in steps { jumps[step.start] += step.value * beta[step.column] }
        var level = 0.0
        for i in 0..<rows {
          level += jumps[i]
          result[i] += level
        }
      }
      for (j, nonzero) in tail where beta[j] != 0 {
        let column = j * rows
        for i in nonzero { result[i] += x[column + i] * beta[j] }
      }
    }
    return result
  }
}
