import Features
import Forecasting
import Foundation
import Modeling
import TestSupport
import Testing
import TimeSeries

/// Daily data whose weekly shape fades in and out with the year (a sports site's game days,
/// a shop's weekend in December): the default fit finds the modulation, the weekly component
/// it learns has the planted size at the peak of the season and almost none at its trough,
/// and the forecast a year ahead follows the planted curve — which a fixed weekly shape
/// cannot.
@Suite struct WeeklyModulationRecoveryTests {
  static let start: Int64 = 1_420_070_400  // 2015-01-01T00:00Z
  static let days = 4 * 365
  static let year = SeasonalTerms.yearSeconds
  /// Log-scale weekly effect by ISO weekday (Monday first), zero mean, range 0.5.
  static let weekShape = [0.30, 0.10, 0.0, -0.05, -0.05, -0.15, -0.15]

  /// Noise-free log level at day index `i`: trend, a yearly wave, and the weekly shape scaled by
  /// (1 + cos of the year's phase)/2 — full in early January, gone in early July.
  static func truth(_ i: Int) -> Double {
    let t = Double(start) + Double(i) * 86_400
    let phase = 2 * Double.pi * (t - (t / year).rounded(.down) * year) / year
    let weekday = (i + 3) % 7  // 2015-01-01 was a Thursday (ISO weekday index 3)
    return 6 + 0.2 * Double(i) / Double(days) + 0.15 * sin(phase)
      + weekShape[weekday] * (1 + cos(phase)) / 2
  }

  /// The truth times log-normal noise (σ = 0.03 on the log scale).
  static let series: Series = {
    var random = SplitMix64(seed: 2_024)
    let values = (0..<days).map { exp(truth($0) + 0.03 * random.normal()) }
    return Series(name: "modulated", start: start, step: 86_400, values: values)
  }()

  /// A log model with every other choice automatic; `modulation` fixes the yearly order of the
  /// weekly profile's modulation.
  static func fit(modulation: Int? = nil) throws -> FittedModel {
    var spec = ModelSpec()
    spec.boxCoxLambda = 0
    spec.weeklyYearlyModulation = modulation
    return try spec.fit(series)
  }

  static let model: Result<FittedModel, Error> = Result { try fit() }

  /// Range over one week (7 days from `day`) of the learned weekly component.
  func weeklyRange(_ model: FittedModel, fromDay day: Int) throws -> Double {
    let (design, _) = try model.design(
      start: Self.start + Int64(day) * 86_400, count: 7, events: [])
    let weekly = try #require(model.componentContributions(design)["seasonality:weekly"])
    return (weekly.max() ?? 0) - (weekly.min() ?? 0)
  }

  @Test func theDefaultFitLearnsTheSeasonalWeek() throws {
    let model = try Self.model.get()
    #expect(model.spec.weeklyYearlyModulation == 2)
    // Planted range 0.45 (0.30 − (−0.15)) in the first week of January, 0 in early July.
    let january = try weeklyRange(model, fromDay: 3 * 365 + 1)
    let july = try weeklyRange(model, fromDay: 3 * 365 + 182)
    #expect(abs(january / 0.45 - 1) < 0.15, "January week range \(january), planted 0.45")
    #expect(july < 0.1, "July week range \(july), planted 0")
  }

  /// The median forecast over the next year against the noise-free truth (log scale): with the
  /// modulation the RMSE is a fraction of the noise (0.007 against σ = 0.03 when written); a
  /// fixed weekly shape is off by the seasonal part of the week (0.049).
  @Test func theForecastFollowsTheSeasonalWeek() throws {
    let model = try Self.model.get()
    let fixedModel = try Self.fit(modulation: 0)
    #expect(fixedModel.spec.weeklyYearlyModulation == 0)
    func rmse(_ model: FittedModel) throws -> Double {
      let forecast = try model.forecast(ForecastRequest(horizon: 364, quantiles: [0.5]))
      let median = try #require(forecast.quantile(0.5))
      let squares = median.enumerated().map { h, value in
        pow(log(value) - Self.truth(Self.days + h), 2)
      }
      return sqrt(squares.reduce(0, +) / Double(squares.count))
    }
    let modulated = try rmse(model)
    let plain = try rmse(fixedModel)
    #expect(modulated < 0.02, "RMSE with the modulation \(modulated)")
    #expect(plain > 3 * modulated, "RMSE with a fixed week \(plain), modulated \(modulated)")
  }
}
