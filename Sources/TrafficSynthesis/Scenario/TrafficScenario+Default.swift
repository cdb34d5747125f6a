import HolidayCalendars

extension TrafficScenario {
  /// The seed of the committed `Datasets/` files (the span's first day, as a number).
  public static let defaultSeed: UInt64 = 20_241_001

  /// The committed demo data set: 426 days of 5-minute request counts of a Korean e-commerce
  /// site, 2024-10-01 00:00 to 2025-12-01 00:00 Asia/Seoul.
  ///
  /// Why these values:
  /// - 426 days: more than a year (enough to fit yearly seasonality), with Seollal 2025,
  ///   Chuseok 2025 and two 11-11 sales inside; Chuseok 2024 ends two weeks before the start.
  /// - base 850 with the daily and weekly shapes puts a weekday 21:00 near 1,800 requests per
  ///   5 min at the start and near 3,000 by late 2025 (+25%/year and the ×1.2 shift), and
  ///   04:00 near 200: the range of a mid-size shop.
  /// - Daily shapes were fitted offline to hand-drawn hourly curves (weekday: lunch and 21:00
  ///   peaks; Saturday: later rise, broad afternoon, 22:00 peak; Sunday/holiday: same, lower
  ///   midday) and rounded to 4 decimals; the weekday needs 6 harmonics to keep its lunch peak,
  ///   the weekend shapes 4.
  /// - Noise size 150: a coefficient of variation of about 8% per 5-minute slot at the evening
  ///   peak and 10% at night, well above Poisson (≈ 2% at 2,000), as real request counts are.
  /// - Fixed-date events sit on plain weekdays away from holidays, so each is identifiable.
  public static let `default` = TrafficScenario(
    seed: defaultSeed,
    start: CivilDate(2024, 10, 1),
    days: 426,
    stepSeconds: 300,
    timeZone: "Asia/Seoul",
    utcOffsetSeconds: 9 * 3600,
    level: LevelSpec(baseLevel: 850, growthPerYear: 1.25),
    seasonality: SeasonalitySpec(
      weekday: harmonics([
        (-0.1462, -0.6667), (0.3877, -0.3895), (0.1185, 0.0013), (-0.0161, 0.0629),
        (-0.0426, -0.0352), (0.0262, 0.0142),
      ]),
      saturday: harmonics([
        (-0.0068, -0.8181), (0.4591, -0.0894), (0.0531, 0.0702), (-0.0267, -0.0218),
      ]),
      sundayOrHoliday: harmonics([
        (0.0984, -0.8338), (0.4602, -0.0693), (0.0103, 0.0569), (-0.0304, -0.0269),
      ]),
      dayOfWeekLogLevel: [0.05, 0.04, 0.03, 0.02, -0.03, -0.08, -0.03],
      // December (and November) high, July–August dip: about +9% and −8%.
      yearly: harmonics([(0.0513, -0.0099), (0.0144, -0.0500)])),
    holidays: HolidaySpec(
      country: .kr,
      // The lunar festivals empty the shop (people travel to family); Children's Day is a
      // toy-shopping day; other days off look like a quiet Sunday.
      multiplierByName: [
        "seollal": 0.55, "chuseok": 0.55, "childrens_day": 1.05, "christmas": 0.9,
      ],
      defaultMultiplier: 0.85,
      preHolidayNames: ["seollal", "chuseok"],
      preHolidayMultiplier: 1.1),
    flashSales: FlashSaleSpec(
      name: "flash_sale",
      hourlyMultiplier: [2.4, 1.7, 1.3, 1.15],
      preSaleMultiplier: 0.95,
      scales: [0.5, 1, 1.5, 2],
      minGapDays: 10,
      maxGapDays: 20,
      startHours: [
        WeightedHour(hour: 20, weight: 0.5), WeightedHour(hour: 12, weight: 0.35),
        WeightedHour(hour: 10, weight: 0.05), WeightedHour(hour: 15, weight: 0.05),
        WeightedHour(hour: 18, weight: 0.05),
      ]),
    megaSales: MegaSaleSpec(
      name: "mega_sale",
      dates: [
        CivilDate(2024, 11, 11), CivilDate(2024, 12, 12), CivilDate(2025, 4, 10),
        CivilDate(2025, 6, 18), CivilDate(2025, 11, 11),
      ],
      // A rush when the sale opens at midnight, a quieter night, then ×1.6 all day.
      hourlyMultiplier: [2.2, 1.8] + Array(repeating: 1.5, count: 6)
        + Array(repeating: 1.6, count: 16)),
    surge: SurgeSpec(
      name: "refund_request_surge",
      start: WallTime(CivilDate(2025, 7, 16), hour: 10),
      peakMultiplier: 4, rampMinutes: 20, plateauMinutes: 160, decayMinutes: 660),
    levelShift: LevelShiftSpec(
      start: WallTime(CivilDate(2025, 7, 17), hour: 0), multiplier: 1.2),
    outage: OutageSpec(
      name: "outage", start: WallTime(CivilDate(2025, 3, 20), hour: 2),
      durationMinutes: 120, observedFraction: 0.03, reboundMinutes: 30, reboundMultiplier: 1.4),
    incident: IncidentSpec(
      name: "bot_attack", start: WallTime(CivilDate(2025, 2, 13), hour: 3),
      durationMinutes: 180, multiplier: 3),
    noise: NoiseSpec(size: 150))

  private static func harmonics(_ pairs: [(Double, Double)]) -> [Harmonic] {
    pairs.enumerated().map { Harmonic(order: $0.offset + 1, cos: $0.element.0, sin: $0.element.1) }
  }
}
