import Foundation
import TestSupport
import Testing

@testable import PrometheusSource

/// Against a real Prometheus: backfilled data must come back value for value.
@Suite(
  "Prometheus server round trip", .serialized,
  .enabled(if: PrometheusServer.unavailableReason == nil, "\(PrometheusServer.unavailableReason ?? "")"))
struct PrometheusServerTests {
  /// Two series of 5-minute data, 40 days (11,520 instants: more than one request), with
  /// values of up to 17 significant digits and a few planted gaps.
  static let start: Int64 = 1_735_689_600  // 2025-01-01T00:00Z
  static let step: Int64 = 300
  static let count = 11_520
  static let gaps: Set<Int> = [5, 6, 7, 11_000, 11_519]

  static func value(region: Int, index: Int) -> Double {
    var random = SplitMix64(seed: UInt64(region * 1_000_003 + index))
    return (random.uniform() * 1e5).rounded(.down) + random.uniform()
  }

  static func openMetrics() -> String {
    var lines = ["# TYPE traffic gauge"]
    for (region, label) in ["eu", "us"].enumerated() {
      for index in 0..<count where !(region == 0 && gaps.contains(index)) {
        let time = start + Int64(index) * step
        lines.append("traffic{region=\"\(label)\"} \(value(region: region, index: index)) \(time)")
      }
    }
    lines.append("# EOF")
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func backfilledValuesRoundTripExactly() async throws {
    let server = try await PrometheusServer(openMetrics: Self.openMetrics())
    defer { server.stop() }
    let query = PrometheusQuery(
      server: server.url, expression: "traffic", start: Self.start,
      end: Self.start + Int64(Self.count - 1) * Self.step, step: Self.step)
    #expect(query.split().count == 2)
    let series = try PrometheusClient().fetch(query, timeZone: "Asia/Seoul")
    #expect(series.map(\.name) == ["traffic{region=\"eu\"}", "traffic{region=\"us\"}"])
    for (region, one) in series.enumerated() {
      #expect(one.start == Self.start && one.step == Self.step && one.count == Self.count)
      #expect(one.timeZone == "Asia/Seoul")
      var mismatches = 0
      for index in 0..<Self.count {
        let expected =
          region == 0 && Self.gaps.contains(index) ? Double.nan : Self.value(region: region, index: index)
        let got = one.values[index]
        if !(got.bitPattern == expected.bitPattern || (got.isNaN && expected.isNaN)) {
          mismatches += 1
        }
      }
      #expect(mismatches == 0, "series \(one.name)")
    }
    // The same range in small pieces gives the same series, and so does the async client.
    let pieced = try PrometheusClient().fetch(query, timeZone: "Asia/Seoul", maxPoints: 997)
    #expect(pieced.map(\.name) == series.map(\.name))
    #expect(
      zip(pieced, series).allSatisfy { a, b in a.values.map(\.bitPattern) == b.values.map(\.bitPattern) })
    let concurrent = try await PrometheusClient().fetchAsync(query, timeZone: "Asia/Seoul", maxPoints: 997)
    #expect(
      zip(concurrent, series).allSatisfy { a, b in a.values.map(\.bitPattern) == b.values.map(\.bitPattern) })

    // Followed as if live: the warm-up from a time off the grid starts at the next instant;
    // a poll hands over the instants since, interior gaps as missing, but not the missing
    // instants at the end (index 11,519 and everything after the data), which a later poll
    // asks for again.
    let eu = "traffic{region=\"eu\"}"
    var follower = PrometheusFollower(
      server: server.url, expression: "traffic", origin: Self.start, step: Self.step,
      seriesName: eu)
    let warm = try await follower.warmUp(from: Self.start + 1, now: Self.start + 100 * Self.step)
    #expect(warm.first?.time == Self.start + Self.step && warm.count == 100)
    #expect(warm[4].value.isNaN && warm[7].value.isFinite)
    let end = Self.start + Int64(Self.count + 50) * Self.step + 17
    let fresh = try await follower.poll(now: end)
    #expect(fresh.first?.time == Self.start + 101 * Self.step)
    #expect(fresh.last?.time == Self.start + Int64(Self.count - 2) * Self.step)
    #expect(fresh.count == Self.count - 2 - 100)
    #expect(fresh.filter { $0.value.isNaN }.map(\.time) == [Self.start + 11_000 * Self.step])
    #expect(zip(fresh.prefix(50), 101...).allSatisfy { $0.value == Self.value(region: 0, index: $1) })
    #expect(try await follower.poll(now: end).isEmpty)
    #expect(follower.lastTime == Self.start + Int64(Self.count - 2) * Self.step)

    // Two series and no name: which one is meant is the user's to say.
    var either = PrometheusFollower(
      server: server.url, expression: "traffic", origin: Self.start, step: Self.step)
    await #expect(throws: PrometheusError.ambiguousResult(
      query: "traffic", series: series.map(\.name), wanted: nil)) {
      _ = try await either.warmUp(from: Self.start, now: Self.start + Self.step)
    }
  }

  @Test func prometheusErrorsAreReportedWithItsMessage() async throws {
    let server = try await PrometheusServer(openMetrics: "# EOF\n")
    defer { server.stop() }
    let bad = PrometheusQuery(
      server: server.url, expression: "rate(", start: Self.start, end: Self.start + 600, step: 300)
    #expect(
      throws: PrometheusError.badQuery(message: "1:6: parse error: unclosed left parenthesis")
    ) {
      try PrometheusClient().fetch(bad)
    }
    // Prometheus refuses more than 11,000 steps (11,002 points) in one request, so the limit
    // is real; split requests of at most 11,000 points pass.
    var tooLong = bad
    tooLong.expression = "vector(1)"
    tooLong.end = tooLong.start + 11_001 * 300
    do {
      _ = try PrometheusClient().fetch(tooLong, maxPoints: 20_000)
      Issue.record("Prometheus accepted 11,002 points")
    } catch let error as PrometheusError {
      #expect("\(error)".contains("exceeded maximum resolution of 11,000 points"), "\(error)")
    }
    #expect(try PrometheusClient().fetch(tooLong).first?.count == 11_002)
  }

  /// A closed port is reported at once, by the blocking and the async client alike, in the
  /// system's words, not after the request's deadline: the client does not keep retrying the
  /// connection (AsyncHTTPClient's shared client would, for as long as the deadline allows).
  @Test func anUnreachableServerIsReportedAtOnce() async throws {
    let port = try PrometheusServer.freePort()
    let query = PrometheusQuery(
      server: URL(fileURLWithPath: "/"), expression: "up", start: 0, end: 600, step: 300)
    var unreachable = query
    unreachable.server = URL(string: "http://127.0.0.1:\(port)") ?? query.server
    let client = PrometheusClient(timeout: 60)
    let clock = ContinuousClock()
    for blocking in [true, false] {
      let start = clock.now
      do {
        _ = blocking ? try client.fetch(unreachable) : try await client.fetchAsync(unreachable)
        Issue.record("no error from a closed port")
      } catch let error as PrometheusError {
        guard case .unreachable(_, let reason) = error else {
          Issue.record("expected unreachable, got \(error)")
          continue
        }
        #expect(reason == "Connection refused", "\(reason)")
      }
      // A refused connect on loopback takes well under a millisecond; retrying it would go on
      // until the 10 s connect timeout (or the 60 s deadline).
      #expect(clock.now - start < .seconds(5), "blocking: \(blocking)")
    }
  }
}
