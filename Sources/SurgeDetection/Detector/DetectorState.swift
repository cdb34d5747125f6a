/// What the detector currently declares.
public enum DetectorState: String, Sendable, Codable, Equatable {
  case normal
  case surge
  case drop
}

/// A declared surge or drop: when it began and what has been seen since.
public struct Episode: Sendable, Equatable, Codable {
  public var kind: DetectorState
  /// Estimated onset: the start of the slot where the statistic last left zero before the
  /// alarm (the CUSUM change-point estimate).
  public var start: Int64
  /// When the evidence crossed the threshold: the end of the slot that completed it.
  public var detectedAt: Int64
  /// The most extreme observed ratio to the expected median so far.
  public var extremeRatio: Double
  /// When it ended (end of the slot whose statistic returned to zero), once it has.
  public var end: Int64?

  public init(kind: DetectorState, start: Int64, detectedAt: Int64, extremeRatio: Double) {
    self.kind = kind
    self.start = start
    self.detectedAt = detectedAt
    self.extremeRatio = extremeRatio
  }
}
