import Foundation
import HolidayCalendars
import Testing

/// Cross-check of the Korean lunar dates against Foundation's Chinese calendar.
///
/// The two calendars share their rules but place the new moon by different meridians: Korea
/// by UTC+9, China by UTC+8. When a new moon falls between 00:00 and 01:00 Seoul time, the
/// Korean month starts a day later than the Chinese one (DOMAIN.md: 2027, where Chinese New
/// Year is 6 February and Seollal 7 February). Every other year must agree to the day.
@Suite("Korean vs Chinese lunar calendar")
struct LunarCrossCheckTests {
  /// Years of the table where the Korean lunar new year differs from the Chinese one; found by
  /// this test itself and checked to contain DOMAIN.md's 2027.
  static let seollalDiffers: Set<Int> = [1997, 2027, 2028]
  /// Same for lunar 8/15 (Chuseok).
  static let chuseokDiffers: Set<Int> = [2040]

  /// Foundation's Chinese calendar, reading instants at noon China time.
  static let chinese: Calendar = {
    var calendar = Calendar(identifier: .chinese)
    calendar.timeZone = chinaTime
    return calendar
  }()
  static let chinaTime = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt

  /// The Chinese lunar (month, day, leap) of a Gregorian date.
  static func chineseLunarDay(_ civil: CivilDate) -> (month: Int, day: Int, leap: Bool) {
    // Noon China time, as seconds since 1970: well inside the civil day in China.
    let seconds = Double(civil.daysSinceEpoch * 86_400 + 12 * 3600 - 8 * 3600)
    let parts = chinese.dateComponents(
      [.month, .day, .isLeapMonth], from: Date(timeIntervalSince1970: seconds))
    return (parts.month ?? 0, parts.day ?? 0, parts.isLeapMonth ?? false)
  }

  /// The first Gregorian date in `window` that is Chinese lunar `month`/`day` (not leap).
  static func chineseDate(month: Int, day: Int, in window: ClosedRange<CivilDate>) -> CivilDate? {
    var current = window.lowerBound
    while current <= window.upperBound {
      let lunar = chineseLunarDay(current)
      if lunar.month == month && lunar.day == day && !lunar.leap { return current }
      current = current.adding(days: 1)
    }
    return nil
  }

  @Test("Seollal equals Chinese New Year except in the listed years")
  func seollal() throws {
    var differing: Set<Int> = []
    for year in HolidayCalendar.coveredYears(.kr) {
      let korean = try #require(festivalStart(allKR, "seollal", in: year)).adding(days: 1)
      let window = date(year, 1, 15)...date(year, 2, 25)
      let chinese = try #require(Self.chineseDate(month: 1, day: 1, in: window))
      if korean != chinese {
        differing.insert(year)
        // Korea is one hour east: its new moon can only fall a day later, never earlier.
        #expect(korean == chinese.adding(days: 1), "\(year): KR \(korean), CN \(chinese)")
      }
    }
    #expect(differing == Self.seollalDiffers)
    #expect(Self.seollalDiffers.contains(2027))
  }

  @Test("Chuseok equals Chinese lunar 8/15 except in the listed years")
  func chuseok() throws {
    var differing: Set<Int> = []
    for year in HolidayCalendar.coveredYears(.kr) {
      let korean = try #require(festivalStart(allKR, "chuseok", in: year)).adding(days: 1)
      let window = date(year, 9, 1)...date(year, 10, 15)
      let chinese = try #require(Self.chineseDate(month: 8, day: 15, in: window))
      if korean != chinese {
        differing.insert(year)
        #expect(korean == chinese.adding(days: 1), "\(year): KR \(korean), CN \(chinese)")
      }
    }
    #expect(differing == Self.chuseokDiffers)
  }

  @Test("Foundation puts 7 February 2027 on Chinese lunar 1/2 (DOMAIN.md)")
  func domainExample() {
    let lunar = Self.chineseLunarDay(date(2027, 2, 7))
    #expect(lunar.month == 1 && lunar.day == 2 && !lunar.leap)
  }
}
