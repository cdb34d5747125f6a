import Foundation
import Testing

@testable import Forecasting

/// The CSV of several series: a quoted `series` column, blocks in the given order, the union of
/// the components, and the single-series rows unchanged.
@Suite struct ForecastEncodingTests {
  static func forecast(start: Int64, mean: [Double], components: [String: [Double]]?) -> Forecast {
    Forecast(
      times: mean.indices.map { start + Int64($0) * 3600 }, step: 3600, timeZone: "Asia/Seoul",
      mean: mean, quantiles: [QuantileForecast(level: 0.9, values: mean.map { $0 * 1.5 })],
      components: components)
  }

  @Test func severalSeriesShareOneTable() throws {
    let a = Self.forecast(start: 0, mean: [10, 20.5], components: ["trend": [1, 2]])
    let b = Self.forecast(start: 3600, mean: [7], components: ["holiday": [0.25]])
    let text = String(
      decoding: try ForecastEncoding.csv(bySeries: [("b\"1,x", b), ("a", a)]), as: UTF8.self)
    #expect(
      text == """
        series,timestamp,forecast,p90,holiday,trend
        "b""1,x",1970-01-01T10:00:00+09:00,7,10.5,0.25,0
        a,1970-01-01T09:00:00+09:00,10,15,0,1
        a,1970-01-01T10:00:00+09:00,20.5,30.75,0,2

        """)
    let single = String(decoding: try ForecastEncoding.csv(a), as: UTF8.self)
      .split(separator: "\n").dropFirst().map { "a,\($0)" }
    let asGroup = String(
      decoding: try ForecastEncoding.csv(bySeries: [("a", a)]), as: UTF8.self)
      .split(separator: "\n").dropFirst().map(String.init)
    #expect(asGroup == single)
  }

  @Test func quantileLevelsMustAgree() {
    let a = Self.forecast(start: 0, mean: [1], components: nil)
    var b = a
    b.quantiles = [QuantileForecast(level: 0.5, values: [1])]
    #expect(throws: ForecastEncodingError.mismatchedQuantiles(series: "b")) {
      try ForecastEncoding.csv(bySeries: [("a", a), ("b", b)])
    }
  }
}
