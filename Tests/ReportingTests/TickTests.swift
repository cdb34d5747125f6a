import Reporting
import Testing
import TimeSeries

/// Axis ticks: round numbers, local-time positions, and labels that never overlap.
@Suite struct TickTests {
  let seoul: LocalClock = {
    guard let clock = try? LocalClock(identifier: "Asia/Seoul") else { fatalError("tzdata") }
    return clock
  }()

  @Test func niceNumbersCoverTheRange() {
    #expect(NumberTicks.nice(0, 37_921, target: 5) == [0, 10_000, 20_000, 30_000, 40_000])
    #expect(NumberTicks.nice(0.93, 1.12, target: 5) == [0.9, 0.95, 1.0, 1.05, 1.1, 1.15])
    #expect(NumberTicks.label(0, step: 10_000) == "0")
    #expect(NumberTicks.label(40_000, step: 10_000) == "40k")
    #expect(NumberTicks.label(2_500, step: 2_500) == "2.5k")
    #expect(NumberTicks.label(1_200_000, step: 200_000) == "1.2M")
    #expect(NumberTicks.label(1.05, step: 0.05) == "1.05")
  }

  /// Every span from a day to over a year, on a small, a medium and a wide axis.
  @Test(arguments: [1, 2, 7, 14, 30, 97, 200, 426])
  func labelsNeverOverlap(days: Int) {
    let start: Int64 = 1_764_514_800 - Int64(days) * 86_400 + 1_800  // not on a round hour
    let end: Int64 = 1_764_514_800
    for width in [300.0, 470, 878] {
      let ticks = TimeTicks.ticks(from: start, to: end, width: width, clock: seoul)
      #expect(ticks.count >= 2 || days > 300, "\(days) d on \(width) px: \(ticks.count) ticks")
      let scale = { (t: Double) in (t - Double(start)) / Double(end - start) * width }
      for (a, b) in zip(ticks, ticks.dropFirst()) {
        #expect(a.value < b.value)
        let gap =
          (scale(b.value) - scale(a.value))
          - (LabelLayout.width(a.label, fontSize: 11) + LabelLayout.width(b.label, fontSize: 11))
          / 2
        #expect(gap >= 12, "\(days) d on \(width) px: '\(a.label)' and '\(b.label)' overlap")
      }
      for tick in ticks {
        #expect(tick.value >= Double(start) && tick.value <= Double(end))
        // Ticks sit on whole local hours of Seoul (UTC+9), not of UTC.
        let local = Int64(tick.value) + 9 * 3600
        #expect(local % 3600 == 0, "\(tick.label) at \(tick.value)")
      }
    }
  }

  @Test func dayTicksAreLocalMidnightsWithWeekdayLabels() {
    // Mon 2025-11-24 00:00 to Mon 2025-12-01 00:00, Seoul: seven days on a wide axis.
    let start: Int64 = 1_764_514_800 - 7 * 86_400
    let ticks = TimeTicks.ticks(from: start, to: 1_764_514_800, width: 878, clock: seoul)
    let midnight = ticks.first { $0.label.hasPrefix("Mon") }
    #expect(midnight?.label == "Mon 24 Nov")
    #expect(midnight?.value == Double(start))
  }

  @Test func overlappingLabelsAreDropped() {
    let kept = LabelLayout.nonOverlapping(
      centers: [0, 10, 50, 55, 120], widths: [20, 20, 20, 20, 20], gap: 5)
    #expect(kept == [0, 2, 4])
    let starts = LabelLayout.nonOverlapping(
      centers: [0, 30, 15], widths: [25, 25, 25], gap: 4, anchoredStart: true)
    #expect(starts == [0, 1])
  }
}
