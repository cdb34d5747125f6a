import Foundation
import Testing

@testable import PrometheusSource

@Suite("Prometheus range splitting and naming")
struct RangeSplittingTests {
  let server = URL(fileURLWithPath: "/")

  @Test func piecesTileTheGridWithoutOverlapOrGap() {
    // 30,000 five-minute instants: 11,000 + 11,000 + 8,000.
    let query = PrometheusQuery(
      server: server, expression: "x", start: 1_000_000, end: 1_000_000 + 29_999 * 300, step: 300)
    #expect(query.pointCount == 30_000)
    let pieces = query.split()
    #expect(pieces.map(\.pointCount) == [11_000, 11_000, 8_000])
    #expect(pieces.first?.start == query.start && pieces.last?.end == query.end)
    for (a, b) in zip(pieces, pieces.dropFirst()) { #expect(b.start == a.end + 300) }
  }

  @Test func smallRangesAreOneRequestAndTheLimitIsInclusive() {
    let exact = PrometheusQuery(
      server: server, expression: "x", start: 0, end: 10_999 * 60, step: 60)
    #expect(exact.split().count == 1)
    var over = exact
    over.end += 60
    #expect(over.split().map(\.pointCount) == [11_000, 1])
    // An end off the grid ends at the last instant before it, as Prometheus does.
    let ragged = PrometheusQuery(server: server, expression: "x", start: 0, end: 899, step: 300)
    #expect(ragged.pointCount == 3 && ragged.split().map(\.end) == [600])
  }

  @Test func formBodyEncodesEveryReservedCharacter() {
    let query = PrometheusQuery(
      server: server, expression: "sum(a + b{c=\"d&e\"})", start: 1, end: 2, step: 1)
    let body = String(decoding: query.formBody, as: UTF8.self)
    #expect(body == "query=sum%28a%20%2B%20b%7Bc%3D%22d%26e%22%7D%29&start=1&end=2&step=1")
  }

  @Test func labelSetsNameSeriesAsPrometheusPrintsThem() {
    #expect(
      SeriesNaming.name(of: ["__name__": "http", "region": "eu", "code": "200"], query: "q")
        == "http{code=\"200\",region=\"eu\"}")
    #expect(SeriesNaming.name(of: ["job": "a\"b"], query: "q") == "{job=\"a\\\"b\"}")
    #expect(SeriesNaming.name(of: ["__name__": "up"], query: "q") == "up")
    #expect(SeriesNaming.name(of: [:], query: "sum(rate(x[5m]))") == "sum(rate(x[5m]))")
  }
}
