import Autoscaling
import Features
import Foundation
import Modeling
import TimeSeries

/// Computes `ExpectedTraffic` from a fitted model for any slots on its grid, before or after
/// its training window.
///
/// The centre is the structural prediction Xβ (trend, seasonality, holidays, planned
/// promotions); the band is the model's calibrated score quantiles at `settings.lead`, scaled
/// by the residual scale of the slot's time of day, mapped back through the variance
/// transform. Quantiles survive a monotone transform, so the band is right on the count scale
/// whatever the Box-Cox λ.
public struct NormalBand: Sendable {
  public let model: FittedModel
  public let settings: BaselineSettings
  /// Planned events the model does not already carry, whose names it learned.
  let planned: [Event]
  /// Planned events of names the model never saw, forecast by their explicit lift.
  let lifted: [Event]

  /// Slots per design chunk: a week of 5-minute slots keeps the design matrix a few MB.
  static let chunk = 2_016

  /// - Throws: `ModelingError.unknownEvent` for a planned promotion of a name the model never
  ///   learned and without a lift (as a forecast would).
  public init(model: FittedModel, plannedEvents: [Event], settings: BaselineSettings = .init())
    throws
  {
    self.model = model
    self.settings = settings
    let split = try model.checkedEvents(plannedEvents)
    let planned = split.learned
    let lifted = split.withLift
    self.planned = planned
    self.lifted = lifted
  }

  public var step: Int64 { model.training.step }

  /// Whether `time` is on the model's grid.
  public func isOnGrid(_ time: Int64) -> Bool {
    (time - model.training.start) % model.training.step == 0
  }

  /// The expected traffic of `count` slots from `start` (on the model's grid).
  /// - Throws: `ModelingError.incompatibleData` when `start` is off the grid.
  public func expected(start: Int64, count: Int) throws -> ExpectedTraffic {
    guard isOnGrid(start) else {
      throw ModelingError.incompatibleData(
        "time \(start) is not on the model's grid (step \(step) s from "
          + "\(model.training.start)); resample the data or refit")
    }
    var result = ExpectedTraffic(
      times: [], step: step, median: [], logSpread: [], lower: [], upper: [], sizing: [])
    var offset = 0
    while offset < count {
      let n = min(Self.chunk, count - offset)
      try append(start: start + Int64(offset) * step, count: n, to: &result)
      offset += n
    }
    return result
  }

  private func append(start: Int64, count: Int, to result: inout ExpectedTraffic) throws {
    let (design, timeline) = try model.design(start: start, count: count, events: planned)
    let centre = withoutIncidents(model.structuralPrediction(design), design)
    let calibration = model.calibration
    let lead = settings.lead ?? (calibration.leadStarts.last ?? 1)
    let scores = [0.5, 0.158_655, 0.841_345, 0.1, 0.9, settings.sizingQuantile].map {
      calibration.scoreQuantile($0, lead: max(1, lead))
    }
    let transform = model.transform
    for h in 0..<count {
      let time = start + Int64(h) * step
      let scale = calibration.scale(atLocalSeconds: timeline.localSeconds[h])
      let lift = model.liftFactors([time], lifted)[0]
      let q = scores.map { max(0, transform.inverse(centre[h] + scale * $0)) * lift }
      let spread = 0.5 * (log(q[2] + 1) - log(q[1] + 1))
      result.times.append(time)
      result.median.append(q[0])
      result.logSpread.append(spread.isFinite ? spread : 0)
      result.lower.append(q[3])
      result.upper.append(q[4])
      result.sizing.append(q[5])
    }
  }

  /// The prediction minus the columns that absorb labelled incidents of the training window:
  /// an attack in history is not what normal looks like there (forecasts leave them out too,
  /// since they are zero after the training window).
  private func withoutIncidents(_ prediction: [Double], _ design: DesignMatrix) -> [Double] {
    var out = prediction
    design.values.withUnsafeBufferPointer { x in
      for (j, column) in design.columns.enumerated()
      where column.component == ComponentName.incidents && model.coefficients[j] != 0 {
        let b = model.coefficients[j]
        let base = j * design.rows
        for i in 0..<design.rows { out[i] -= b * x[base + i] }
      }
    }
    return out
  }
}
