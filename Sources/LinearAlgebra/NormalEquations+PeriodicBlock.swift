import CLAPACKE

/// Per-class sums for a `PeriodicBlock` during one accumulation: the class weights W_c, Σ wy
/// and Σ w·x over the other gathered columns, from which the block's rows and columns of XᵀWX
/// and XᵀWy follow by small products with the class table.
struct PeriodicSums {
  let periodic: PeriodicBlock
  /// v_c for every class, column-major classCount × q (zeros for classes without rows).
  let table: [Double]
  let otherCount: Int
  var weight: [Double]
  var weightedResponse: [Double]
  /// Σ w·x per class and other column, class-major: entry (c, b) at `b + c · otherCount`.
  var weightedOthers: [Double]

  init(periodic: PeriodicBlock, table: [Double], otherColumns: Int) {
    self.periodic = periodic
    self.table = table
    otherCount = otherColumns
    weight = [Double](repeating: 0, count: periodic.classCount)
    weightedResponse = weight
    weightedOthers = [Double](repeating: 0, count: periodic.classCount * otherColumns)
  }

  /// The class table read from the first row of each class in `range` (rows of positive
  /// weight), or nil when some row's values differ from its class's: then the block is not
  /// periodic over these rows and the caller keeps the row-by-row products.
  static func classTable(
    design: Matrix, range: Range<Int>, weights: [Double]?, periodic: PeriodicBlock
  ) -> [Double]? {
    let classes = periodic.classCount
    let n = design.rows
    let active = range.filter { (weights?[$0] ?? 1) > 0 }
    let activeClass = active.map { Int(periodic.rowClass[$0]) }
    var representative = [Int](repeating: -1, count: classes)
    for (row, c) in zip(active, activeClass) where representative[c] < 0 { representative[c] = row }
    var table = [Double](repeating: 0, count: classes * periodic.columns.count)
    let consistent = design.withUnsafeBufferPointer { x in
      for (a, j) in periodic.columns.enumerated() {
        let column = j * n
        let offset = a * classes
        for c in 0..<classes where representative[c] >= 0 {
          table[offset + c] = x[column + representative[c]]
        }
        // `!=` is also true for NaN: a non-finite entry falls back to the general path,
        // which reports it.
        for (row, c) in zip(active, activeClass) where x[column + row] != table[offset + c] {
          return false
        }
      }
      return true
    }
    return consistent ? table : nil
  }

  /// Adds one gathered chunk: `gathered` holds √wₖ·x for the other columns (leading dimension
  /// `leading`), `scaledResponse` √wₖ·yₖ, for the `count` rows `rows`.
  mutating func add(
    rows: [Int], count: Int, roots: [Double], scaledResponse: [Double], gathered: [Double],
    leading: Int
  ) {
    let classOf = (0..<count).map { Int(periodic.rowClass[rows[$0]]) }
    for k in 0..<count {
      weight[classOf[k]] += roots[k] * roots[k]
      weightedResponse[classOf[k]] += roots[k] * scaledResponse[k]
    }
    let width = otherCount
    weightedOthers.withUnsafeMutableBufferPointer { sums in
      gathered.withUnsafeBufferPointer { x in
        for b in 0..<width {
          let column = b * leading
          for k in 0..<count { sums[b + classOf[k] * width] += roots[k] * x[column + k] }
        }
      }
    }
  }

  /// Adds `sign` × the block's products: Σ_c W_c v_c v_cᵀ (block × block), Vᵀ·S (block ×
  /// other columns, S the per-class sums) and Vᵀ·(Σ wy) (block × y).
  func addProducts(into equations: inout NormalEquations, otherColumns: [Int], sign: Double) {
    let classes = periodic.classCount
    let q = periodic.columns.count
    let width = otherCount
    guard q > 0, classes > 0 else { return }
    var rootWeighted = table
    for a in 0..<q {
      for c in 0..<classes { rootWeighted[c + a * classes] *= weight[c].squareRoot() }
    }
    var blockGram = [Double](repeating: 0, count: q * q)
    let (q32, c32, w32) = (Int32(q), Int32(classes), Int32(width))
    KernelClock.measure {
      cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, q32, c32, 1, rootWeighted, c32, 0,
        &blockGram, q32)
    }
    var cross = [Double](repeating: 0, count: q * Swift.max(width, 1))
    if width > 0 {
      // (q × C)·(C × width): the class table transposed times the per-class sums, which are
      // stored as width × C.
      KernelClock.measure {
        cblas_dgemm(CblasColMajor, CblasTrans, CblasTrans, q32, w32, c32, 1, table, c32,
          weightedOthers, w32, 0, &cross, q32)
      }
    }
    var response = [Double](repeating: 0, count: q)
    KernelClock.measure {
      cblas_dgemv(CblasColMajor, CblasTrans, c32, q32, 1, table, c32, weightedResponse, 1, 0,
        &response, 1)
    }
    let p = equations.dimension
    let first = periodic.columns.lowerBound
    for a in 0..<q {
      let j = first + a
      equations.crossProduct[j] += sign * response[a]
      for a2 in 0...a { equations.upperGram[first + a2 + j * p] += sign * blockGram[a2 + a * q] }
      for (b, other) in otherColumns.enumerated() {
        let (low, high) = j < other ? (j, other) : (other, j)
        equations.upperGram[low + high * p] += sign * cross[a + b * q]
      }
    }
  }

  /// Adds `sign` × the products of the block with step columns (zero before their start, a
  /// constant from it on): Σ_{i ≥ start} wᵢ v_{c(i)} = Vᵀ·T, where T holds each step's weights
  /// per class over its suffix — one backward sweep over the rows' classes instead of one
  /// sweep per block column.
  func addStepProducts(
    _ steps: [(column: Int, start: Int, value: Double)], into equations: inout NormalEquations,
    rows range: Range<Int>, weights: [Double]?, sign: Double
  ) {
    let classes = periodic.classCount
    let q = periodic.columns.count
    guard !steps.isEmpty, q > 0, classes > 0 else { return }
    let order = steps.indices.sorted { steps[$0].start > steps[$1].start }
    var running = [Double](repeating: 0, count: classes)
    var suffix = [Double](repeating: 0, count: classes * steps.count)
    var t = range.upperBound
    for k in order {
      let start = Swift.max(range.lowerBound, steps[k].start)
      while t > start {
        t -= 1
        let w = weights?[t] ?? 1
        if w > 0 { running[Int(periodic.rowClass[t])] += w }
      }
      suffix.replaceSubrange((k * classes)..<((k + 1) * classes), with: running)
    }
    var products = [Double](repeating: 0, count: q * steps.count)
    let (q32, c32, s32) = (Int32(q), Int32(classes), Int32(steps.count))
    KernelClock.measure {
      cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, q32, s32, c32, 1, table, c32, suffix,
        c32, 0, &products, q32)
    }
    let p = equations.dimension
    let first = periodic.columns.lowerBound
    for (k, step) in steps.enumerated() {
      for a in 0..<q {
        let j = first + a
        let (low, high) = j < step.column ? (j, step.column) : (step.column, j)
        equations.upperGram[low + high * p] += sign * step.value * products[a + k * q]
      }
    }
  }
}
