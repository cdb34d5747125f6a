import Foundation
import Testing

@testable import SurgecastCLI

@Suite("multi-series plumbing")
struct SeriesBatchTests {
  @Test func globsMatchWholeNames() {
    #expect(SeriesSelection.matches("api-eu", pattern: "api-*"))
    #expect(SeriesSelection.matches("api-eu", pattern: "api-??"))
    #expect(SeriesSelection.matches("api-eu", pattern: "*"))
    #expect(SeriesSelection.matches("a*b", pattern: "a*b"))
    #expect(!SeriesSelection.matches("api-eu", pattern: "api"))
    #expect(!SeriesSelection.matches("api-eu", pattern: "api-?"))
    #expect(SeriesSelection.matches("x{region=\"eu\"}", pattern: "*eu*"))
    #expect(SeriesSelection.matches("aaab", pattern: "*a*ab"))
    #expect(!SeriesSelection.matches("", pattern: "?"))
  }

  @Test func batchRunsEverySeriesOnceAndReportsFailuresInOrder() async {
    struct Refused: Error, CustomStringConvertible { var description: String }
    final class Seen: @unchecked Sendable { var indices: [Int] = [] }
    let seen = Seen()
    let failures = await SeriesBatch(concurrency: 3).run(
      count: 50, name: { "s\($0)" },
      work: { index in
        if index % 10 == 7 { throw Refused(description: "too short") }
        return index * 2
      },
      handle: { index, output in
        #expect(output == index * 2)
        seen.indices.append(index)
      })
    #expect(failures.map(\.index) == [7, 17, 27, 37, 47])
    #expect(failures.first?.name == "s7" && failures.first?.message == "too short")
    #expect(seen.indices.sorted() == (0..<50).filter { $0 % 10 != 7 })
  }
}
