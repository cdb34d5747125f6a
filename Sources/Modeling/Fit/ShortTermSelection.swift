/// Chooses the short-term correction by the errors it leaves at the rolling origins.
///
/// Why: an autoregressive correction of the residuals helps where deviations persist (a
/// surge that lasts hours, a level that moved last week) and hurts where they do not — on M4
/// Hourly it made even the first hours worse (MASE 0.996 against 0.780 for leads 1–12). The
/// structural paths from every origin are solved once; each candidate costs one small least
/// squares fit and a recursion per origin.
struct ShortTermSelection {
  struct Candidate: Equatable {
    var lags: Int
    var seasonalLag: Int
    var memory: Int { max(lags, seasonalLag) }
  }

  let candidates: [Candidate]
  /// Leads the choice is judged on: the first season (a day of sub-daily steps, a week of
  /// days). The correction decays towards the structural forecast, so it is the near leads
  /// it must get right; averaging over a week of hourly leads would drown them.
  let judgedLeads: Int
  /// "cv" when chosen among several candidates, "spec" when the spec fixed it.
  let chosenBy: String

  /// The spec's fixed choice, or: none, the seasonal lag alone, three lags plus the seasonal
  /// lag, and for daily data two weeks of lags. Offering the seasonal lag alone (the deviation
  /// one season ago) brought the default spec's M4 Hourly OWA on held-out training windows
  /// from 0.535 to 0.487 (docs/results/accuracy.md).
  init(spec: ModelSpec, seasonSteps: Int, isSubDaily: Bool) {
    judgedLeads = max(1, seasonSteps)
    if spec.arLags != nil || spec.arSeasonalLag != nil {
      let lags = max(0, spec.arLags ?? (isSubDaily ? 3 : 14))
      let seasonal = (spec.arSeasonalLag ?? true) ? seasonSteps : 0
      candidates = [Candidate(lags: lags, seasonalLag: seasonal)]
      chosenBy = "spec"
    } else {
      var list = [
        Candidate(lags: 0, seasonalLag: 0), Candidate(lags: 0, seasonalLag: seasonSteps),
        Candidate(lags: 3, seasonalLag: seasonSteps),
      ]
      if !isSubDaily { list.append(Candidate(lags: 14, seasonalLag: 0)) }
      candidates = list
      chosenBy = "cv"
    }
  }

  /// Residuals the origins must keep before each origin.
  var memory: Int { candidates.map(\.memory).max() ?? 0 }

  /// The candidate with the smallest mean absolute error over every origin's first
  /// `judgedLeads` leads (a simpler one wins unless a richer one is better by more than 1%),
  /// its dynamics and its errors at every lead, which calibrate the intervals.
  func choose(
    residuals: [Double], origins: RollingOrigins, paths: [OriginPath]
  ) -> (dynamics: ShortTermDynamics, errors: [(lead: Int, slot: Int, error: Double)]) {
    var best: (ShortTermDynamics, [(lead: Int, slot: Int, error: Double)], Double)?
    let clipped = ShortTermFitting.clipped(residuals)
    for candidate in candidates {
      let dynamics = ShortTermFitting.fit(
        clipped: clipped, lags: candidate.lags, seasonalLag: candidate.seasonalLag)
      let errors = origins.errors(paths, shortTerm: dynamics)
      let near = errors.filter { $0.lead < judgedLeads }
      let mae = near.isEmpty
        ? Double.infinity : near.reduce(0) { $0 + abs($1.error) } / Double(near.count)
      if let current = best, !(mae < current.2 * 0.99) { continue }
      best = (dynamics, errors, mae)
    }
    guard let best else { return (.none, []) }
    return (best.0, best.1)
  }
}
