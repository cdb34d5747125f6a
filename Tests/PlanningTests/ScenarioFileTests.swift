import Foundation
import Planning
import Testing
import TimeSeries

/// Grouping an events file into scenarios, and the rows a plan refuses.
@Suite struct ScenarioFileTests {
  func records(_ csv: String) throws -> [EventRecord] {
    try EventsCSV.parse(Data(csv.utf8), file: "s.csv", timeZone: "Asia/Seoul")
  }

  @Test func rowsWithoutScenarioAreCommonToAll() throws {
    let rows = try records(
      """
      name,kind,start,end,scale,scenario
      flash_sale,promotion,2025-12-05T20:00,2025-12-06T00:00,1,small
      flash_sale,promotion,2025-12-05T20:00,2025-12-06T00:00,2,big
      christmas,holiday,2025-12-25,2025-12-26,1,
      """)
    let scenarios = try Scenario.group(rows, file: "s.csv")
    #expect(scenarios.map(\.name) == ["small", "big"])
    #expect(scenarios.map(\.events.count) == [2, 2])
    #expect(scenarios[1].events.first?.scale == 2)
  }

  @Test func fileWithoutScenarioColumnIsOneScenario() throws {
    let rows = try records(
      "name,kind,start,end\nflash_sale,promotion,2025-12-05T20:00,2025-12-06T00:00\n")
    let scenarios = try Scenario.group(rows, file: "s.csv")
    #expect(scenarios.map(\.name) == ["scenario"])
  }

  @Test func baselineNameAndIncidentsAreRefused() throws {
    let named = try records(
      "name,kind,start,end,scenario\nflash_sale,promotion,2025-12-05,2025-12-06,baseline\n")
    #expect(throws: PlanningError.self) { try Scenario.group(named, file: "s.csv") }
    let incident = try records("name,kind,start,end\nddos,incident,2025-12-05,2025-12-06\n")
    do {
      _ = try Scenario.group(incident, file: "s.csv")
      Issue.record("an incident was accepted")
    } catch let error as PlanningError {
      #expect(error.description.hasPrefix("s.csv:2: field 'kind':"))
    }
  }

  @Test func unknownNamesNeedALift() throws {
    let window: Range<Int64> = 1_764_514_800..<(1_764_514_800 + 7 * 86_400)
    let known = ["flash_sale", "mega_sale"]
    let unknown = try records(
      "name,kind,start,end\nblack_friday,promotion,2025-12-05,2025-12-06\n")
    do {
      try Scenario.validate(unknown, file: "s.csv", knownNames: known, window: window)
      Issue.record("an unknown name was accepted")
    } catch let error as PlanningError {
      #expect(error.description.contains("s.csv:2: field 'name'"))
      #expect(error.description.contains("known: flash_sale, mega_sale"))
    }
    let lifted = try records(
      "name,kind,start,end,lift\nblack_friday,promotion,2025-12-05,2025-12-06,1.8\n")
    try Scenario.validate(lifted, file: "s.csv", knownNames: known, window: window)
    let outside = try records(
      "name,kind,start,end\nflash_sale,promotion,2026-03-05,2026-03-06\n")
    #expect(throws: PlanningError.self) {
      try Scenario.validate(outside, file: "s.csv", knownNames: known, window: window)
    }
  }
}
