import Features
import TimeSeries

/// A fitted traffic model: everything a forecast needs, and nothing that changes after the fit.
///
/// Written as JSON (`surgecast fit --out`), with sorted keys and a schema version so that the
/// same data and spec give byte-identical files and an old file is never misread.
public struct FittedModel: Sendable, Codable, Equatable {
  /// Version of this JSON layout; bump on any change that an older reader would misread.
  public static let currentSchemaVersion = 3

  public var schemaVersion: Int
  /// Identifies the producer, e.g. `surgecast 0.1.0`.
  public var generator: String
  public var spec: ResolvedSpec
  public var transform: VarianceTransform
  public var training: TrainingWindow
  public var layout: FeatureLayout
  /// Column labels in design order (for reading the file and for diffs).
  public var columnLabels: [String]
  /// Coefficients on the original (unscaled) columns, in design order.
  public var coefficients: [Double]
  /// The root-mean-square of each training column, used to standardise before penalising.
  public var columnScales: [Double]
  public var shortTerm: ShortTermDynamics
  public var calibration: IntervalCalibration
  public var diagnostics: FitDiagnostics
  /// Events of the training window (promotions and holidays from the events file), kept so
  /// that reports can show what the model learned from and forecasts can list known names.
  public var trainingEvents: [Event]
}

/// The data a model was fitted on.
public struct TrainingWindow: Sendable, Codable, Equatable {
  public var series: String
  /// Epoch seconds of the first slot and just after the last.
  public var start: Int64
  public var end: Int64
  public var step: Int64
  public var timeZone: String
  /// Whether timestamps are real (false for integer step indices such as M4's).
  public var hasCalendar: Bool
  /// FNV-1a 64-bit hash of the slot times and value bits, as 16 hex digits.
  public var fingerprint: String
  /// The last observations on the model scale minus the structural fit, newest last, so that a
  /// forecast from the end of training can apply the short-term correction.
  public var lastResiduals: [Double]
}

/// The autoregressive correction of residuals on the model scale.
///
/// r_t = Σ φ_i r_{t−i} (i = 1…lags) + φ_s r_{t−s}; a forecast uses the latest residuals and the
/// correction decays towards the structural model with the lead time.
public struct ShortTermDynamics: Sendable, Codable, Equatable {
  public var lagCoefficients: [Double]
  /// Seasonal lag in steps (0 = none) and its coefficient.
  public var seasonalLag: Int
  public var seasonalCoefficient: Double

  public init(lagCoefficients: [Double], seasonalLag: Int, seasonalCoefficient: Double) {
    self.lagCoefficients = lagCoefficients
    self.seasonalLag = seasonalLag
    self.seasonalCoefficient = seasonalCoefficient
  }

  /// Residuals needed before the first forecast step.
  public var memory: Int { max(lagCoefficients.count, seasonalLag) }

  public static let none = ShortTermDynamics(
    lagCoefficients: [], seasonalLag: 0, seasonalCoefficient: 0)

  /// Continues `history` (newest last) by `steps` predicted residuals.
  public func extrapolate(_ history: [Double], steps: Int) -> [Double] {
    var r = history
    r.reserveCapacity(history.count + steps)
    for _ in 0..<steps {
      var next = 0.0
      for (i, phi) in lagCoefficients.enumerated() where r.count > i {
        next += phi * r[r.count - 1 - i]
      }
      if seasonalLag > 0, r.count >= seasonalLag {
        next += seasonalCoefficient * r[r.count - seasonalLag]
      }
      r.append(next)
    }
    return Array(r.suffix(steps))
  }
}

/// Counts and choices of the fit, for `models show` and for judging a model.
public struct FitDiagnostics: Sendable, Codable, Equatable {
  public var slots: Int
  public var rowsUsed: Int
  public var rowsMissing: Int
  public var rowsInOutages: Int
  public var columns: Int
  public var effectiveDegreesOfFreedom: Double
  public var penalty: Double
  public var gcvScore: Double
  /// Robust weights: share of rows below 1 and below 0.1 (outliers all but ignored).
  public var downWeightedShare: Double
  public var rejectedShare: Double
  /// Residual scale (MAD × 1.4826) on the model scale.
  public var residualScale: Double
  public var conditionEstimate: Double
}
