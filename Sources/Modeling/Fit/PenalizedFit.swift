import Features
import LinearAlgebra
import TimeSeries

/// The penalised, robust least-squares fit of the structural model on a prepared design.
struct PenalizedFit {
  let setup: TrainingSetup
  let spec: ModelSpec
  /// XᵀWX, XᵀWy with the current weights.
  var equations: NormalEquations
  var weights: [Double]
  /// Ridge factors per column in the design's units: relative weight × column scale².
  var penalty: [Double]
  let columnScales: [Double]
  var lambda: Double = 0
  var penaltyChosenBy = "gcv"
  var coefficients: [Double] = []
  /// Response minus fit on every slot (NaN where the slot is not observed), kept in step with
  /// `coefficients` by `solve()` so that re-weighting and scale updates share one product.
  private var currentResiduals: [Double] = []
  var criterion: RidgeCriterion?
  var reciprocalCondition = 0.0
  var residualScale = 0.0
  /// Residual scale per bin of `binning` (hour of day, or month for long daily data).
  var binScales: [Double] = []
  /// Each slot's bin of `binning`: every robust step and scale update reads it for every row.
  private let slotBins: [Int32]

  /// Slope changes and level shifts are made sparse by this many re-weightings of their
  /// penalty (adaptive ridge, approximating an L1 penalty): real shifts survive, noise does not.
  static let changepointIterations = 4

  init(setup: TrainingSetup, spec: ModelSpec) throws {
    self.setup = setup
    self.spec = spec
    weights = setup.baseWeights
    slotBins = Self.bins(of: setup)
    do {
      equations = try setup.normalEquations()
    } catch {
      throw ModelingError.numerical(error.description)
    }
    let n = Double(max(1, equations.observationCount))
    let gram = equations.gram
    let scales = (0..<setup.columns.count).map { j in
      let rms = (gram[j, j] / n).squareRoot()
      return rms > 0 && rms.isFinite ? rms : 1
    }
    columnScales = scales
    penalty = setup.columns.enumerated().map { j, column in
      // Columns that are zero on every training row get a unit penalty so that they stay 0.
      gram[j, j] > 0 ? PenaltyWeights.weight(column.penalty) * scales[j] * scales[j] : 1
    }
  }

  mutating func run() throws {
    do {
      try chooseLambda()
      let iterations = max(0, spec.robustIterations ?? 3)
      // The last step's scales would be overwritten unread: the changepoint steps solve again
      // and take the scales of their final solve (`sparsifyChangepoints`).
      for k in 0..<iterations { try reweightRobustly(updatingScales: k < iterations - 1) }
    } catch let error as LinearAlgebraError {
      throw ModelingError.numerical(error.description)
    }
  }

  /// λ by GCV on the unweighted-by-robustness fit, unless the spec fixes it.
  private mutating func chooseLambda() throws {
    if let fixed = spec.penalty {
      lambda = max(0, fixed)
      penaltyChosenBy = "spec"
      try solve()
      criterion = try setup.criterionPath(equations, penalty: penalty).criterion(lambda: lambda)
    } else {
      let best = try setup.criterionPath(equations, penalty: penalty).choose().best
      lambda = best.lambda
      criterion = best
      try solve()
    }
    updateResidualScales()
  }

  /// Solves at the current λ and penalty; `updatingResiduals: false` skips the n·p product
  /// for intermediate solves whose residuals nobody reads (the caller solves again after).
  private mutating func solve(updatingResiduals: Bool = true) throws {
    let solution = try equations.solve(lambda: lambda, penalty: penalty)
    coefficients = solution.coefficients
    reciprocalCondition = solution.reciprocalCondition
    residualsAreStale = !updatingResiduals
    guard updatingResiduals else { return }
    let fitted = LinearPredictor.predictAll(setup, coefficients)
    currentResiduals = (0..<fitted.count).map {
      setup.baseWeights[$0] > 0 ? setup.response[$0] - fitted[$0] : .nan
    }
  }

