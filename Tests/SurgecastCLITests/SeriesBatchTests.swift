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

  @Test func storeLaneStoresEverySeriesOnceAndBoundsTheWorkInFlight() async {
    struct Refused: Error, CustomStringConvertible { var description: String }
    final class Counters: @unchecked Sendable {
      let lock = NSLock()
      var computing = 0
      var mostComputing = 0
      var stored: [Int] = []
      func enter() {
        lock.withLock {
          computing += 1
          mostComputing = max(mostComputing, computing)
        }
      }
      func leave() { lock.withLock { computing -= 1 } }
    }
    let counters = Counters()
    var handled: [Int: String] = [:]
    // One worker: the cooperative pool has a thread per core, so only the batch's own bound
    // keeps a second series from computing while the first waits for the lane.
    let failures = await SeriesBatch(concurrency: 1).run(
      count: 40, name: { "s\($0)" },
      work: { index in
        counters.enter()
        defer { counters.leave() }
        if index == 3 { throw Refused(description: "all missing") }
        Thread.sleep(forTimeInterval: 0.001)
        return "model \(index)"
      },
      store: { index, model in
        if index == 11 { throw Refused(description: "disk full") }
        // A slow disk: the lane is the bottleneck, so finished work must wait for it.
        Thread.sleep(forTimeInterval: 0.002)
        counters.lock.withLock { counters.stored.append(index) }
        return model + " stored"
      },
      handle: { index, stored in handled[index] = stored })
    #expect(failures.map(\.index) == [3, 11])
    #expect(failures.map(\.message) == ["all missing", "disk full"])
    let expected = (0..<40).filter { $0 != 3 && $0 != 11 }
    #expect(counters.stored.sorted() == expected)
    #expect(handled.keys.sorted() == expected)
    #expect(handled[5] == "model 5 stored")
    #expect(counters.mostComputing == 1)
  }
}
