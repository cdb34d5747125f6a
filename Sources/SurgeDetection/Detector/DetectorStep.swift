/// What the detector made of one slot.
public struct DetectorStep: Sendable, Equatable {
  /// What changed at this slot.
  public enum Transition: String, Sendable, Equatable, Codable {
    case none
    case surgeStarted = "surge_started"
    case dropStarted = "drop_started"
    case ended
  }

  public var time: Int64
  /// log(observed / expected median), before removing the adaptive level.
  public var logRatio: Double
  /// The adaptive level (log units) the residual is measured against.
  public var level: Double
  /// (logRatio − level) / spread.
  public var standardScore: Double
  /// The upper (surge) and lower (drop) CUSUM statistics after this slot.
  public var upper: Double
  public var lower: Double
  public var state: DetectorState
  public var transition: Transition
  /// The episode this slot belongs to (just started, ongoing or just ended).
  public var episode: Episode?
}
