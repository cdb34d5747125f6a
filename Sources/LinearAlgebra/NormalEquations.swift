import CLAPACKE

/// The sufficient statistics of a weighted least-squares problem: the Gram matrix XᵀWX, the
/// cross-product XᵀWy, yᵀWy and the number of rows accumulated.
///
/// This is the traffic model's fast path (NUMERICS.md): forming XᵀX costs n·p² flops, half a
/// Householder QR, and everything after it (penalized solves, choosing λ by GCV, rolling
/// origins, robust reweighting) is p × p work. It squares the condition number, so it is for
/// designs that are well conditioned by construction (scaled, penalized columns); ill-posed
/// textbook problems such as NIST Filip belong to `LeastSquares.solve`.
///
/// Accumulation is additive, which is what makes rolling origins and reweighting cheap:
/// the statistics of rows [0, o₂) are those of [0, o₁) plus `accumulate(rows: o₁..<o₂)`.
public struct NormalEquations: Sendable, Equatable {
  /// p, the number of design columns.
  public let dimension: Int
  /// XᵀWX, column-major p × p; only the upper triangle is maintained (`dsyrk` writes one
  /// triangle), `gram` returns the full symmetric matrix.
  var upperGram: [Double]
  /// XᵀWy, length p.
  public internal(set) var crossProduct: [Double]
  /// yᵀWy.
  public internal(set) var responseSumOfSquares: Double
  /// Rows accumulated with positive weight; `reweight` leaves it unchanged.
  public private(set) var observationCount: Int

  /// Statistics of zero rows (all zero), to accumulate into.
  public init(dimension: Int) {
    precondition(dimension >= 0, "dimension must be non-negative")
    self.dimension = dimension
    upperGram = [Double](repeating: 0, count: dimension * dimension)
    crossProduct = [Double](repeating: 0, count: dimension)
    responseSumOfSquares = 0
    observationCount = 0
  }

  /// Statistics of the given rows of `design` (all rows by default), optionally weighted.
  ///
  /// - Throws: see `accumulate(design:response:rows:weights:)`.
  public init(
    design: Matrix, response: [Double], rows: Range<Int>? = nil, weights: [Double]? = nil,
    periodic: PeriodicBlock? = nil
  ) throws(LinearAlgebraError) {
    self.init(dimension: design.columns)
    try accumulate(
      design: design, response: response, rows: rows, weights: weights, periodic: periodic)
  }

  /// XᵀWX as a full symmetric p × p matrix.
  public var gram: Matrix {
    var full = upperGram
    LAPACK.mirrorUpperToLower(&full, order: dimension)
    // Storage size is p·p by construction, so this cannot fail.
    return (try? Matrix(rows: dimension, columns: dimension, columnMajor: full))
      ?? Matrix(rows: dimension, columns: dimension)
  }

  /// Adds the rows `rows` (default: all) of the design, weighted by `weights[i]` if given.
  ///
  /// Unweighted rows go straight to `cblas_dsyrk` and `cblas_dgemv` on the caller's storage at
  /// a pointer offset (leading dimension n, no copy). Weighted rows are scaled by √wᵢ into a
  /// small buffer of at most 1024 rows at a time, which keeps the extra memory O(p) rows and the
  /// buffer in cache. `weights` is indexed like the design's rows (length n), not like `rows`.
  /// Cost: n·p² flops (p² for the Gram's triangle, times rows).
  /// - Throws: `.dimensionMismatch`, `.nonFiniteValue`, `.invalidArgument`.
  ///
  /// `periodic`, when given, names columns whose values are a function of a row class (see
  /// `PeriodicBlock`); their products are then summed per class, with the same result up to
  /// the order of additions. It is used only when the rows outnumber its classes severalfold.
  public mutating func accumulate(
    design: Matrix, response: [Double], rows: Range<Int>? = nil, weights: [Double]? = nil,
    periodic: PeriodicBlock? = nil
  ) throws(LinearAlgebraError) {
    try apply(
      design: design, response: response, rows: rows, weights: weights, sign: 1,
      periodic: periodic)
  }

