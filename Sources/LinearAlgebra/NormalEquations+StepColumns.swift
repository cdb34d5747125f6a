import CLAPACKE

/// Columns of a design that are a step over the rows accumulated: zero before some row s and
/// one constant c from s on — the level-shift candidates of a traffic model.
///
/// Why: a step's products with any column j are suffix sums, Σ_{t ≥ s} wₜ c xₜⱼ, so one
/// backward sweep per column gives its products with every step at once: O(n) per column
/// instead of O(n) per pair. With sixty level-shift candidates among two hundred columns this
/// takes them out of the n·p² `dsyrk`, whose cost falls with the square of the columns left.
/// Detection is exact (values equal to 0 or to c), so the Gram equals the dense computation
/// up to the order of additions.
struct StepColumns {
  /// Step columns, ascending by column index: (column, first row of the step, its value).
  let steps: [(column: Int, start: Int, value: Double)]

  /// Below this many steps the gathered path is not worth its copy.
  static let minimumSteps = 8

  /// Scans `columns` over `rows` for steps that start strictly inside the range (a column
  /// constant over the whole range stays dense, as the intercept does).
  init(design: Matrix, rows range: Range<Int>, columns: Range<Int>) {
    var found: [(column: Int, start: Int, value: Double)] = []
    let n = design.rows
    design.withUnsafeBufferPointer { x in
      for j in columns {
        let base = j * n
        var i = range.lowerBound
        while i < range.upperBound && x[base + i] == 0 { i += 1 }
        guard i > range.lowerBound, i < range.upperBound else { continue }
        let value = x[base + i]
        guard value.isFinite else { continue }
        var k = i + 1
        while k < range.upperBound && x[base + k] == value { k += 1 }
        if k == range.upperBound { found.append((j, i, value)) }
      }
    }
    steps = found.count >= Self.minimumSteps ? found : []
  }

  /// Steps found before, over the same rows (`StructuredProduct` keeps them).
  init(steps: [(column: Int, start: Int, value: Double)]) {
    self.steps = steps
  }

  /// Adds `sign` × the steps' entries of XᵀWX against the `other` columns and each other, and
  /// their entries of XᵀWy, by a backward sweep of each column (and of y) over the range.
  func accumulate(
    into equations: inout NormalEquations, design: Matrix, response: [Double],
    rows range: Range<Int>, weights: [Double]?, sign: Double, other: [Int]
  ) {
    guard !steps.isEmpty else { return }
    let p = equations.dimension
    let n = design.rows
    // Steps by descending start, so one backward sweep reads each suffix sum as it passes.
    let order = steps.indices.sorted { steps[$0].start > steps[$1].start }
    let starts = order.map { steps[$0].start }
    let rowWeights: [Double]? = weights.map { Array($0[range]) }
    var sums = [Double](repeating: 0, count: steps.count)
    // One tight backward sweep over `values[range]`; `sums[order[k]]` is the weighted sum from
    // `starts[k]` to the end.
    func sweep(_ values: UnsafePointer<Double>) {
      var total = 0.0
      var t = range.upperBound
      let offset = range.lowerBound
      for (k, start) in starts.enumerated() {
        if let rowWeights {
          rowWeights.withUnsafeBufferPointer { w in
            while t > start {
              t -= 1
              let weight = w[t - offset]
              if weight > 0 { total += weight * values[t] }
            }
          }
        } else {
          while t > start {
            t -= 1
            total += values[t]
          }
        }
        sums[order[k]] = total
      }
    }
    func suffixSums(_ column: UnsafePointer<Double>) -> [Double] {
      sweep(column)
      return sums
    }
    design.withUnsafeBufferPointer { x in
      guard let base = x.baseAddress else { return }
      // Other columns against every step; two steps once each, from the lower column.
      for j in other {
        let sums = suffixSums(base + j * n)
        for (k, step) in steps.enumerated() {
          let (a, b) = j < step.column ? (j, step.column) : (step.column, j)
          equations.upperGram[a + b * p] += sign * step.value * sums[k]
        }
      }
      for step in steps {
        let j = step.column
        let sums = suffixSums(base + j * n)
        for (k, other) in steps.enumerated() where j <= other.column {
          equations.upperGram[j + other.column * p] += sign * other.value * sums[k]
        }
      }
      let crossSums = response.withUnsafeBufferPointer { y in
        y.baseAddress.map { suffixSums($0) } ?? []
      }
      for (k, step) in steps.enumerated() {
        equations.crossProduct[step.column] += sign * step.value * crossSums[k]
      }
    }
  }
}

