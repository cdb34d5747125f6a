import Foundation
import TestSupport
import Testing
import TimeSeries

@testable import TrafficSynthesis

@Suite("Rendered files")
struct DatasetFilesTests {
  func lines(_ name: String) -> [Substring] {
    String(decoding: Fixture.file(name).contents, as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// `(timestamp, value)` rows of a series file, header checked.
  func rows(_ name: String) -> [(Substring, Substring)] {
    let all = lines(name)
    #expect(all.first == "timestamp,value")
    #expect(all.last == "", "file ends with a newline")
    return all.dropFirst().dropLast().map { line in
      let comma = line.firstIndex(of: ",")!
      return (line[..<comma], line[line.index(after: comma)...])
    }
  }

  @Test func fileSetAndSizes() {
    #expect(
      Fixture.files.map(\.name) == [
        "traffic-5m.csv", "traffic-1h.csv", "events.csv", "truth.json", "README.md",
      ])
    let total = Fixture.files.reduce(0) { $0 + $1.contents.count }
    #expect(total < 10_000_000, "total \(total) bytes")
    #expect(Fixture.file(DatasetFiles.fiveMinute).rows == 426 * 288)
    #expect(Fixture.file(DatasetFiles.hourly).rows == 426 * 24)
  }

  @Test func countsAreNonNegativeIntegersWithLocalTimestamps() {
    let rows = rows(DatasetFiles.fiveMinute)
    #expect(rows.count == 122_688)
    #expect(rows.first?.0 == "2024-10-01T00:00:00+09:00")
    #expect(rows.last?.0 == "2025-11-30T23:55:00+09:00")
    let digits = Set("0123456789".utf8)
    for (_, value) in rows {
      #expect(!value.isEmpty && value.utf8.allSatisfy { digits.contains($0) })
    }
    #expect(Fixture.traffic.fiveMinute.values.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
    #expect(Fixture.traffic.fiveMinute.missingCount == 0)
  }

  @Test func hourlyFileHoldsSumsOfFiveMinuteCounts() {
    let fine = rows(DatasetFiles.fiveMinute)
    let coarse = rows(DatasetFiles.hourly)
    #expect(coarse.count * 12 == fine.count)
    for (h, row) in coarse.enumerated() {
      #expect(row.0 == fine[h * 12].0, "hour \(h) stamped at its first 5-minute slot")
      let sum = fine[(h * 12)..<(h * 12 + 12)].reduce(0) { $0 + Int($1.1)! }
      #expect(Int(row.1) == sum, "hour \(h)")
    }
  }

  @Test func eventsFileListsOnlyTheAnnouncedEvents() {
    let all = lines(DatasetFiles.events)
    #expect(all.first == "name,kind,start,end,scale")
    let records = all.dropFirst().dropLast().map { $0.split(separator: ",") }
    #expect(records.allSatisfy { $0.count == 5 })
    let truth = Fixture.traffic.truth
    let byName = Dictionary(grouping: records) { String($0[0]) }
    #expect(Set(byName.keys) == ["flash_sale", "mega_sale", "outage", "bot_attack"])
    #expect(byName["flash_sale"]?.count == truth.flashSale.occurrences.count)
    #expect(byName["mega_sale"]?.count == 5)
    #expect(records.allSatisfy { ["promotion", "outage", "incident"].contains($0[1]) })
    #expect(byName["outage"]?.first?[1] == "outage")
    #expect(byName["bot_attack"]?.first?[1] == "incident")
    #expect(Set(byName["flash_sale"]?.map { Double($0[4])! } ?? []) == Set(truth.flashSale.scales))
    // The surge, the level shift and the holidays are not announced.
    let text = String(decoding: Fixture.file(DatasetFiles.events).contents, as: UTF8.self)
    #expect(!text.contains("surge") && !text.contains("refund") && !text.contains("holiday"))
    #expect(!text.contains(truth.surge?.start.local ?? "none"))
    // Exact intervals: flash sales last 4 h, mega sales a local day.
    for event in Fixture.traffic.events {
      switch event.name {
      case "flash_sale": #expect(event.end - event.start == 4 * 3600)
      case "mega_sale": #expect(event.end - event.start == 86_400)
      default: break
      }
    }
    #expect(
      truth.flashSale.occurrences.map(\.start.local)
        == (byName["flash_sale"] ?? []).map { String($0[2]) })
  }

