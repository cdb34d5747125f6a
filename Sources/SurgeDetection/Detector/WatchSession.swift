import Autoscaling
import Foundation
import Modeling
import TimeSeries

/// The live loop's state: the model's normal band, the detector, the latest log ratios and
/// the alerts they raise. Feed observations in time order with `ingest`.
///
/// Shared by `surgecast watch` (follow and replay) and `surgecast serve`, so that both
/// declare the same surges from the same data.
public struct WatchSession: Sendable {
  public let band: NormalBand
  public let series: String
  public let policy: ScalingPolicy?
  public let projection: SurgeProjection
  public private(set) var detector: SurgeDetector
  /// The most recent detector step (nil before the first usable slot).
  public private(set) var lastStep: DetectorStep?
  /// While a surge or drop is declared, an `update` alert is raised by the first slot ending
  /// at least this many seconds after the episode's previous alert (nil: never).
  public let updateEverySeconds: Int64?
  /// End of the slot that raised the current episode's latest alert.
  private var lastAlertAt: Int64?
  /// Observed and expected median of the latest usable slot.
  private var lastObservation: (observed: Double, expected: Double)?
  /// Latest (slot start, log ratio), about one growth window long.
  private var history: [(time: Int64, logRatio: Double)] = []
  private var cache: ExpectedTraffic?
  private let clock: LocalClock
  /// Leads of the projection in the alert.
  public static let projectionMinutes = [30, 60]

  /// - Throws: `ModelingError` for planned events the model cannot forecast; `LocalClockError`
  ///   text as `ModelingError.incompatibleData` for a model with an unknown zone.
  public init(
    band: NormalBand, series: String, detector: DetectorSettings = .init(),
    policy: ScalingPolicy? = nil, projection: SurgeProjection = .init(),
    updateEverySeconds: Int64? = nil
  ) throws {
    self.band = band
    self.updateEverySeconds = updateEverySeconds.flatMap { $0 > 0 ? $0 : nil }
    self.series = series
    self.detector = SurgeDetector(settings: detector)
    self.policy = policy
    self.projection = projection
    do {
      clock = try LocalClock(identifier: band.model.training.timeZone)
    } catch {
      throw ModelingError.incompatibleData(error.description)
    }
  }

  /// Feeds the slot starting at `time`; returns the alert it raises, if any.
  /// - Throws: `ModelingError.incompatibleData` when `time` is not on the model's grid.
  public mutating func ingest(time: Int64, value: Double) throws -> SurgeAlert? {
    let expected = try expectation(at: time)
    let step = band.step
    guard
      let result = detector.observe(
        time: time, step: step, observed: value, expected: expected.median,
        logSpread: expected.logSpread)
    else { return nil }
    lastStep = result
    lastObservation = (value, expected.median)
    history.append((time, result.logRatio - result.level))
    let keep = time - projection.growthWindowSeconds
    if let first = history.first, first.time <= keep {
      history.removeAll { $0.time <= keep }
    }
    guard let episode = result.episode else { return nil }
    let slotEnd = time + step
    let kind: SurgeAlert.Kind
    switch result.transition {
    case .surgeStarted: kind = .surge
    case .dropStarted: kind = .drop
    case .ended: kind = .recovered
    case .none:
      guard let every = updateEverySeconds, let last = lastAlertAt, slotEnd - last >= every
      else { return nil }
      kind = .update
    }
    lastAlertAt = kind == .recovered ? nil : slotEnd
    return try alert(
      kind, for: result, episode: episode, observed: value, expected: expected.median)
  }

  /// The current surge or drop as an `update` alert (its size, growth and projection from the
  /// latest slots), or nil while traffic is normal. What `surgecast serve` reports between
  /// alerts.
  public mutating func currentEpisode() throws -> SurgeAlert? {
    guard let step = lastStep, step.transition != .ended, let episode = detector.episode,
      let observation = lastObservation
    else { return nil }
    return try alert(
      .update, for: step, episode: episode, observed: observation.observed,
      expected: observation.expected)
  }

  /// Expected median and spread of the slot at `time`, from a cache refilled a week ahead.
  public mutating func expectation(at time: Int64) throws -> (median: Double, logSpread: Double)
  {
    let index = try slot(time, ahead: 0)
    guard let cache else { return (.nan, .nan) }
    return (cache.median[index], cache.logSpread[index])
  }