extension NormalEquations {
  /// The dense columns `columns` of the rows, gathered √w-scaled into blocks of ≤ 1024 rows:
  /// their Gram by `dsyrk` into a small matrix scattered into the upper triangle, their
  /// cross-products by `dgemv`, and yᵀWy.
  /// Returns the per-class sums when the periodic block was summed per class (nil when there
  /// is none or its rows disagree with their classes).
  @discardableResult
  mutating func accumulateGathered(
    design: Matrix, response: [Double], range: Range<Int>, weights: [Double]?, sign: Double,
    columns allColumns: [Int], periodic: (block: PeriodicBlock, table: [Double])? = nil
  ) -> PeriodicSums? {
    // Periodic columns (verified against every row's class) leave the gathered block.
    var classSums: PeriodicSums? = nil
    var columns = allColumns
    if let periodic {
      columns = allColumns.filter { !periodic.block.columns.contains($0) }
      classSums = PeriodicSums(
        periodic: periodic.block, table: periodic.table, otherColumns: columns.count)
    }
    let n = design.rows
    let q = columns.count
    let chunk = Swift.min(1024, range.count)
    var buffer = [Double](repeating: 0, count: chunk * Swift.max(q, 1))
    var roots = [Double](repeating: 0, count: chunk)
    var scaledResponse = [Double](repeating: 0, count: chunk)
    var block = [Double](repeating: 0, count: q * q)
    var cross = [Double](repeating: 0, count: q)
    var rows = [Int](repeating: 0, count: chunk)
    var t = range.lowerBound
    while t < range.upperBound {
      var count = 0
      while count < chunk && t < range.upperBound {
        let w = weights?[t] ?? 1
        if w > 0 {
          rows[count] = t
          roots[count] = w.squareRoot()
          scaledResponse[count] = response[t] * roots[count]
          count += 1
        }
        t += 1
      }
      guard count > 0 else { continue }
      design.withUnsafeBufferPointer { x in
        buffer.withUnsafeMutableBufferPointer { target in
          for (c, j) in columns.enumerated() {
            let source = j * n
            let destination = c * chunk
            for k in 0..<count { target[destination + k] = x[source + rows[k]] * roots[k] }
          }
        }
      }
      classSums?.add(
        rows: rows, count: count, roots: roots, scaledResponse: scaledResponse,
        gathered: buffer, leading: chunk)
      let (k32, q32, ld) = (Int32(count), Int32(q), Int32(chunk))
      if q > 0 {
        KernelClock.measure {
          cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, q32, k32, sign, buffer, ld, 1,
            &block, q32)
        }
        KernelClock.measure {
          cblas_dgemv(CblasColMajor, CblasTrans, k32, q32, sign, buffer, ld, scaledResponse, 1,
            1, &cross, 1)
        }
      }
      responseSumOfSquares += sign * KernelClock.measure {
        cblas_ddot(k32, scaledResponse, 1, scaledResponse, 1)
      }
    }
    let p = dimension
    for (b, j) in columns.enumerated() {
      crossProduct[j] += cross[b]
      for a in 0...b where q > 0 {
        upperGram[columns[a] + j * p] += block[a + b * q]
      }
    }
    classSums?.addProducts(into: &self, otherColumns: columns, sign: sign)
    return classSums
  }
}
