import Modeling
import TimeSeries

/// What `surgecast models show` reports about one version: how it was specified, what it was
/// trained on, and how well it fitted.
public struct ModelDescription: Sendable, Encodable {
  public struct Training: Sendable, Encodable {
    public var series: String
    /// First slot and the end of the window (exclusive), in the model's zone.
    public var start: String
    public var end: String
    public var stepSeconds: Int64
    public var timeZone: String
    public var fingerprint: String
  }

  public var name: String
  public var version: Int
  public var path: String
  public var generator: String
  public var schemaVersion: Int
  public var spec: ResolvedSpec
  public var training: Training
  public var diagnostics: FitDiagnostics
  /// Figures stored when the version was published (e.g. a retrain's backtest), if any.
  public var metrics: [String: Double]?

  public init(_ stored: StoredModel) {
    let model = stored.model
    let clock = (try? LocalClock(identifier: model.training.timeZone)) ?? .utc
    name = stored.name
    version = stored.version
    path = stored.path
    generator = model.generator
    schemaVersion = model.schemaVersion
    spec = model.spec
    training = Training(
      series: model.training.series,
      start: Timestamp.format(model.training.start, clock: clock),
      end: Timestamp.format(model.training.end, clock: clock),
      stepSeconds: model.training.step, timeZone: model.training.timeZone,
      fingerprint: model.training.fingerprint)
    diagnostics = model.diagnostics
    metrics = stored.metrics
  }
}
