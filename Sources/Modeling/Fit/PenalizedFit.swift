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
  var criterion: RidgeCriterion?
  var reciprocalCondition = 0.0
  var residualScale = 0.0
  var timeOfDayScales: [Double] = []

  /// Slope changes and level shifts are made sparse by this many re-weightings of their
  /// penalty (adaptive ridge, approximating an L1 penalty): real shifts survive, noise does not.
  static let changepointIterations = 4

  init(setup: TrainingSetup, spec: ModelSpec) throws {
    self.setup = setup
    self.spec = spec
    weights = setup.baseWeights
    do {
      equations = try NormalEquations(
        design: setup.design, response: setup.response, weights: weights)
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
      for _ in 0..<iterations { try reweightRobustly() }
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
      let path = try RidgePath(equations, penalty: penalty)
      criterion = path.criterion(lambda: lambda)
    } else {
      let path = try RidgePath(equations, penalty: penalty)
      let fit = try path.fit(.generalizedCrossValidation())
      lambda = fit.lambda
      criterion = fit.criterion
      try solve()
    }
    updateResidualScales()
  }

  private mutating func solve() throws {
    let solution = try equations.solve(lambda: lambda, penalty: penalty)
    coefficients = solution.coefficients
    reciprocalCondition = solution.reciprocalCondition
  }

  /// One IRLS step: new weights from the current residuals, applied to the Gram by touching
  /// only the rows whose weight changed.
  private mutating func reweightRobustly() throws {
    let fitted = LinearPredictor.predict(setup.design, coefficients, rows: 0..<weights.count)
    var rows: [Int] = []
    var changes: [Double] = []
    for i in 0..<weights.count where setup.baseWeights[i] > 0 {
      let scale = scaleForRow(i)
      let u = (setup.response[i] - fitted[i]) / scale
      let w = RobustWeights.weight(u)
      if abs(w - weights[i]) > 1e-12 {
        rows.append(i)
        changes.append(w - weights[i])
        weights[i] = w
      }
    }
    guard !rows.isEmpty else { return }
    try equations.reweight(
      design: setup.design, response: setup.response, rows: rows, weightChanges: changes)
    try solve()
    updateResidualScales()
  }

  /// Multipliers of the changepoint penalty tried by time-series cross-validation.
  static let changepointStrengths: [Double] = [0.1, 1, 10, 100, 1_000, 10_000]
  var changepointStrength = 1.0

  /// Chooses how strongly slope changes and level shifts are penalised by the out-of-sample
  /// error at the rolling origins: GCV judges in-sample fit, which is blind to a trend that
  /// bends to follow the last weeks and then extrapolates that bend.
  mutating func chooseChangepointStrength(_ origins: RollingOrigins) throws {
    guard spec.penalty == nil, !origins.slots.isEmpty else { return }
    let indices = setup.columns.indices.filter {
      PenaltyWeights.isChangepoint(setup.columns[$0].penalty) && penalty[$0] > 0
    }
    guard !indices.isEmpty else { return }
    var best = (strength: 1.0, error: Double.infinity)
    for strength in Self.changepointStrengths {
      var candidate = penalty
      for j in indices { candidate[j] *= strength }
      let errors = origins.errors(lambda: lambda, penalty: candidate, shortTerm: .none)
      guard !errors.isEmpty else { continue }
      let mae = errors.reduce(0) { $0 + abs($1.error) } / Double(errors.count)
      if mae < best.error - 1e-12 { best = (strength, mae) }
    }
    changepointStrength = best.strength
    for j in indices { penalty[j] *= best.strength }
    do { try solve() } catch let error as LinearAlgebraError {
      throw ModelingError.numerical(error.description)
    }
  }

  /// Adaptive ridge on changepoint columns: factor ∝ 1/(|β̃| + ε), which approximates an L1
  /// penalty with the overall strength kept at the chosen one.
  mutating func sparsifyChangepoints() throws {
    let indices = setup.columns.indices.filter {
      PenaltyWeights.isChangepoint(setup.columns[$0].penalty) && penalty[$0] > 0
    }
    guard !indices.isEmpty else { return }
    let base = indices.map {
      PenaltyWeights.weight(setup.columns[$0].penalty) * changepointStrength
    }
    for _ in 0..<Self.changepointIterations {
      let standardized = indices.map { abs(coefficients[$0] * columnScales[$0]) }
      let epsilon = max(1e-6, 0.01 * (standardized.max() ?? 0))
      let mean = standardized.reduce(0, +) / Double(indices.count) + epsilon
      for (k, j) in indices.enumerated() {
        let relative = base[k] * mean / (standardized[k] + epsilon)
        penalty[j] = relative * columnScales[j] * columnScales[j]
      }
      do { try solve() } catch let error as LinearAlgebraError {
        throw ModelingError.numerical(error.description)
      }
    }
    updateResidualScales()
  }

  /// Residual scale (1.4826 · MAD) overall and per time-of-day bin, over observed rows.
  private mutating func updateResidualScales() {
    let r = residuals()
    let observed = (0..<r.count).filter { setup.baseWeights[$0] > 0 }
    residualScale = Self.mad(observed.map { r[$0] })
    let bins = timeOfDayBinCount
    guard bins > 1 else {
      timeOfDayScales = [residualScale]
      return
    }
    var byBin = [[Double]](repeating: [], count: bins)
    for i in observed { byBin[timeOfDayBin(i)].append(r[i]) }
    timeOfDayScales = byBin.map { values in
      // Shrink each bin's scale towards the overall one when it has few rows.
      guard values.count >= 8 else { return residualScale }
      let local = Self.mad(values)
      let share = Double(values.count) / Double(values.count + 50)
      return max(1e-9, share * local + (1 - share) * residualScale)
    }
  }

  var timeOfDayBinCount: Int { setup.grid.step < 86_400 ? 24 : 1 }
  var binSeconds: Int64 { setup.grid.step < 86_400 ? 3_600 : 86_400 }

  func timeOfDayBin(_ slot: Int) -> Int {
    guard timeOfDayBinCount > 1 else { return 0 }
    return min(timeOfDayBinCount - 1, setup.timeline.secondOfDay(slot) / Int(binSeconds))
  }

  func scaleForRow(_ slot: Int) -> Double {
    let s = timeOfDayScales.isEmpty ? residualScale : timeOfDayScales[timeOfDayBin(slot)]
    return max(s, 1e-9)
  }

  /// Response minus fit on every slot (0 where the slot is not observed).
  func residuals() -> [Double] {
    let fitted = LinearPredictor.predict(setup.design, coefficients, rows: 0..<weights.count)
    return (0..<fitted.count).map {
      setup.baseWeights[$0] > 0 ? setup.response[$0] - fitted[$0] : .nan
    }
  }

  static func mad(_ values: [Double]) -> Double {
    let finite = values.filter { $0.isFinite }
    guard !finite.isEmpty else { return 1e-9 }
    let median = Quantiles.median(finite)
    let deviations = finite.map { abs($0 - median) }
    return max(1e-9, 1.4826 * Quantiles.median(deviations))
  }
}