  /// Removes rows that were accumulated before (with the same weights): the statistics of the
  /// remaining rows. Used to get prefixes from the statistics of the whole window by removing
  /// a short suffix, which costs the suffix's rows rather than the prefix's.
  ///
  /// Accuracy: the subtraction carries an absolute error of order ε·‖XᵀWX‖ of the larger set;
  /// fine when the removed rows are a small part of it.
  /// - Throws: as `accumulate`.
  public mutating func remove(
    design: Matrix, response: [Double], rows: Range<Int>, weights: [Double]? = nil
  ) throws(LinearAlgebraError) {
    try apply(design: design, response: response, rows: rows, weights: weights, sign: -1)
  }

  /// XᵀX (and Xᵀy, yᵀy) of every row of `design` with unit weights, reusing the structure
  /// `product` found in the same design (its steps, sparse tail and verified periodic class
  /// table) instead of scanning the design for them again: the same statistics, to the bit,
  /// as `init(design:response:periodic:)` with `product`'s periodic block.
  /// - Precondition: `product` was built from `design` (a programming error otherwise).
  /// - Throws: as `accumulate`.
  public init(
    unitWeightsOf design: Matrix, response: [Double], structure product: StructuredProduct
  ) throws(LinearAlgebraError) {
    precondition(
      product.rows == design.rows && product.columns == design.columns,
      "the structure belongs to another design")
    self.init(dimension: design.columns)
    try checkShape(design: design, response: response, weights: nil)
    let n = design.rows
    let periodic = product.periodic.flatMap { found in
      Self.classSumsPay(rows: n, classes: found.block.classCount) ? found : nil
    }
    try apply(
      design: design, response: response, range: 0..<n, weights: nil, window: nil, sign: 1,
      structure: Structure(
        tail: SparseTail(columns: product.tail), steps: StepColumns(steps: product.steps),
        periodic: periodic))
  }

  /// Per-class sums pay when the rows outnumber the classes severalfold.
  private static func classSumsPay(rows: Int, classes: Int) -> Bool { rows >= 4 * classes }

  /// What one accumulation exploits in the rows it adds: the sparse tail, the step columns
  /// and, when every row agrees with its class, the periodic block with its class table.
  private struct Structure {
    var tail: SparseTail
    var steps: StepColumns
    var periodic: (block: PeriodicBlock, table: [Double])?
  }

  private func checkShape(design: Matrix, response: [Double], weights: [Double]?)
    throws(LinearAlgebraError)
  {
    try Validation.requireCount(design.columns, dimension, "design columns")
    try Validation.requireCount(response.count, design.rows, "response length")
    _ = try Validation.lapackInt(design.rows, "rows")
    if let weights { try Validation.requireCount(weights.count, design.rows, "number of weights") }
  }

  private mutating func apply(
    design: Matrix, response: [Double], rows: Range<Int>?, weights: [Double]?, sign: Double,
    periodic: PeriodicBlock? = nil
  ) throws(LinearAlgebraError) {
    BLASThreading.ensureSingleThreaded()
    let n = design.rows
    let p = dimension
    try checkShape(design: design, response: response, weights: weights)
    let range = rows ?? 0..<n
    guard range.lowerBound >= 0, range.upperBound <= n else {
      throw .invalidArgument(name: "rows", reason: "\(range) is outside 0..<\(n)")
    }
    guard !range.isEmpty, p > 0 else { return }
    var window: [Double]? = nil
    if let weights {
      window = Array(weights[range])
      _ = try Validation.checkWeights(window ?? [], rows: range.count)
    }
    let tail = SparseTail(design: design, rows: range, weights: weights)
    let dense = p - tail.columns.count
    let steps = StepColumns(design: design, rows: range, columns: 0..<dense)
    // The block must be disjoint from the sparse tail and the steps, which have their own
    // products, and every row must agree with its class.
    let usablePeriodic = periodic.flatMap { block -> (block: PeriodicBlock, table: [Double])? in
      guard block.rowClass.count == n, block.columns.upperBound <= dense,
        Self.classSumsPay(rows: range.count, classes: block.classCount),
        !steps.steps.contains(where: { block.columns.contains($0.column) }),
        let table = PeriodicSums.classTable(
          design: design, range: range, weights: weights, periodic: block)
      else { return nil }
      return (block, table)
    }
    try apply(
      design: design, response: response, range: range, weights: weights, window: window,
      sign: sign, structure: Structure(tail: tail, steps: steps, periodic: usablePeriodic))
  }

