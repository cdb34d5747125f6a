import Features
import LinearAlgebra
import TimeSeries

/// A training window ready to solve: its `DesignFrame` (grid, calendar, layout, design) and
/// the values on the model's scale with their weights.
struct TrainingSetup {
  let series: Series
  /// The value-independent part, possibly shared with other series of a batch.
  let frame: DesignFrame
  let transform: VarianceTransform
  /// Transformed values; 0 where the slot is missing or in an outage.
  let response: [Double]
  /// 1 for observed slots outside outages, 0 otherwise.
  let baseWeights: [Double]
  let rowsMissing: Int
  let rowsInOutages: Int

  var clock: LocalClock { frame.clock }
  var grid: DesignMatrixBuilder.Grid { frame.grid }
  var timeline: LocalTimeline { frame.timeline }
  var calendar: EventCalendar { frame.calendar }
  var layout: FeatureLayout { frame.layout }
  /// Design of every slot (missing ones included, with weight 0).
  var design: Matrix { frame.design }
  /// The design's step and sparse structure, for fast fitted values over every row.
  var product: StructuredProduct { frame.product }
  /// The daily and weekly Fourier columns classed by time of day, weekday and kind of day,
  /// so that their part of XᵀWX is summed per class (nil when that does not pay).
  var periodic: PeriodicBlock? { frame.periodic }
  var columns: [FeatureColumn] { frame.columns }
  /// False for integer-indexed data: no weekdays, holidays or events.
  var hasCalendar: Bool { frame.key.hasCalendar }

  /// Steps in one season: a day for sub-daily data, a week for daily and coarser data.
  var seasonSteps: Int {
    grid.step < 86_400 ? max(1, Int(86_400 / grid.step)) : max(1, Int(604_800 / grid.step))
  }

  /// - Parameter frames: frames shared with other series of a batch; nil builds this
  ///   series' own (same result).
  init(
    series: Series, events: [Event], hasCalendar: Bool, spec: ModelSpec,
    frames: DesignFrameCache? = nil
  ) throws {
    self.series = series
    guard series.step > 0 else {
      throw ModelingError.incompatibleData("series '\(series.name)' has no positive step")
    }
    let observed = series.values.filter { $0.isFinite }
    guard !observed.isEmpty else { throw ModelingError.noObservations(series: series.name) }
    let minimum = 8
    guard observed.count >= minimum else {
      throw ModelingError.tooShort(
        series: series.name, observed: observed.count, required: minimum)
    }

    // Transform chosen from the data unless fixed.
    let offset = spec.transformOffset ?? ((observed.min() ?? 0) <= 0 ? 1 : 0)
    let period = series.step < 86_400 ? Int(86_400 / series.step) : 7
    let lambda = spec.boxCoxLambda
      ?? BoxCoxSelection.guerrero(series.values, period: period, offset: offset)
    transform = VarianceTransform(lambda: lambda, offset: offset)

    let key = DesignFrame.Key(
      start: series.start, step: series.step, count: series.count, timeZone: series.timeZone,
      events: events, spec: spec, hasCalendar: hasCalendar)
    frame = try frames?.frame(for: key, seriesName: series.name)
      ?? DesignFrame(key: key, seriesName: series.name)

    // Weights: missing slots and outages do not enter the fit.
    var weights = [Double](repeating: 1, count: series.count)
    var response = [Double](repeating: 0, count: series.count)
    var missing = 0
    for (i, value) in series.values.enumerated() {
      if value.isFinite {
        response[i] = transform.forward(value)
      } else {
        weights[i] = 0
        missing += 1
      }
    }
    var inOutages = 0
    let grid = frame.grid
    for outage in frame.calendar.outages {
      let from = grid.firstRow(atOrAfter: outage.start)
      let to = grid.firstRow(atOrAfter: outage.end)
      for i in from..<max(from, to) where weights[i] > 0 {
        weights[i] = 0
        response[i] = 0
        inOutages += 1
      }
    }
    guard weights.contains(where: { $0 > 0 }) else {
      throw ModelingError.noObservations(series: series.name)
    }
    self.response = response
    baseWeights = weights
    rowsMissing = missing
    rowsInOutages = inOutages
  }

  /// Rows left out of the fit (missing or in an outage) above this share of the window make
  /// the equations be accumulated afresh instead of downdated from the shared Gram.
  static let maximumDowndatedShare = 0.05

  /// XᵀWX, XᵀWy and yᵀWy with the base weights.
  ///
  /// When few rows are left out, the frame's unit-weight Gram (shared within a batch) is
  /// downdated by them and only XᵀWy is formed from this series' values: one read of the
  /// dense columns instead of the n·p² Gram. Otherwise the weighted rows are accumulated.
  /// The choice depends on this series alone, so a fit alone and in a batch agree bytewise.
  func normalEquations() throws(LinearAlgebraError) -> NormalEquations {
    let excluded = baseWeights.indices.filter { baseWeights[$0] == 0 }
    guard Double(excluded.count) <= Self.maximumDowndatedShare * Double(baseWeights.count) else {
      return try NormalEquations(
        design: design, response: response, weights: baseWeights, periodic: periodic)
    }
    var equations = try frame.unitWeightGram()
    if !excluded.isEmpty {
      // Excluded rows have response 0, so only the Gram changes.
      try equations.reweight(
        design: design, response: response, rows: excluded,
        weightChanges: [Double](repeating: -1, count: excluded.count))
    }
    let crossProduct = product.transposedMultiply(design, by: response)
    var sumOfSquares = 0.0
    for value in response { sumOfSquares += value * value }
    return try equations.replacingResponse(
      crossProduct: crossProduct, responseSumOfSquares: sumOfSquares,
      observationCount: baseWeights.count - excluded.count)
  }

  /// GCV, edf and RSS over λ for `equations`, which must be this setup's `normalEquations()`
  /// before any robust reweighting. With no rows left out they have the frame's unit-weight
  /// Gram, whose p³ reduction is then shared with the batch; otherwise it is done here.
  func criterionPath(_ equations: NormalEquations, penalty: [Double])
    throws(LinearAlgebraError) -> RidgeCriterionPath
  {
    guard !baseWeights.contains(0) else {
      return try RidgeCriterionPath(equations, penalty: penalty)
    }
    return try frame.unitWeightCriterionBasis(penalty: penalty).path(for: equations)
  }
}