  /// A row's robust weight is updated only when it moves by more than this: later IRLS steps
  /// nudge the weights of most outliers by tiny amounts, and each update costs a rank-one
  /// change of the Gram (p²), while the solution is insensitive to them. The Gram always
  /// matches the stored weights, so the fit stays exactly the weighted fit it reports.
  static let weightChangeTolerance = 0.02

  /// One IRLS step: new weights from the current residuals, applied to the Gram by touching
  /// only the rows whose weight changed.
  private mutating func reweightRobustly(updatingScales: Bool) throws {
    var rows: [Int] = []
    var changes: [Double] = []
    for i in 0..<weights.count where setup.baseWeights[i] > 0 {
      let scale = scaleForRow(i)
      let u = currentResiduals[i] / scale
      let w = RobustWeights.weight(u)
      if abs(w - weights[i]) > Self.weightChangeTolerance {
        rows.append(i)
        changes.append(w - weights[i])
        weights[i] = w
      }
    }
    guard !rows.isEmpty else { return }
    changepointFactorization = nil
    try equations.reweight(
      design: setup.design, response: setup.response, rows: rows, weightChanges: changes)
    try solve()
    if updatingScales { updateResidualScales() } else { scalesAreStale = true }
  }

  /// True while `residualScale` and `binScales` describe earlier residuals than the current
  /// ones (after the last robust step, until `sparsifyChangepoints` ends).
  private(set) var scalesAreStale = false

  /// The scales of the last robust step's residuals (lean solves leave `currentResiduals`
  /// alone, so they are still those), then the full solve if a lean one left it behind.
  private mutating func refreshResidualsAndScales() throws {
    if scalesAreStale { updateResidualScales() }
    try refreshIfStale()
  }

  /// Multipliers of the changepoint penalty that cross-validation may choose: a coarse grid
  /// first, then the decades on either side of its best point.
  static let coarseChangepointStrengths: [Double] = [1, 100, 10_000]
  static let changepointStrengthRange: ClosedRange<Double> = 0.1...10_000
  /// Every how many rolling origins one is used for choosing the strength: neighbouring
  /// origins (a season apart, with a horizon of several seasons) share most of their test
  /// rows, so a thinned set judges trend extrapolation nearly as well at a fraction of the
  /// solves.
  static let strengthOriginStride = 3
  var changepointStrength = 1.0
  var changepointStrengthChosenBy = "fixed"

  /// Chooses how strongly slope changes and level shifts are penalised by the out-of-sample
  /// error at the rolling origins: GCV judges in-sample fit, which is blind to a trend that
  /// bends to follow the last weeks and then extrapolates that bend.
  mutating func chooseChangepointStrength(_ origins: RollingOrigins) throws {
    let indices = changepointColumns
    guard !indices.isEmpty else { return }
    if let fixed = spec.changepointStrength {
      try applyChangepointStrength(max(0, fixed), chosenBy: "spec", to: indices)
      return
    }
    guard spec.penalty == nil, !origins.slots.isEmpty else { return }
    // Small designs (daily data, short series) can afford every origin.
    let stride = setup.columns.count <= 120 ? 1 : Self.strengthOriginStride
    let thinned = origins.thinned(every: stride)
    var errorByStrength: [Double: Double] = [:]
    func evaluate(_ strength: Double) {
      guard errorByStrength[strength] == nil,
        Self.changepointStrengthRange.contains(strength)
      else { return }
      var candidate = penalty
      for j in indices { candidate[j] *= strength }
      let errors = thinned.errors(lambda: lambda, penalty: candidate)
      errorByStrength[strength] = errors.isEmpty
        ? .infinity : errors.reduce(0) { $0 + abs($1.error) } / Double(errors.count)
    }
    func best() -> Double {
      // Ties go to the weaker penalty (smaller strength), as a strict `<` over ascending keys.
      var choice = (strength: 1.0, error: Double.infinity)
      for strength in errorByStrength.keys.sorted() {
        if let error = errorByStrength[strength], error < choice.error - 1e-12 {
          choice = (strength, error)
        }
      }
      return choice.strength
    }
    Self.coarseChangepointStrengths.forEach(evaluate)
    let coarse = best()
    evaluate(coarse / 10)
    evaluate(coarse * 10)
    try applyChangepointStrength(best(), chosenBy: "cv", to: indices)
  }