  /// Adds `sign` × the rows' statistics through `structure`.
  private mutating func apply(
    design: Matrix, response: [Double], range: Range<Int>, weights: [Double]?,
    window: [Double]?, sign: Double, structure: Structure
  ) throws(LinearAlgebraError) {
    BLASThreading.ensureSingleThreaded()
    let p = dimension
    guard !range.isEmpty, p > 0 else { return }
    // A NaN or infinity anywhere in the rows makes a diagonal entry of the Gram (a sum of
    // squares), or yᵀy, non-finite, so checking p + 1 sums after the BLAS calls replaces a
    // separate pass over n·p inputs; the previous state is restored before throwing.
    let saved = self
    let (tail, steps) = (structure.tail, structure.steps)
    let dense = p - tail.columns.count
    if !steps.steps.isEmpty || structure.periodic != nil {
      let stepSet = Set(steps.steps.map(\.column))
      let others = (0..<dense).filter { !stepSet.contains($0) }
      let classSums = accumulateGathered(
        design: design, response: response, range: range, weights: weights, sign: sign,
        columns: others, periodic: structure.periodic)
      // Periodic columns meet the steps through per-class suffix weights, not column sweeps.
      let swept = classSums.map { sums in others.filter { !sums.periodic.columns.contains($0) } }
      steps.accumulate(
        into: &self, design: design, response: response, rows: range, weights: weights,
        sign: sign, other: swept ?? others)
      classSums?.addStepProducts(
        steps.steps, into: &self, rows: range, weights: weights, sign: sign)
      observationCount += Int(sign) * (window.map { w in w.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
        ?? range.count)
    } else if let weights {
      accumulateWeighted(
        design: design, response: response, range: range, weights: weights, sign: sign,
        denseColumns: dense)
      observationCount += Int(sign) * (window ?? []).reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
    } else {
      accumulateUnweighted(
        design: design, response: response, range: range, sign: sign, denseColumns: dense)
      observationCount += Int(sign) * range.count
    }
    tail.accumulate(into: &self, design: design, response: response, weights: weights, sign: sign)
    if !isFinite {
      self = saved
      try Self.locateNonFinite(design: design, response: response, range: range)
    }
  }

  /// Whether every diagonal entry, the cross-product and yᵀy are finite.
  private var isFinite: Bool {
    var sum = responseSumOfSquares
    for j in 0..<dimension { sum += upperGram[j + j * dimension] * 0 + crossProduct[j] * 0 }
    return sum.isFinite
  }

  /// Throws `.nonFiniteValue` for the first NaN or infinity in the rows (or an invalid
  /// argument when the inputs are finite but their squares overflow).
  private static func locateNonFinite(
    design: Matrix, response: [Double], range: Range<Int>
  ) throws(LinearAlgebraError) {
    for i in range where !response[i].isFinite {
      throw .nonFiniteValue(argument: "response", index: i)
    }
    for j in 0..<design.columns {
      for i in range where !design[i, j].isFinite {
        throw .nonFiniteValue(argument: "design", index: i + j * design.rows)
      }
    }
    throw .invalidArgument(
      name: "design", reason: "sums of squares overflow; rescale the columns")
  }

  /// Adds `sign` × the rows' statistics, reading the caller's storage at a pointer offset
  /// (leading dimension n, no copy).
  private mutating func accumulateUnweighted(
    design: Matrix, response: [Double], range: Range<Int>, sign: Double, denseColumns: Int
  ) {
    guard denseColumns > 0 else {
      accumulateResponse(response, range: range, sign: sign)
      return
    }
    let n = Int32(design.rows)
    let p = Int32(denseColumns)
    let ldc = Int32(dimension)
    let k = Int32(range.count)
    let a = range.lowerBound
    design.withUnsafeBufferPointer { x in
      response.withUnsafeBufferPointer { y in
        guard let xBase = x.baseAddress, let yBase = y.baseAddress else { return }
        KernelClock.measure { cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, p, k, sign, xBase + a, n, 1,
          &upperGram, ldc) }
        KernelClock.measure { cblas_dgemv(CblasColMajor, CblasTrans, k, p, sign, xBase + a, n, yBase + a, 1, 1,
          &crossProduct, 1) }
        responseSumOfSquares += sign * KernelClock.measure { cblas_ddot(k, yBase + a, 1, yBase + a, 1) }
      }
    }
  }

