import Foundation

/// Two one-sided CUSUMs of the log-likelihood ratio on standardised log residuals: one for a
/// surge (traffic `surgeRatio`× the expected median), one for a drop (`dropRatio`×).
///
/// For a slot with expected median m, spread σ (log units) and observation y:
///   e = log((y + 1) / (m + 1)) − level,  u = e / σ
///   S⁺ ← max(0, S⁺ + min(c, d⁺·u − d⁺²/2)),  d⁺ = log(surgeRatio) / σ
///   S⁻ ← max(0, S⁻ + min(c, −d⁻·u − d⁻²/2)),  d⁻ = −log(dropRatio) / σ
/// (c = `maxSlotEvidence`)
/// which is Page's CUSUM for a Gaussian shift of the log ratio from 0 to log(ratio). An alarm
/// is declared when a statistic reaches `threshold`; the onset is where it last left zero.
/// While a surge or drop is declared its statistic is capped at the threshold, so that the
/// episode ends soon after traffic is back to normal: when the statistic returns to zero.
///
/// The detector is a value: feed slots in time order with `observe`; copying it copies its
/// state (useful for what-if replays). O(1) time and memory per slot.
public struct SurgeDetector: Sendable {
  public let settings: DetectorSettings
  public private(set) var level = 0.0
  public private(set) var upper = 0.0
  public private(set) var lower = 0.0
  public private(set) var state = DetectorState.normal
  public private(set) var episode: Episode?
  /// Where the current runs of S⁺ and S⁻ above zero began.
  private var upperRunStart: Int64?
  private var lowerRunStart: Int64?
  private var lastTime: Int64?

  public init(settings: DetectorSettings = .init()) {
    self.settings = settings
  }

  /// Feeds one slot. A missing observation (NaN) or a slot without a usable expectation
  /// leaves the statistics as they are and returns nil; so does a slot not after the last one.
  public mutating func observe(
    time: Int64, step: Int64, observed: Double, expected: Double, logSpread: Double
  ) -> DetectorStep? {
    guard observed.isFinite, observed >= 0, expected.isFinite, expected >= 0,
      logSpread.isFinite, step > 0
    else { return nil }
    if let lastTime, time <= lastTime { return nil }
    lastTime = time
    let sigma = max(settings.spreadFloor, logSpread)
    let logRatio = log((observed + 1) / (expected + 1))
    let residual = logRatio - level
    let cap = settings.maxSlotEvidence
    let score = min(cap, max(-cap, residual / sigma))
    let dUp = log(settings.surgeRatio) / sigma
    let dDown = -log(settings.dropRatio) / sigma

    if upper == 0 { upperRunStart = time }
    if lower == 0 { lowerRunStart = time }
    upper = max(0, upper + min(cap, dUp * score - dUp * dUp / 2))
    lower = max(0, lower + min(cap, -dDown * score - dDown * dDown / 2))

    let end = time + step
    var transition = DetectorStep.Transition.none
    switch state {
    case .normal:
      if upper >= settings.threshold {
        transition = .surgeStarted
        begin(.surge, start: upperRunStart ?? time, detectedAt: end)
        lower = 0
      } else if lower >= settings.threshold {
        transition = .dropStarted
        begin(.drop, start: lowerRunStart ?? time, detectedAt: end)
        upper = 0
      } else {
        adaptLevel(residual: residual, sigma: sigma, step: step)
      }
    case .surge:
      upper = min(upper, settings.threshold)
      lower = 0
      if let extreme = episode?.extremeRatio { episode?.extremeRatio = max(extreme, exp(logRatio)) }
      if upper == 0 { transition = .ended }
    case .drop:
      lower = min(lower, settings.threshold)
      upper = 0
      if let extreme = episode?.extremeRatio { episode?.extremeRatio = min(extreme, exp(logRatio)) }
      if lower == 0 { transition = .ended }
    }
    if transition == .surgeStarted || transition == .dropStarted {
      episode?.extremeRatio = exp(logRatio)
    }
    var reported = episode
    if transition == .ended {
      reported?.end = end
      state = .normal
      episode = nil
    }
    return DetectorStep(
      time: time, logRatio: logRatio, level: level, standardScore: score, upper: upper,
      lower: lower, state: state, transition: transition, episode: reported)
  }

  private mutating func begin(_ kind: DetectorState, start: Int64, detectedAt: Int64) {
    state = kind
    episode = Episode(kind: kind, start: start, detectedAt: detectedAt, extremeRatio: 1)
  }

  /// level ← level + α·clamp(residual, ±levelClip·σ), α from the half-life and the step.
  private mutating func adaptLevel(residual: Double, sigma: Double, step: Int64) {
    let alpha = 1 - pow(0.5, Double(step) / settings.levelHalfLifeSeconds)
    let clip = settings.levelClip * sigma
    level += alpha * min(clip, max(-clip, residual))
  }
}