  /// The cached slot index of `time`, refilling the cache so that `ahead` more slots follow.
  private mutating func slot(_ time: Int64, ahead: Int) throws -> Int {
    if let cache, let index = cache.index(of: time), index + ahead < cache.count {
      return index
    }
    let fresh = try band.expected(start: time, count: NormalBand.chunk + ahead)
    cache = fresh
    return 0
  }

  private mutating func alert(
    _ kind: SurgeAlert.Kind, for step: DetectorStep, episode: Episode, observed: Double,
    expected: Double
  ) throws -> SurgeAlert {
    let stepSeconds = band.step
    let slotEnd = step.time + stepSeconds
    let leads = Self.projectionMinutes.map { Int64($0) * 60 }
    let outlook = projection.outlook(history: history, surge: episode.kind == .surge)
    let ratio = outlook?.ratio ?? exp(step.logRatio)
    // The ratio `lead` seconds ahead: the projection, or 1 once traffic has recovered.
    let ahead: (Int64) -> Double = { lead in
      kind == .recovered ? 1 : (outlook?.ratio(after: lead) ?? ratio)
    }
    // Every slot from now to the longest lead, at the ratio projected for its lead.
    let slots = Int((leads.max() ?? 0) / stepSeconds)
    let first = try slot(slotEnd, ahead: slots)
    var projections: [SurgeAlert.Projection] = []
    var peak = 0.0
    var peakSizing = 0.0
    if let cache {
      for k in 0..<max(1, slots) {
        let slotRatio = ahead(Int64(k + 1) * stepSeconds)
        peak = max(peak, cache.median[first + k] * slotRatio)
        peakSizing = max(peakSizing, cache.sizing[first + k] * slotRatio)
      }
      for (minutes, lead) in zip(Self.projectionMinutes, leads) {
        // The slot holding the instant `lead` after now (for steps above the lead, the next).
        let index = first + max(0, Int((lead + stepSeconds - 1) / stepSeconds) - 1)
        projections.append(
          SurgeAlert.Projection(
            minutes: minutes, at: Timestamp.format(cache.times[index], clock: clock),
            ratio: ahead(lead), requests: cache.median[index] * ahead(lead)))
      }
    }
    var recommended: Int?
    var forecastOnly: Int?
    if let policy, let cache {
      recommended = ReplicaSizing.replicas(serving: peakSizing, policy: policy).replicas
      forecastOnly = ReplicaSizing.replicas(serving: cache.sizing[first], policy: policy).replicas
    }
    let growth = outlook?.logGrowthPerHour ?? 0
    return SurgeAlert(
      kind: kind, series: series, start: Timestamp.format(episode.start, clock: clock),
      detectedAt: Timestamp.format(episode.detectedAt, clock: clock),
      raisedAt: Timestamp.format(slotEnd, clock: clock),
      delaySeconds: episode.detectedAt - episode.start, episode: episode.kind,
      end: episode.end.map { Timestamp.format($0, clock: clock) }, ratio: ratio,
      logGrowthPerHour: growth, observed: observed, expected: expected,
      projections: projections, projectedPeak: peak, recommendedReplicas: recommended,
      forecastReplicas: forecastOnly,
      reason: Self.reason(kind, ratio: ratio, growth: growth, episode: episode))
  }

  /// ", growing N% per hour" for a growth above 5% per hour, else nothing.
  static func pace(_ logGrowthPerHour: Double) -> String {
    guard logGrowthPerHour > 0.05 else { return "" }
    return String(format: ", growing %.0f%% per hour", (exp(logGrowthPerHour) - 1) * 100)
  }

  static func reason(_ kind: SurgeAlert.Kind, ratio: Double, growth: Double, episode: Episode)
    -> String
  {
    let times = String(format: "%.2f", ratio)
    switch kind {
    case .surge:
      return "traffic is \(times)× the forecast band's median, sustained since the onset\(pace(growth))"
    case .drop:
      return "traffic is \(times)× the forecast band's median (a drop), sustained since the onset"
    case .update:
      let what = episode.kind == .drop ? "drop" : "surge"
      return "the \(what) goes on: traffic is \(times)× the forecast band's median\(pace(growth))"
    case .recovered:
      let extreme = String(format: "%.2f", episode.extremeRatio)
      return "traffic is back within its band (extreme ratio \(extreme)×)"
    }
  }
}
