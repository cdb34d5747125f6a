import Features
import Foundation
import Modeling
import TimeSeries

extension FittedModel {
  /// Forecasts `request.horizon` steps after the training window (or after `request.recent`).
  ///
  /// The centre is the structural prediction plus the short-term correction from the latest
  /// residuals; quantiles add the calibrated out-of-sample score quantile of each lead, scaled
  /// by the residual scale of the slot's time of day, on the model scale, and are then mapped
  /// back (quantiles survive a monotone transform). The expected count is the mean of the
  /// back-transformed distribution — averaged over its quantile grid — not the back-transformed
  /// median, which for a log model would understate traffic.
  ///
  /// - Throws: `ModelingError.unknownEvent` for a planned event of a name the model never
  ///   learned and without a lift; `.incompatibleData` for recent data on another grid.
  public func forecast(_ request: ForecastRequest) throws -> Forecast {
    let horizon = max(0, request.horizon)
    let (origin, history) = try residualHistory(recent: request.recent)
    let planned = try checkedEvents(request.plannedEvents)
    let (design, timeline) = try self.design(
      start: origin, count: horizon, events: planned.learned)
    let structural = structuralPrediction(design)
    let correction = shortTerm.extrapolate(history, steps: horizon)
    let grid = (0..<horizon).map { origin + Int64($0) * training.step }
    let lifts = liftFactors(grid, planned.withLift)

    let levels = IntervalCalibration.standardLevels
    var mean = [Double](repeating: 0, count: horizon)
    var quantiles = request.quantiles.sorted().map {
      QuantileForecast(level: $0, values: [Double](repeating: 0, count: horizon))
    }
    for h in 0..<horizon {
      let center = structural[h] + correction[h]
      let scale = calibration.scale(atLocalSeconds: timeline.localSeconds[h])
      let lead = h + 1
      var sum = 0.0
      for p in levels {
        sum += transform.inverse(center + scale * calibration.scoreQuantile(p, lead: lead))
      }
      mean[h] = sum / Double(levels.count) * lifts[h]
      for k in quantiles.indices {
        let score = calibration.scoreQuantile(quantiles[k].level, lead: lead)
        quantiles[k].values[h] = transform.inverse(center + scale * score) * lifts[h]
      }
    }
    var components: [String: [Double]]? = nil
    if request.components {
      var parts = componentContributions(design)
      parts["short_term"] = correction
      components = parts
    }
    return Forecast(
      times: grid, step: training.step, timeZone: training.timeZone, mean: mean,
      quantiles: quantiles, components: components)
  }

  /// Where the forecast starts and the residuals just before it (newest last).
  private func residualHistory(recent: Series?) throws -> (origin: Int64, history: [Double]) {
    guard let recent, recent.count > 0 else { return (training.end, training.lastResiduals) }
    guard recent.step == training.step,
      (recent.start - training.start) % training.step == 0
    else {
      throw ModelingError.incompatibleData(
        "recent data of '\(recent.name)' are not on the model's grid (step "
          + "\(training.step) s from \(training.start)); resample or refit")
    }
    let origin = max(training.end, recent.end)
    let memory = shortTerm.memory
    guard memory > 0 else { return (origin, []) }
    let start = origin - Int64(memory) * training.step
    let (design, _) = try self.design(start: start, count: memory, events: [])
    let fitted = structuralPrediction(design)
    var history = [Double](repeating: 0, count: memory)
    for k in 0..<memory {
      let t = start + Int64(k) * training.step
      let index = Int((t - recent.start) / recent.step)
      if t >= recent.start, index < recent.count, recent.values[index].isFinite {
        history[k] = transform.forward(recent.values[index]) - fitted[k]
      } else if t < training.end {
        // Slots at the end of training keep the residuals stored in the model.
        let position = training.lastResiduals.count - Int((training.end - t) / training.step)
        if position >= 0 { history[k] = training.lastResiduals[position] }
      }
    }
    return (origin, history)
  }

  /// Splits planned events (promotions and holidays; other kinds are ignored) into those with
  /// learned effects and those forecast by an explicit lift.
  /// - Throws: `ModelingError.unknownEvent` for a name the model never learned, without a lift.
  public func checkedEvents(_ events: [Event]) throws -> (learned: [Event], withLift: [Event]) {
    let known = Set(knownEventNames)
    var learned: [Event] = []
    var withLift: [Event] = []
    for event in events where event.kind == .promotion || event.kind == .holiday {
      if known.contains(event.name) {
        learned.append(event)
      } else if event.lift != nil {
        withLift.append(event)
      } else {
        throw ModelingError.unknownEvent(
          name: event.name, kind: event.kind.rawValue, known: knownEventNames)
      }
    }
    return (learned, withLift)
  }

  /// Multiplier per slot from events given as explicit lifts: lift^scale while active.
  public func liftFactors(_ times: [Int64], _ events: [Event]) -> [Double] {
    times.map { t in
      events.reduce(1.0) { factor, event in
        guard event.contains(t), let lift = event.lift, lift > 0 else { return factor }
        return factor * pow(lift, event.scale)
      }
    }
  }
}
