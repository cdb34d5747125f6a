import CLAPACKE

/// Xβ for a traffic design that reads only its dense columns in full.
///
/// A traffic design is mostly structure: level-shift candidates are steps (0, then a constant
/// from one row on), event indicators are a sparse tail (see `StepColumns`, `SparseTail`), and
/// the daily and weekly Fourier columns repeat with the row's class (`PeriodicBlock`).
/// `dgemv` over the whole matrix streams every zero of them from memory, and the product is
/// memory-bound: on hourly data the dense columns are under half of the storage. Here the
/// dense columns go through `dgemv` in contiguous runs, each step adds its coefficient to a
/// suffix of rows (one difference array), each sparse column adds to its nonzero rows, and the
/// periodic block is evaluated once per class and gathered by the rows' classes. The result
/// equals the dense product up to the order of additions.
public struct StructuredProduct: Sendable {
  /// Columns read by `dgemv`, as contiguous runs.
  let denseRuns: [Range<Int>]
  let steps: [(column: Int, start: Int, value: Double)]
  let tail: [(index: Int, rows: [Int])]
  /// The periodic block and its class table (classCount × q, column-major), when every row
  /// matches its class.
  let periodic: (block: PeriodicBlock, table: [Double])?
  let rows: Int
  let columns: Int

  /// Finds the steps and the sparse tail of `design` over all its rows (one scan that stops
  /// early in dense columns), and checks `periodic` against every row (one read of its
  /// columns): a block that some row contradicts, or that overlaps the steps or the tail, is
  /// left to `dgemv` with the other dense columns.
  public init(_ design: Matrix, periodic: PeriodicBlock? = nil) {
    let all = 0..<design.rows
    let tail = SparseTail(design: design, rows: all, weights: nil)
    let denseCount = design.columns - tail.columns.count
    let steps = StepColumns(design: design, rows: all, columns: 0..<denseCount)
    let stepSet = Set(steps.steps.map(\.column))
    let usable = periodic.flatMap { block -> (block: PeriodicBlock, table: [Double])? in
      guard block.classCount > 0, block.rowClass.count == design.rows,
        block.columns.upperBound <= denseCount,
        !block.columns.contains(where: stepSet.contains),
        let table = PeriodicSums.classTable(
          design: design, range: all, weights: nil, periodic: block)
      else { return nil }
      return (block, table)
    }
    var runs: [Range<Int>] = []
    var runStart: Int? = nil
    for j in 0...denseCount {
      let isDense = j < denseCount && !stepSet.contains(j)
        && !(usable?.block.columns.contains(j) ?? false)
      if isDense, runStart == nil { runStart = j }
      if !isDense, let start = runStart {
        runs.append(start..<j)
        runStart = nil
      }
    }
    self.denseRuns = runs
    self.steps = steps.steps
    self.tail = tail.columns
    self.periodic = usable
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
      if let (block, table) = periodic {
        // One value per class, V·β_block, then gathered by each row's class.
        let classes = block.classCount
        var perClass = [Double](repeating: 0, count: classes)
        beta.withUnsafeBufferPointer { b in
          guard let coefficients = b.baseAddress else { return }
          KernelClock.measure {
            cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(classes), Int32(block.columns.count),
              1, table, Int32(classes), coefficients + block.columns.lowerBound, 1, 0,
              &perClass, 1)
          }
        }
        block.rowClass.withUnsafeBufferPointer { classOf in
          for i in 0..<rows { result[i] += perClass[Int(classOf[i])] }
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

  /// Xᵀv over all rows of `design`, the matrix this structure was found in: the transpose of
  /// `multiply`, read the same way (dense runs by `dgemv`, each step as one suffix sum of v,
  /// sparse columns at their nonzero rows). It gives XᵀWy for a new response on a design whose
  /// Gram is already known, at the cost of one read of the dense columns.
  ///
  /// - Precondition: `design` has the shape it had at `init`, and `vector.count == rows`.
  public func transposedMultiply(_ design: Matrix, by vector: [Double]) -> [Double] {
    precondition(design.rows == rows && design.columns == columns, "design shape changed")
    precondition(vector.count == rows, "vector length \(vector.count) != rows \(rows)")
    BLASThreading.ensureSingleThreaded()
    var result = [Double](repeating: 0, count: columns)
    guard rows > 0 else { return result }
    let n = Int32(rows)
    design.withUnsafeBufferPointer { x in
      guard let base = x.baseAddress else { return }
      result.withUnsafeMutableBufferPointer { out in
        guard let target = out.baseAddress else { return }
        for run in denseRuns {
          KernelClock.measure {
            cblas_dgemv(CblasColMajor, CblasTrans, n, Int32(run.count), 1,
              base + run.lowerBound * rows, n, vector, 1, 0, target + run.lowerBound, 1)
          }
        }
      }
      if let (block, table) = periodic {
        // Σ v per class, then Vᵀ times those sums.
        let classes = block.classCount
        var perClass = [Double](repeating: 0, count: classes)
        block.rowClass.withUnsafeBufferPointer { classOf in
          for i in 0..<rows { perClass[Int(classOf[i])] += vector[i] }
        }
        result.withUnsafeMutableBufferPointer { out in
          guard let target = out.baseAddress else { return }
          KernelClock.measure {
            cblas_dgemv(CblasColMajor, CblasTrans, Int32(classes), Int32(block.columns.count),
              1, table, Int32(classes), perClass, 1, 0, target + block.columns.lowerBound, 1)
          }
        }
      }
      if !steps.isEmpty {
        // Suffix sums of v, read at each step's first row.
        var suffix = [Double](repeating: 0, count: rows + 1)
        for i in stride(from: rows - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + vector[i] }
        for step in steps { result[step.column] = step.value * suffix[step.start] }
      }
      for (j, nonzero) in tail {
        let column = j * rows
        var sum = 0.0
        for i in nonzero { sum += x[column + i] * vector[i] }
        result[j] = sum
      }
    }
    return result
  }
}
