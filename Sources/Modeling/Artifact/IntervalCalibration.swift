/// Out-of-sample error quantiles by lead time, from rolling origins inside the fit.
///
/// Scores are forecast errors on the model scale divided by the residual scale of their
/// time-of-day bin, so that the band is wider where the data are noisier (nights on a log
/// scale) and an 80% interval holds about 80% at the peaks and at night alike.
public struct IntervalCalibration: Sendable, Codable, Equatable {
  /// Residual scale per bin of the day (one bin for daily data).
  public var scaleByTimeOfDay: [Double]
  /// Seconds per time-of-day bin.
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
    scaleByTimeOfDay: [Double], binSeconds: Int64, leadStarts: [Int], quantiles: [[Double]],
    sampleSizes: [Int], levels: [Double]
  ) {
    self.scaleByTimeOfDay = scaleByTimeOfDay
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

  /// Residual scale for a local time of day in seconds.
  public func scale(atSecondOfDay second: Int) -> Double {
    guard !scaleByTimeOfDay.isEmpty else { return 1 }
    let bin = min(scaleByTimeOfDay.count - 1, max(0, second / Int(max(1, binSeconds))))
    return scaleByTimeOfDay[bin]
  }
}