  @Test func filesReadBackWithTheProjectReaders() throws {
    // The data set is only useful if the project's own ingestion reads it to the same values.
    let result = try SeriesCSV.parse(
      Fixture.file(DatasetFiles.fiveMinute).contents, file: DatasetFiles.fiveMinute,
      options: SeriesReadOptions(timeZone: "Asia/Seoul"))
    let series = try #require(result.series.first)
    #expect(series.start == Fixture.traffic.fiveMinute.start)
    #expect(series.step == 300)
    #expect(series.values == Fixture.traffic.fiveMinute.values)
    let events = try EventsCSV.parse(
      Fixture.file(DatasetFiles.events).contents, file: DatasetFiles.events,
      timeZone: "Asia/Seoul")
    #expect(events.map(\.event) == Fixture.traffic.events)
    // And the project's writer produces the same bytes for the same series.
    #expect(
      try SeriesCSV.encode(Fixture.traffic.hourly) == Fixture.file(DatasetFiles.hourly).contents)
  }

  @Test func truthJSONIsSortedAndVersioned() throws {
    let data = Fixture.file(DatasetFiles.truth).contents
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"formatVersion\" : 1"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let keys = ["dailyProfiles", "dayOfWeek", "demandModel", "flashSale", "formatVersion"]
    let positions = keys.map { text.range(of: "\n  \"\($0)\"")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    for key in [
      "seed", "span", "level", "yearly", "holidays", "megaSale", "surge", "levelShift",
      "outage", "incident", "noise", "scenario",
    ] {
      #expect(object[key] != nil, "truth.json lacks \(key)")
    }
  }

  @Test func readmeNamesTheCommandSeedAndFiles() {
    let text = String(decoding: Fixture.file(DatasetFiles.readme).contents, as: UTF8.self)
    #expect(text.contains("swift run -c release surgecast synth --out-dir Datasets\n"))
    #expect(text.contains("Seed 20241001"))
    for file in Fixture.files.dropLast() {
      #expect(text.contains("| `\(file.name)` | \(file.rows) | \(file.contents.count) |"))
    }
    #expect(text.contains("2025-07-16T10:00:00+09:00"))
  }

  @Test(
    .disabled(
      if: ProcessInfo.processInfo.environment["SURGECAST_WRITE_DATASETS"] == "1",
      "the files are being rewritten"))
  func committedDatasetsMatchTheGenerator() throws {
    // Datasets/ must be what the generator makes today; on a difference, regenerate with
    // `swift run -c release surgecast synth --out-dir Datasets` and review the diff.
    for file in Fixture.files {
      let committed = try Data(contentsOf: ProjectPaths.datasets(file.name))
      #expect(committed == file.contents, "Datasets/\(file.name) is stale")
    }
  }

  @Test func writesEveryFileAtomicallyIntoANewDirectory() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let target = directory.path("nested/out")
    let written = try DatasetFiles.write(Fixture.traffic, toDirectory: target)
    for file in written {
      let url = URL(fileURLWithPath: target).appendingPathComponent(file.name)
      let data = try Data(contentsOf: url)
      #expect(data == file.contents)
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: target)
      .filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }
}

/// Regenerates the committed `Datasets/` files when `SURGECAST_WRITE_DATASETS=1` (until the
/// `surgecast synth` command is wired up, and as a fallback afterwards).
@Test(.enabled(if: ProcessInfo.processInfo.environment["SURGECAST_WRITE_DATASETS"] == "1"))
func writeCommittedDatasets() throws {
  let files = try DatasetFiles.write(
    Fixture.traffic, toDirectory: ProjectPaths.root.appendingPathComponent("Datasets").path)
  for file in files {
    print("wrote Datasets/\(file.name): \(file.rows) rows, \(file.contents.count) bytes")
  }
}
