import Foundation
import TestSupport

@testable import SurgeDetection

/// A generated stream with a known expectation: median m_t on a daily cycle, log-normal noise
/// of spread σ, and multipliers planted on chosen slots. Nothing here uses a model, so the
/// detector's behaviour is checked against exactly known inputs.
struct SyntheticStream {
  static let step: Int64 = 300
  static let start: Int64 = 1_735_657_200  // 2025-01-01T00:00:00+09:00
  var sigma = 0.08
  var slots: Int
  /// Multiplier of the true traffic per slot (1 = normal).
  var multiplier: [Double]

  init(slots: Int) {
    self.slots = slots
    multiplier = [Double](repeating: 1, count: slots)
  }

  func time(_ slot: Int) -> Int64 { Self.start + Int64(slot) * Self.step }

  /// A daily cycle between 200 and 1800 requests per slot.
  func median(_ slot: Int) -> Double {
    let phase = Double(slot % 288) / 288 * 2 * Double.pi
    return 1000 + 800 * sin(phase - Double.pi / 2)
  }

  /// Plants `ratio` on `count` slots from `first`.
  mutating func plant(_ ratio: Double, from first: Int, count: Int) {
    for slot in first..<min(slots, first + count) { multiplier[slot] *= ratio }
  }

  /// Feeds every slot to a fresh detector; returns the steps that changed its state.
  func run(settings: DetectorSettings = .init(), seed: UInt64) -> (
    transitions: [DetectorStep], detector: SurgeDetector
  ) {
    var random = SplitMix64(seed: seed)
    var detector = SurgeDetector(settings: settings)
    var transitions: [DetectorStep] = []
    for slot in 0..<slots {
      let observed = median(slot) * multiplier[slot] * exp(sigma * random.normal())
      guard
        let step = detector.observe(
          time: time(slot), step: Self.step, observed: observed.rounded(),
          expected: median(slot), logSpread: sigma)
      else { continue }
      if step.transition != .none { transitions.append(step) }
    }
    return (transitions, detector)
  }
}