  /// Slope-change and level-shift columns that are penalised: the ones whose penalty the
  /// strength choice and the sparsity steps change.
  var changepointColumns: [Int] {
    setup.columns.indices.filter {
      PenaltyWeights.isChangepoint(setup.columns[$0].penalty) && penalty[$0] > 0
    }
  }

  /// The whole window's normal equations factored once for penalties that change only on the
  /// changepoint columns (built on first use after the robust weights are final).
  private var changepointFactorization: VaryingPenaltyFactorization?

  /// Solves with a penalty that differs from the current one only on `indices` through the
  /// block factorization, without the condition estimate and without updating the residuals:
  /// the caller solves fully (`solve()`) before residuals or diagnostics are read.
  private mutating func solveVaryingChangepoints(_ indices: [Int]) throws {
    if changepointFactorization == nil {
      changepointFactorization = try VaryingPenaltyFactorization(
        equations, lambda: lambda, penalty: penalty, varying: indices)
    }
    coefficients = try changepointFactorization?.coefficients(penalty: penalty)
      ?? equations.coefficients(lambda: lambda, penalty: penalty)
    residualsAreStale = true
  }

  /// True after a lean solve: `currentResiduals` and `reciprocalCondition` describe earlier
  /// coefficients until the next full `solve()`.
  private var residualsAreStale = false

  private mutating func applyChangepointStrength(
    _ strength: Double, chosenBy: String, to indices: [Int]
  ) throws {
    changepointStrength = strength
    changepointStrengthChosenBy = chosenBy
    for j in indices { penalty[j] *= strength }
    do { try solveVaryingChangepoints(indices) } catch let error as LinearAlgebraError {
      throw ModelingError.numerical(error.description)
    }
  }

  /// The full solve (condition estimate, residuals) when a lean one left them behind.
  private mutating func refreshIfStale() throws {
    guard residualsAreStale else { return }
    do { try solve() } catch let error as LinearAlgebraError {
      throw ModelingError.numerical(error.description)
    }
  }

  /// Adaptive ridge on changepoint columns: factor ∝ 1/(|β̃| + ε), which approximates an L1
  /// penalty with the overall strength kept at the chosen one.
  mutating func sparsifyChangepoints() throws {
    let indices = changepointColumns
    guard !indices.isEmpty else { return try refreshResidualsAndScales() }
    let base = indices.map {
      PenaltyWeights.weight(setup.columns[$0].penalty) * changepointStrength
    }
    // A strength of 0 leaves the changepoints unpenalised; there is nothing to sparsify.
    guard base.contains(where: { $0 > 0 }) else { return try refreshResidualsAndScales() }
    for iteration in 0..<Self.changepointIterations {
      let standardized = indices.map { abs(coefficients[$0] * columnScales[$0]) }
      let epsilon = max(1e-6, 0.01 * (standardized.max() ?? 0))
      let mean = standardized.reduce(0, +) / Double(indices.count) + epsilon
      for (k, j) in indices.enumerated() {
        let relative = base[k] * mean / (standardized[k] + epsilon)
        penalty[j] = relative * columnScales[j] * columnScales[j]
      }
      // The last step solves fully: its condition estimate and residuals are the model's.
      let last = iteration == Self.changepointIterations - 1
      do {
        if last { try solve() } else { try solveVaryingChangepoints(indices) }
      } catch let error as LinearAlgebraError {
        throw ModelingError.numerical(error.description)
      }
    }
    updateResidualScales()
  }

