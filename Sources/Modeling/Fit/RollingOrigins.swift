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
  let prefixes: [NormalEquations]

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
      prefixes: keep.map { prefixes[$0] })
  }

  private init(setup: TrainingSetup, slots: [Int], horizon: Int, prefixes: [NormalEquations]) {
    self.setup = setup
    self.slots = slots
    self.horizon = horizon
    self.prefixes = prefixes
  }

  /// Forecast errors on the model scale by lead (index 0 = one step ahead) and the slot of
  /// each error, for the given penalty and short-term dynamics.
  func errors(lambda: Double, penalty: [Double], shortTerm: ShortTermDynamics)
    -> [(lead: Int, slot: Int, error: Double)]
  {
    var result: [(lead: Int, slot: Int, error: Double)] = []
    let n = setup.grid.count
    for (origin, equations) in zip(slots, prefixes) {
      guard let coefficients = try? equations.coefficients(lambda: lambda, penalty: penalty)
      else { continue }
      let memory = shortTerm.memory
      let from = max(0, origin - memory)
      let to = min(n, origin + horizon)
      let fitted = LinearPredictor.predict(setup.design, coefficients, rows: from..<to)
      let history = (from..<origin).map { t in
        setup.baseWeights[t] > 0 ? setup.response[t] - fitted[t - from] : 0
      }
      let correction = shortTerm.extrapolate(history, steps: to - origin)
      for t in origin..<to where setup.baseWeights[t] > 0 {
        let lead = t - origin
        result.append((lead, t, setup.response[t] - (fitted[t - from] + correction[lead])))
      }
    }
    return result
  }
}
