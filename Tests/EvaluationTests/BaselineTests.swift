import TestSupport
import Foundation
import Testing

@testable import Evaluation

/// Naive, seasonal naive and Naive2 on hand-made series, plus the pieces of Naive2 (the
/// seasonality test and the classical decomposition). The M4 cross-check is in
/// `M4HourlyValidationTests`.
@Suite("Baselines")
struct BaselineTests {
  @Test func naiveRepeatsTheLastValue() throws {
    #expect(try Naive().forecast([4, 7, 5], horizon: 3) == [5, 5, 5])
    #expect(try Naive().forecast([4], horizon: 0) == [])
    #expect(throws: EvaluationError.historyTooShort(required: 1, actual: 0)) {
      try Naive().forecast([], horizon: 2)
    }
    #expect(throws: EvaluationError.invalidHorizon(-1)) {
      try Naive().forecast([1], horizon: -1)
    }
  }

  @Test func seasonalNaiveRepeatsTheLastSeason() throws {
    let history = [9.0, 1, 2, 3]
    #expect(try SeasonalNaive(period: 3).forecast(history, horizon: 7) == [1, 2, 3, 1, 2, 3, 1])
    #expect(try SeasonalNaive(period: 1).forecast(history, horizon: 2) == [3, 3])
    #expect(throws: EvaluationError.historyTooShort(required: 5, actual: 4)) {
      try SeasonalNaive(period: 5).forecast(history, horizon: 1)
    }
    #expect(throws: EvaluationError.invalidPeriod(0)) {
      try SeasonalNaive(period: 0).forecast(history, horizon: 1)
    }
  }

  /// Sweep: the implementation agrees with the textbook index y_{n+h−m·⌈h/m⌉} (1-based) for
  /// every period 1…7, history length m…m+8 and horizon 0…20; failures name the case.
  @Test func seasonalNaiveMatchesTheDefinition() throws {
    for m in 1...7 {
      for n in m...(m + 8) {
        let history = (1...n).map { Double($0 * $0) }
        let ours = try SeasonalNaive(period: m).forecast(history, horizon: 20)
        for h in 1...20 {
          let seasons = (h + m - 1) / m
          let expected = history[n + h - m * seasons - 1]
          #expect(ours[h - 1] == expected, "m=\(m) n=\(n) h=\(h)")
        }
      }
    }
  }

  @Test func autocorrelationsByHand() {
    // Alternating ±1, n = 6, mean 0, Σx² = 6: r_1 = −5/6, r_2 = 4/6, r_3 = −3/6.
    let r = SeasonalityTest.autocorrelations([1, -1, 1, -1, 1, -1], maxLag: 3)
    #expect(r.count == 3)
    #expect(abs(r[0] + 5.0 / 6) < 1e-12)
    #expect(abs(r[1] - 4.0 / 6) < 1e-12)
    #expect(abs(r[2] + 3.0 / 6) < 1e-12)
    #expect(SeasonalityTest.autocorrelations([2, 2, 2], maxLag: 1)[0].isNaN)
  }

  @Test func seasonalityTestThresholds() {
    let alternating = { (n: Int) in (0..<n).map { $0 % 2 == 0 ? 1.0 : -1.0 } }
    // n = 6: |r_2| = 0.667 < 1.645 √((1 + 2·(5/6)²)/6) = 1.038 → not seasonal.
    #expect(!SeasonalityTest.isSeasonal(alternating(6), period: 2))
    // n = 40: |r_2| = 0.95 > 1.645 √((1 + 2·0.975²)/40) = 0.443 → seasonal.
    #expect(SeasonalityTest.isSeasonal(alternating(40), period: 2))
    // n < 3m, m = 1 and a constant series are never seasonal.
    #expect(!SeasonalityTest.isSeasonal(alternating(5), period: 2))
    #expect(!SeasonalityTest.isSeasonal(alternating(40), period: 1))
    #expect(!SeasonalityTest.isSeasonal([Double](repeating: 3, count: 40), period: 2))
  }

  @Test func centredMovingAverageByHand() {
    // Order 2 (2×2 MA): (½x_{t−1} + x_t + ½x_{t+1}) / 2; order 3: plain 3-point mean.
    let x = [1.0, 2, 4, 8, 16]
    let even = ClassicalDecomposition.centredMovingAverage(x, order: 2)
    #expect(even[0].isNaN && even[4].isNaN)
    #expect(Array(even[1...3]) == [2.25, 4.5, 9])
    let odd = ClassicalDecomposition.centredMovingAverage(x, order: 3)
    #expect(odd[0].isNaN && odd[4].isNaN)
    let oddExpected: [Double] = [7.0 / 3, 14.0 / 3, 28.0 / 3]
    #expect(Array(odd[1...3]) == oddExpected)
  }

  /// A purely periodic positive series with constant level: the centred MA is the season mean
  /// everywhere, so the indices are the pattern over its mean (closed form, 1e-12).
  @Test func indicesOfAPeriodicSeries() {
    let pattern = [10.0, 20, 30, 20]  // mean 20
    let series = (0..<12).map { pattern[$0 % 4] }
    let indices = ClassicalDecomposition.multiplicativeIndices(series, period: 4)
    for (index, expected) in zip(indices, [0.5, 1, 1.5, 1]) {
      #expect(abs(index - expected) < 1e-12)
    }
  }

  /// Consequence of the closed form above: on a periodic series that tests seasonal (n ≥ 40;
  /// at n = 12 the strong lag-2 autocorrelation widens the limit past r_4 = 8/12), Naive2
  /// equals the seasonal naive forecast; phases continue from the history's length.
  @Test func naive2OfAPeriodicSeriesIsSeasonalNaive() throws {
    let pattern = [10.0, 20, 30, 20]
    for n in 40...43 {
      let series = (0..<n).map { pattern[$0 % 4] }
      let fit = try Naive2(period: 4).fit(series)
      #expect(fit.isSeasonal, "n=\(n)")
      let naive2 = fit.forecast(horizon: 9)
      let snaive = try SeasonalNaive(period: 4).forecast(series, horizon: 9)
      for h in 0..<9 {
        #expect(abs(naive2[h] - snaive[h]) < 1e-9, "n=\(n) h=\(h + 1)")
      }
    }
  }

  @Test func naive2WithoutSeasonalityIsNaive() throws {
    // Too short for the test (n < 3m): indices all 1, forecast = last value.
    let fit = try Naive2(period: 4).fit([3, 1, 4, 1, 5, 9, 2, 6])
    #expect(!fit.isSeasonal)
    #expect(fit.seasonalIndices == [1, 1, 1, 1])
    #expect(fit.forecast(horizon: 3) == [6, 6, 6])
    #expect(try Naive2(period: 1).forecast([1, 2, 3], horizon: 2) == [3, 3])
    #expect(throws: EvaluationError.invalidHorizon(-2)) {
      try Naive2(period: 4).forecast([1], horizon: -2)
    }
  }

  /// Baselines are specs: their JSON round-trips, and a forecast is bit-identical on re-run.
  @Test func specsRoundTripAndForecastsAreDeterministic() throws {
    let spec = Naive2(period: 24)
    let decoded = try JSONDecoder().decode(Naive2.self, from: JSONEncoder().encode(spec))
    #expect(decoded == spec)
    var generator = SplitMix64(seed: 42)
    let history = (0..<240).map { t in
      100 + 30 * sin(Double(t) * .pi / 12) + Double.random(in: -5...5, using: &generator)
    }
    let first = try spec.forecast(history, horizon: 48)
    let second = try decoded.forecast(history, horizon: 48)
    #expect(first.map(\.bitPattern) == second.map(\.bitPattern))
    #expect(try spec.fit(history).isSeasonal)
  }
}