  /// Residual scale (1.4826 · MAD) overall and per bin, over observed rows.
  ///
  /// Runs after every solve of the robust fit, so the residuals are sorted into their bins
  /// once and each MAD selects in place (no copies).
  private mutating func updateResidualScales() {
    scalesAreStale = false
    let r = residuals()
    let bins = binCount
    var all: [Double] = []
    all.reserveCapacity(r.count)
    var byBin = [[Double]](repeating: [], count: bins)
    if bins > 1 {
      for b in 0..<bins { byBin[b].reserveCapacity(r.count / bins + 1) }
    }
    for i in 0..<r.count where setup.baseWeights[i] > 0 && r[i].isFinite {
      all.append(r[i])
      if bins > 1 { byBin[bin(ofSlot: i)].append(r[i]) }
    }
    residualScale = Self.madInPlace(&all)
    guard bins > 1 else {
      binScales = [residualScale]
      return
    }
    binScales = (0..<bins).map { b in
      // Shrink each bin's scale towards the overall one when it has few rows.
      let count = byBin[b].count
      guard count >= 8 else { return residualScale }
      let local = Self.madInPlace(&byBin[b])
      let share = Double(count) / Double(count + 50)
      return max(1e-9, share * local + (1 - share) * residualScale)
    }
  }

  /// Hours of the day for sub-daily data; months for daily data spanning two years (each
  /// month then has at least two seasons of rows); otherwise one bin.
  var binning: ResidualScaleBinning { Self.binning(of: setup) }
  var binSeconds: Int64 { Self.binSeconds(of: binning) }
  var binCount: Int { Self.binCount(of: binning) }

  private static func binning(of setup: TrainingSetup) -> ResidualScaleBinning {
    if setup.grid.step < 86_400 { return .timeOfDay }
    let spanDays = Double(setup.grid.count) * Double(setup.grid.step) / 86_400
    return setup.hasCalendar && spanDays >= 730 ? .monthOfYear : .none
  }

  private static func binSeconds(of binning: ResidualScaleBinning) -> Int64 {
    binning == .timeOfDay ? 3_600 : 86_400
  }

  private static func binCount(of binning: ResidualScaleBinning) -> Int {
    switch binning {
    case .none: return 1
    case .timeOfDay: return 24
    case .monthOfYear: return 12
    }
  }

  private static func bins(of setup: TrainingSetup) -> [Int32] {
    let binning = binning(of: setup)
    let count = binCount(of: binning)
    let seconds = binSeconds(of: binning)
    guard count > 1 else { return [Int32](repeating: 0, count: setup.timeline.localSeconds.count) }
    return setup.timeline.localSeconds.map { local in
      Int32(min(count - 1, binning.bin(ofLocalSeconds: local, binSeconds: seconds)))
    }
  }

  func bin(ofSlot slot: Int) -> Int { Int(slotBins[slot]) }

  func scaleForRow(_ slot: Int) -> Double {
    let s = binScales.isEmpty ? residualScale : binScales[bin(ofSlot: slot)]
    return max(s, 1e-9)
  }

  /// Response minus fit on every slot (NaN where the slot is not observed).
  func residuals() -> [Double] { currentResiduals }

  static func mad(_ values: [Double]) -> Double {
    var finite = values.filter { $0.isFinite }
    return madInPlace(&finite)
  }

  /// 1.4826 · MAD of finite `values`, reordering and overwriting them.
  static func madInPlace(_ values: inout [Double]) -> Double {
    guard !values.isEmpty else { return 1e-9 }
    let median = Quantiles.medianInPlace(&values)
    for i in values.indices { values[i] = abs(values[i] - median) }
    return max(1e-9, 1.4826 * Quantiles.medianInPlace(&values))
  }
}
