import Foundation
import Testing

@testable import TrafficSynthesis

@Suite("Same seed, same bytes")
struct DeterminismTests {
  @Test func sameSeedGivesIdenticalFiles() throws {
    // A second, independent generation of the default scenario must reproduce every byte.
    let again = try DatasetFiles.render(TrafficScenario.default.generate())
    #expect(again.map(\.name) == Fixture.files.map(\.name))
    for (a, b) in zip(again, Fixture.files) {
      #expect(a.contents == b.contents, "\(a.name) differs between two runs")
    }
  }

  @Test func differentSeedGivesDifferentCountsAndSchedule() throws {
    var scenario = TrafficScenario.default
    scenario.seed = 7
    let other = try scenario.generate()
    #expect(other.fiveMinute.values != Fixture.traffic.fiveMinute.values)
    let flashStarts = { (t: SyntheticTraffic) in
      t.events.filter { $0.name == "flash_sale" }.map(\.start)
    }
    #expect(flashStarts(other) != flashStarts(Fixture.traffic))
    // Fixed-date parts of the truth do not depend on the seed.
    #expect(other.truth.surge == Fixture.traffic.truth.surge)
    #expect(other.truth.holidays == Fixture.traffic.truth.holidays)
    #expect(other.truth.seed == 7)
  }

  @Test func scheduleDoesNotDependOnTheNoise() throws {
    // The promotion calendar has its own random stream: a different noise law (size) must
    // leave it unchanged while the counts change.
    var scenario = TrafficScenario.default
    scenario.noise.size = 20
    let other = try scenario.generate()
    #expect(other.events == Fixture.traffic.events)
    #expect(other.fiveMinute.values != Fixture.traffic.fiveMinute.values)
  }

  @Test func scenarioRoundTripsThroughTheTruthFile() throws {
    // truth.json carries the scenario: decoding it and generating again gives the same data.
    let truth = try JSONDecoder().decode(
      GroundTruth.self, from: Fixture.file(DatasetFiles.truth).contents)
    #expect(truth.scenario == TrafficScenario.default)
    #expect(truth == Fixture.traffic.truth)
  }
}
