import Features
import Foundation
import LinearAlgebra
import Testing
import TimeSeries

/// A weekly profile modulated by the year: the builder writes each harmonic column times the
/// yearly waves, under the labels the layout promises, and such columns never enter the
/// periodic block (their values depend on the date, not only on the weekday).
@Suite("Yearly modulation of a seasonal profile")
struct YearlyModulationLayoutTests {
  static let start: Int64 = 1_704_067_200  // 2024-01-01T00:00Z, a Monday
  static let count = 800
  static let week = 604_800.0

  func build(_ seasonalities: [SeasonalTerms]) -> (DesignMatrix, DesignMatrixBuilder, LocalTimeline) {
    let timeline = LocalTimeline(start: Self.start, step: 86_400, count: Self.count) { _ in 0 }
    let calendar = EventCalendar(
      country: nil, events: [], localDays: (timeline.localDay(0) - 3)...(timeline.localDay(Self.count - 1) + 3),
      utcOffset: { _ in 0 })
    let layout = FeatureLayout(
      trend: TrendTerms(origin: Self.start, unitSeconds: 86_400, slopeChanges: [], levelShifts: []),
      dayKindLevels: false, seasonalities: seasonalities,
      holidays: HolidayTerms(country: nil, pooled: false, names: [], daysBefore: 0, daysAfter: 0),
      promotions: [], incidents: [])
    let builder = DesignMatrixBuilder(layout: layout, calendar: calendar)
    let design = builder.build(
      grid: DesignMatrixBuilder.Grid(start: Self.start, step: 86_400, count: Self.count),
      timeline: timeline)
    return (design, builder, timeline)
  }

  /// Every modulated column equals sin/cos(2πk·weekday/7) × sin/cos(2πj·t/year), computed
  /// here directly from the date (no recurrences), for weekly order 3 and yearly order 2.
  @Test func columnsAreHarmonicsTimesYearlyWaves() throws {
    let weekly = SeasonalTerms(name: "weekly", periodSeconds: Self.week, order: 3, yearlyModulation: 2)
    #expect(weekly.width == 2 * 3 * (1 + 2 * 2))
    let (design, _, _) = build([weekly])
    let labels = design.columns.map(\.label)
    #expect(labels.count == 2 + weekly.width)
    #expect(labels[2] == "fourier(weekly, sin 1)")
    #expect(labels[8] == "fourier(weekly, sin 1) × yearly(sin 1)")
    #expect(labels[15] == "fourier(weekly, cos 1) × yearly(cos 1)")
    #expect(labels[31] == "fourier(weekly, cos 3) × yearly(cos 2)")
    #expect(design.columns.allSatisfy { $0.component != "seasonality:weekly" || $0.penalty != .unpenalized })

    var worst = 0.0
    for i in 0..<Self.count {
      let t = Double(Self.start) + Double(i) * 86_400
      let weekday = Double(i % 7)  // the grid starts on a Monday, weekly phase 0
      let year = SeasonalTerms.yearSeconds
      let yearPhase = t - (t / year).rounded(.down) * year
      var expected: [Double] = []
      let base = (1...3).flatMap { k -> [Double] in
        let angle = 2 * Double.pi * Double(k) * weekday / 7
        return [sin(angle), cos(angle)]
      }
      expected += base
      for j in 1...2 {
        let angle = 2 * Double.pi * Double(j) * yearPhase / year
        expected += base.map { $0 * sin(angle) }
        expected += base.map { $0 * cos(angle) }
      }
      for (c, value) in expected.enumerated() {
        worst = max(worst, abs(design.values[i + (2 + c) * Self.count] - value))
      }
    }
    #expect(worst < 1e-9, "largest difference \(worst)")
  }

  /// The periodic block covers an unmodulated weekly profile, and stops before a modulated one.
  @Test func modulatedColumnsAreNotPeriodic() throws {
    let plain = build([SeasonalTerms(name: "weekly", periodSeconds: Self.week, order: 3)])
    let block = try #require(plain.1.periodicBlock(timeline: plain.2))
    #expect(block.columns == 2..<8)
    let modulated = build([
      SeasonalTerms(name: "weekly", periodSeconds: Self.week, order: 3, yearlyModulation: 1)
    ])
    #expect(modulated.1.periodicBlock(timeline: modulated.2) == nil)
  }

  /// An order of 0 is no modulation: nothing is stored, and the columns are the plain ones.
  @Test func zeroOrderIsNoModulation() throws {
    let terms = SeasonalTerms(name: "weekly", periodSeconds: Self.week, order: 3, yearlyModulation: 0)
    #expect(terms.yearlyModulation == nil)
    #expect(terms.width == 6)
    let encoded = String(decoding: try JSONEncoder().encode(terms), as: UTF8.self)
    #expect(!encoded.contains("yearlyModulation"))
  }
}
