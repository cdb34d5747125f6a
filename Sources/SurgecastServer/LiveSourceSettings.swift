import Foundation
import SurgeDetection

/// `serve --prometheus URL --query PROMQL`: the live traffic the surge detector watches.
public struct LiveSourceSettings: Sendable {
  public var server: URL
  public var query: String
  /// The series to follow when the query returns several (nil: the only one, or the one
  /// named like the model's training series).
  public var seriesName: String?
  /// Seconds between polls.
  public var pollSeconds: Int64
  /// How much history warms the detector at the start and after a new model version.
  public var warmUpSeconds: Int64
  public var detector: DetectorSettings

  public init(
    server: URL, query: String, seriesName: String?, pollSeconds: Int64, warmUpSeconds: Int64,
    detector: DetectorSettings
  ) {
    self.server = server
    self.query = query
    self.seriesName = seriesName
    self.pollSeconds = pollSeconds
    self.warmUpSeconds = warmUpSeconds
    self.detector = detector
  }
}
