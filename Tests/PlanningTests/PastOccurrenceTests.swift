import Foundation
import Modeling
import Planning
import Testing
import TimeSeries

/// Past occurrences of the default dataset's promotions, measured against the model fitted on them.
@Suite struct PastOccurrenceTests {
  let measured: [String: [PastOccurrence]] = {
    guard
      let result = try? PastOccurrence.measure(
        model: DefaultModel.model, history: DefaultModel.history)
    else { fatalError("measuring past occurrences failed") }
    return result
  }()

  @Test func everyTrainingOccurrenceIsMeasured() throws {
    let events = DefaultModel.model.trainingEvents.filter { $0.kind == .promotion }
    for name in ["flash_sale", "mega_sale"] {
      let expected = events.filter { $0.name == name }.count
      #expect(measured[name]?.count == expected, "\(name)")
    }
  }

  @Test func realizedProfilesScatterAroundTheLearnedOne() throws {
    let sales = try #require(measured["flash_sale"])
    // Bucket 1 is +0h (one bucket before the start). The planted first-hour log-lift per unit
    // scale is log 2.4 = 0.875 (truth.json); each occurrence's realized value is that plus
    // its own noise divided by its scale, so their median sits near the learned coefficient.
    let firstHour = sales.map { $0.realizedProfile[1] }.sorted()
    let median = firstHour[firstHour.count / 2]
    let learned = DefaultModel.coefficient("flash_sale", "+0h")
    #expect(abs(median - learned) < 0.05, "median \(median) vs learned \(learned)")
    #expect(abs(median - log(2.4)) < 0.1)
    // They do differ from one occurrence to the next (noise of ~8% per hour at scale 1).
    #expect((firstHour.last ?? 0) - (firstHour.first ?? 0) > 0.01)
  }

  @Test func replaySpreadBracketsTheLearnedOutcome() throws {
    let start = DefaultModel.seoul(2025, 12, 5, hour: 20)
    let scenario = Scenario(
      name: "friday",
      events: [Event(name: "flash_sale", kind: .promotion, start: start, end: start + 14_400)])
    let planner = ScenarioPlanner(
      model: DefaultModel.model, horizon: 7 * 24, pastOccurrences: measured)
    let outcome = try planner.plan([scenario])[1]
    let spread = try #require(outcome.pastOccurrences.first)
    #expect(spread.name == "flash_sale")
    #expect(spread.extraRequests.count == measured["flash_sale"]?.count)
    #expect(spread.extraRequests.min < outcome.extraRequests.expected)
    #expect(outcome.extraRequests.expected < spread.extraRequests.max)
    #expect(spread.peak.min <= spread.peak.median && spread.peak.median <= spread.peak.max)
  }
}
