import Foundation
import TimeSeries

@testable import TrafficSynthesis

/// The default data set, generated once per test process (about a second in a debug build).
enum Fixture {
  static let traffic: SyntheticTraffic = try! TrafficScenario.default.generate()
  static let files: [DatasetFile] = try! DatasetFiles.render(traffic)

  static func file(_ name: String) -> DatasetFile {
    files.first { $0.name == name }!
  }

  /// Index of the 5-minute slot starting at `epoch`.
  static func slot(_ epoch: Int64) -> Int {
    Int((epoch - traffic.fiveMinute.start) / traffic.fiveMinute.step)
  }

  /// Slots per local day.
  static let slotsPerDay = 288
  static let slotsPerHour = 12

  /// Sum of the observed counts over `range`.
  static func sum(_ range: Range<Int>) -> Double {
    traffic.fiveMinute.values[range].reduce(0, +)
  }
}
