import Features
import HolidayCalendars
import LinearAlgebra
import Testing
import TimeSeries

/// The builder's periodic block: the right columns, and classes that really determine the
/// values, across a DST change and public holidays.
@Suite("Periodic block of a design")
struct PeriodicBlockLayoutTests {
  /// Hourly data in New York over March–April 2025 (the 23-hour day of 9 March) and US
  /// holidays: the block is exactly the daily-by-kind and weekly Fourier columns, and every row
  /// of a class carries its class's values bit for bit.
  @Test("classes determine the daily and weekly Fourier values")
  func classesDetermineValues() throws {
    let clock = try LocalClock(identifier: "America/New_York")
    let start: Int64 = 1_740_805_200  // 2025-03-01 05:00 UTC, local midnight
    let count = 24 * 61
    let step: Int64 = 3_600
    let timeline = LocalTimeline(
      start: start, step: step, count: count, utcOffset: { clock.utcOffset(at: $0) })
    let firstDay = timeline.localDay(0)
    let calendar = EventCalendar(
      country: .us, events: [], localDays: (firstDay - 3)...(timeline.localDay(count - 1) + 3),
      utcOffset: { clock.utcOffset(at: $0) })
    let layout = FeatureLayout(
      trend: TrendTerms(
        origin: start, unitSeconds: 86_400, slopeChanges: [start + 86_400 * 20],
        levelShifts: [start + 86_400 * 30]),
      dayKindLevels: true,
      seasonalities: [
        SeasonalTerms(name: "daily", periodSeconds: 86_400, order: 4, byDayKind: true),
        SeasonalTerms(name: "weekly", periodSeconds: 604_800, order: 2),
        SeasonalTerms(name: "yearly", periodSeconds: 31_556_952, order: 2),
      ],
      holidays: HolidayTerms(country: "US", pooled: true, names: [], daysBefore: 0, daysAfter: 0),
      promotions: [], incidents: [])
    let builder = DesignMatrixBuilder(layout: layout, calendar: calendar)
    let design = builder.build(
      grid: DesignMatrixBuilder.Grid(start: start, step: step, count: count), timeline: timeline)
    let block = try #require(builder.periodicBlock(timeline: timeline))

    let labels = design.columns[block.columns].map(\.label)
    #expect(labels.count == 4 * 2 * 3 + 2 * 2)
    #expect(labels.allSatisfy { $0.hasPrefix("fourier(daily") || $0.hasPrefix("fourier(weekly") })
    #expect(design.columns[block.columns.upperBound].label.hasPrefix("fourier(yearly"))
    #expect(block.classCount < count / 4 && block.classCount >= 7 * 24)

    var representative: [Int32: Int] = [:]
    var disagreements = 0
    for i in 0..<count {
      let first = representative[block.rowClass[i]] ?? i
      representative[block.rowClass[i]] = first
      for j in block.columns
      where design.values[i + j * count] != design.values[first + j * count] {
        disagreements += 1
      }
    }
    #expect(disagreements == 0)
  }
}
