import TimeSeries

/// Out-of-sample error quantiles by lead time, from rolling origins inside the fit.
///
/// Scores are forecast errors on the model scale divided by the residual scale of their bin —
/// the hour of the day for sub-daily data, the month of the year for daily data with two
/// years or more — so that the band is wider where the data are noisier (nights on a log
/// scale, the busy season of a seasonal business) and an 80% interval holds about 80% at the
/// peaks and in the quiet hours alike.
public struct IntervalCalibration: Sendable, Codable, Equatable {
  /// Residual scale per bin (`binning` says which).
  public var scaleByBin: [Double]
  /// What the bins of `scaleByBin` are.
  public var binning: ResidualScaleBinning
  /// Seconds per bin for `.timeOfDay`.
  public var binSeconds: Int64
  /// Lead-time buckets: bucket `b` covers leads `leadStarts[b] ..< leadStarts[b+1]` (the last
  /// extends to any lead).
  public var leadStarts: [Int]
  /// Quantiles of the scores in each bucket at `levels`.
  public var quantiles: [[Double]]
  /// Number of scores behind each bucket.
  public var sampleSizes: [Int]
  /// The probability levels of each row of `quantiles` (0.005 … 0.995, plus the extremes).
  public var levels: [Double]

  public init(
    scaleByBin: [Double], binning: ResidualScaleBinning, binSeconds: Int64, leadStarts: [Int],
    quantiles: [[Double]], sampleSizes: [Int], levels: [Double]
  ) {
    self.scaleByBin = scaleByBin
    self.binning = binning
    self.binSeconds = binSeconds
    self.leadStarts = leadStarts
    self.quantiles = quantiles
    self.sampleSizes = sampleSizes
    self.levels = levels
  }

  /// The standard grid of levels: 0.005, 0.01, …, 0.995 (199 levels).
  public static let standardLevels: [Double] = (1...199).map { Double($0) / 200 }

  /// Bucket index of a 1-based lead.
  public func bucket(forLead lead: Int) -> Int {
    var b = 0
    while b + 1 < leadStarts.count && lead >= leadStarts[b + 1] { b += 1 }
    return b
  }

  /// Score quantile at probability `p` for a lead, interpolated linearly between levels.
  public func scoreQuantile(_ p: Double, lead: Int) -> Double {
    let row = quantiles[bucket(forLead: lead)]
    guard let first = levels.first, let last = levels.last, !row.isEmpty else { return 0 }
    if p <= first { return row[0] }
    if p >= last { return row[row.count - 1] }
    // Levels are evenly spaced.
    let position = (p - first) / (last - first) * Double(levels.count - 1)
    let i = min(levels.count - 2, Int(position))
    let fraction = position - Double(i)
    return row[i] + fraction * (row[i + 1] - row[i])
  }

  /// Residual scale at a local wall-clock time (seconds since 1970-01-01 local).
  public func scale(atLocalSeconds local: Int64) -> Double {
    guard !scaleByBin.isEmpty else { return 1 }
    let bin = binning.bin(ofLocalSeconds: local, binSeconds: binSeconds)
    return scaleByBin[min(scaleByBin.count - 1, max(0, bin))]
  }
}

/// How residual scales are binned.
public enum ResidualScaleBinning: String, Sendable, Codable, Equatable {
  /// One scale for every slot.
  case none
  /// By local time of day, in bins of `binSeconds`.
  case timeOfDay = "time_of_day"
  /// By local calendar month (12 bins).
  case monthOfYear = "month_of_year"

  /// The bin of a local wall-clock time.
  public func bin(ofLocalSeconds local: Int64, binSeconds: Int64) -> Int {
    let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    switch self {
    case .none: return 0
    case .timeOfDay: return Int((local - day * 86_400) / max(1, binSeconds))
    case .monthOfYear: return CivilDate(daysSinceEpoch: Int(day)).month - 1
    }
  }
}