  /// Weighted rows: runs of unit weight (most rows of a robust fit) go to the unweighted path
  /// without a copy, zero weights are skipped, and the rest are scaled by √wᵢ into a buffer.
  private mutating func accumulateWeighted(
    design: Matrix, response: [Double], range: Range<Int>, weights: [Double], sign: Double,
    denseColumns: Int
  ) {
    var scaled: [Int] = []
    var runStart = range.lowerBound
    for i in range {
      if weights[i] == 1 { continue }
      if runStart < i {
        accumulateUnweighted(
          design: design, response: response, range: runStart..<i, sign: sign,
          denseColumns: denseColumns)
      }
      runStart = i + 1
      if weights[i] > 0 { scaled.append(i) }
    }
    if runStart < range.upperBound {
      accumulateUnweighted(
        design: design, response: response, range: runStart..<range.upperBound, sign: sign,
        denseColumns: denseColumns)
    }
    accumulateScaled(
      design: design, response: response, rows: scaled, weights: weights, sign: sign,
      denseColumns: denseColumns)
  }

  /// `sign` × Σ wᵢ xᵢxᵢᵀ over the listed rows, gathered √wᵢ-scaled into blocks of ≤ 1024 rows
  /// so that the extra memory stays small and in cache.
  private mutating func accumulateScaled(
    design: Matrix, response: [Double], rows: [Int], weights: [Double], sign: Double,
    denseColumns p: Int
  ) {
    guard !rows.isEmpty else { return }
    let n = design.rows
    let chunk = Swift.min(1024, rows.count)
    var buffer = [Double](repeating: 0, count: chunk * p)
    var roots = [Double](repeating: 0, count: chunk)
    var scaledResponse = [Double](repeating: 0, count: chunk)
    var start = 0
    while start < rows.count {
      let count = Swift.min(chunk, rows.count - start)
      for k in 0..<count {
        let row = rows[start + k]
        roots[k] = weights[row].squareRoot()
        scaledResponse[k] = response[row] * roots[k]
      }
      design.withUnsafeBufferPointer { x in
        buffer.withUnsafeMutableBufferPointer { target in
          for j in 0..<p {
            let column = j * n
            let destination = j * chunk
            for k in 0..<count { target[destination + k] = x[column + rows[start + k]] * roots[k] }
          }
        }
      }
      let (k32, p32, ld, ldc) = (Int32(count), Int32(p), Int32(chunk), Int32(dimension))
      KernelClock.measure { cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, p32, k32, sign, buffer, ld, 1,
        &upperGram, ldc) }
      KernelClock.measure { cblas_dgemv(CblasColMajor, CblasTrans, k32, p32, sign, buffer, ld, scaledResponse, 1, 1,
        &crossProduct, 1) }
      responseSumOfSquares += sign * KernelClock.measure { cblas_ddot(k32, scaledResponse, 1, scaledResponse, 1) }
      start += count
    }
  }

  /// The same XᵀWX with the response statistics of another response on the same rows and
  /// weights: XᵀWy, yᵀWy and the count of rows with positive weight.
  ///
  /// Why: series sampled on the same grid share their design, and with the same weights their
  /// Gram too; only these O(n·p)-to-compute statistics differ (see `StructuredProduct`).
  /// - Throws: `.dimensionMismatch`, `.nonFiniteValue`, `.invalidArgument` (negative count).
  public func replacingResponse(
    crossProduct: [Double], responseSumOfSquares: Double, observationCount: Int
  ) throws(LinearAlgebraError) -> NormalEquations {
    try Validation.requireCount(crossProduct.count, dimension, "cross-product length")
    try Validation.requireFinite(crossProduct, argument: "cross product")
    guard responseSumOfSquares.isFinite else {
      throw .nonFiniteValue(argument: "responseSumOfSquares", index: 0)
    }
    guard observationCount >= 0 else {
      throw .invalidArgument(name: "observationCount", reason: "\(observationCount) is negative")
    }
    var result = self
    result.crossProduct = crossProduct
    result.responseSumOfSquares = responseSumOfSquares
    result.observationCount = observationCount
    return result
  }

  /// Adds other statistics of the same dimension (for example a block accumulated in
  /// parallel): the result describes the union of both sets of rows.
  public mutating func add(_ other: NormalEquations) throws(LinearAlgebraError) {
    try Validation.requireCount(other.dimension, dimension, "dimension of added statistics")
    for index in upperGram.indices { upperGram[index] += other.upperGram[index] }
    for j in 0..<dimension { crossProduct[j] += other.crossProduct[j] }
    responseSumOfSquares += other.responseSumOfSquares
    observationCount += other.observationCount
  }

  /// The statistics of the prefixes [0, o₁), [0, o₂), … for ascending `origins`, in one pass
  /// over the rows: each is the previous plus the rows between, as rolling-origin backtests
  /// need (NUMERICS.md). Cost: one accumulation of rows [0, o_last) plus p² per origin.
  /// - Throws: `.invalidArgument` when `origins` is not ascending within 0...n.
  public static func prefixes(
    design: Matrix, response: [Double], origins: [Int], weights: [Double]? = nil
  ) throws(LinearAlgebraError) -> [NormalEquations] {
    var current = NormalEquations(dimension: design.columns)
    var result: [NormalEquations] = []
    result.reserveCapacity(origins.count)
    var previous = 0
    for origin in origins {
      guard origin >= previous, origin <= design.rows else {
        throw .invalidArgument(
          name: "origins", reason: "must ascend within 0...\(design.rows); got \(origin)")
      }
      try current.accumulate(
        design: design, response: response, rows: previous..<origin, weights: weights)
      result.append(current)
      previous = origin
    }
    return result
  }

  /// The same prefixes as `prefixes(design:response:origins:weights:)`, obtained from `full`,
  /// the statistics of all n rows with the same weights, by removing the suffixes [o_k, n):
  /// when the origins lie near the end (rolling origins of a forecast backtest), this touches
  /// n − o₁ rows instead of o_last.
  /// - Throws: `.invalidArgument` when `origins` is not ascending within 0...n.
  public static func prefixes(
    removingSuffixesFrom full: NormalEquations, design: Matrix, response: [Double],
    origins: [Int], weights: [Double]? = nil
  ) throws(LinearAlgebraError) -> [NormalEquations] {
    var current = full
    var result: [NormalEquations] = []
    result.reserveCapacity(origins.count)
    var next = design.rows
    for origin in origins.reversed() {
      guard origin >= 0, origin <= next else {
        throw .invalidArgument(
          name: "origins", reason: "must ascend within 0...\(design.rows); got \(origin)")
      }
      try current.remove(design: design, response: response, rows: origin..<next, weights: weights)
      result.append(current)
      next = origin
    }
    return result.reversed()
  }
}
