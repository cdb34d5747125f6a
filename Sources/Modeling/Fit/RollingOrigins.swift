import Features
import LinearAlgebra

/// Rolling forecast origins inside the training window, with the normal equations of each
/// prefix derived from those of the whole window.
///
/// Shared by two choices that must be judged out of sample: the strength of the changepoint
/// penalty (time-series cross-validation) and the interval calibration. Each origin costs a
/// p×p solve and a forecast of `horizon` rows, not a refit.
struct RollingOrigins {
  let setup: TrainingSetup
  /// Slot index of each origin, ascending.
  let slots: [Int]
  let horizon: Int
  /// True when the origins are whole seasons apart (sub-daily data: a day), so that a given
  /// lead falls at the same point of the season (hour of the day) from every origin.
  let leadsHaveFixedPhase: Bool
  let prefixes: [NormalEquations]
  /// Each prefix factored once for penalties that change only on the changepoint columns
  /// (see `preparedForVaryingPenalty`), or nil: then every solve factors its prefix afresh.
  private(set) var factorizations: [VaryingPenaltyFactorization]?

  /// - Parameter equations: the statistics of the whole window with `weights`; each origin's
  ///   prefix is obtained by removing the rows after it, which touches only the last
  ///   `horizon + (count − 1)·season` rows.
  init(
    setup: TrainingSetup, equations: NormalEquations, weights: [Double], count: Int, horizon: Int,
    memory: Int
  ) throws {
    self.setup = setup
    self.horizon = horizon
    let n = setup.grid.count
    // Sub-daily data: a day apart, so the origins see every hour of the day. Daily data: a
    // whole horizon apart, so that a dozen origins span a year of seasons rather than the
    // last few calm (or busy) weeks; their errors calibrate every season's forecasts.
    let stride = setup.grid.step < 86_400 ? setup.seasonSteps : max(setup.seasonSteps, horizon)
    leadsHaveFixedPhase = stride % setup.seasonSteps == 0
    var slots: [Int] = []
    for k in 0..<count {
      let origin = n - horizon - k * stride
      if origin >= max(n / 2, memory + 1) { slots.append(origin) }
    }
    self.slots = slots.reversed()
    do {
      prefixes = try NormalEquations.prefixes(
        removingSuffixesFrom: equations, design: setup.design, response: setup.response,
        origins: self.slots, weights: weights)
    } catch {
      throw ModelingError.numerical(error.description)
    }
  }

  /// Every `stride`-th origin counted back from the latest, which is always kept.
  func thinned(every stride: Int) -> RollingOrigins {
    let keep = slots.indices.filter { (slots.count - 1 - $0) % max(1, stride) == 0 }
    return RollingOrigins(
      setup: setup, slots: keep.map { slots[$0] }, horizon: horizon,
      leadsHaveFixedPhase: leadsHaveFixedPhase, prefixes: keep.map { prefixes[$0] },
      factorizations: factorizations.map { all in keep.map { all[$0] } })
  }

  private init(
    setup: TrainingSetup, slots: [Int], horizon: Int, leadsHaveFixedPhase: Bool,
    prefixes: [NormalEquations], factorizations: [VaryingPenaltyFactorization]?
  ) {
    self.setup = setup
    self.slots = slots
    self.horizon = horizon
    self.leadsHaveFixedPhase = leadsHaveFixedPhase
    self.prefixes = prefixes
    self.factorizations = factorizations
  }

  /// The same origins with every prefix factored for `lambda` and `penalty` except on the
  /// `varying` columns, so that the many solves of the changepoint-strength choice and the
  /// final paths each cost a Cholesky of the varying block only.
  func preparedForVaryingPenalty(lambda: Double, penalty: [Double], varying: [Int]) throws
    -> RollingOrigins
  {
    var prepared = self
    var factorizations: [VaryingPenaltyFactorization] = []
    for equations in prefixes {
      do {
        factorizations.append(try VaryingPenaltyFactorization(
          equations, lambda: lambda, penalty: penalty, varying: varying))
      } catch {
        throw ModelingError.numerical(error.description)
      }
    }
    prepared.factorizations = factorizations
    return prepared
  }

  /// The coefficients of origin `index`'s prefix.
  private func coefficients(at index: Int, lambda: Double, penalty: [Double]) -> [Double]? {
    if let factorization = factorizations?[index], factorization.lambda == lambda {
      return try? factorization.coefficients(penalty: penalty)
    }
    return try? prefixes[index].coefficients(lambda: lambda, penalty: penalty)
  }

  /// The structural forecast from each origin (solved on its prefix), with the residuals of
  /// the `memory` slots before it: everything a short-term correction needs, so that several
  /// corrections can be compared without solving again.
  func paths(lambda: Double, penalty: [Double], memory: Int) -> [OriginPath] {
    let n = setup.grid.count
    return slots.indices.compactMap { index in
      let origin = slots[index]
      guard let coefficients = self.coefficients(at: index, lambda: lambda, penalty: penalty)
      else { return nil }
      let from = max(0, origin - memory)
      let to = min(n, origin + horizon)
      let fitted = LinearPredictor.predict(setup.design, coefficients, rows: from..<to)
      let history = (from..<origin).map { t in
        setup.baseWeights[t] > 0 ? setup.response[t] - fitted[t - from] : 0
      }
      return OriginPath(origin: origin, history: history, forecast: Array(fitted[(origin - from)...]))
    }
  }

  /// Forecast errors on the model scale by lead (index 0 = one step ahead) and the slot of
  /// each error, for the structural paths corrected by `shortTerm`.
  func errors(_ paths: [OriginPath], shortTerm: ShortTermDynamics)
    -> [(lead: Int, slot: Int, error: Double)]
  {
    var result: [(lead: Int, slot: Int, error: Double)] = []
    for path in paths {
      let history = Array(path.history.suffix(shortTerm.memory))
      let correction = shortTerm.extrapolate(history, steps: path.forecast.count)
      for (lead, predicted) in path.forecast.enumerated() {
        let t = path.origin + lead
        guard setup.baseWeights[t] > 0 else { continue }
        result.append((lead, t, setup.response[t] - (predicted + correction[lead])))
      }
    }
    return result
  }

  /// Errors of the structural model alone (no short-term correction) at `penalty`.
  func errors(lambda: Double, penalty: [Double]) -> [(lead: Int, slot: Int, error: Double)] {
    errors(paths(lambda: lambda, penalty: penalty, memory: 0), shortTerm: .none)
  }
}

/// One rolling origin's structural forecast and the residuals just before it.
struct OriginPath {
  let origin: Int
  /// Residuals of the slots before the origin, oldest first (0 where unobserved).
  let history: [Double]
  /// Structural prediction from the origin on, one per lead.
  let forecast: [Double]
}
