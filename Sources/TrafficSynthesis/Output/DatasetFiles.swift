import Foundation
import TimeSeries

/// One rendered output file.
public struct DatasetFile: Sendable, Equatable {
  /// File name inside the output directory.
  public var name: String
  /// Data rows (CSV lines after the header; 0 for JSON and Markdown).
  public var rows: Int
  public var contents: Data

  public init(name: String, rows: Int, contents: Data) {
    self.name = name
    self.rows = rows
    self.contents = contents
  }
}

/// Renders and writes the data-set files. One place owns every file name and column.
public enum DatasetFiles {
  public static let fiveMinute = "traffic-5m.csv"
  public static let hourly = "traffic-1h.csv"
  public static let events = "events.csv"
  public static let truth = "truth.json"
  public static let readme = "README.md"

  /// The command that regenerates the committed `Datasets/` (quoted in the README).
  public static let regenerationCommand = "swift run -c release surgecast synth --out-dir Datasets"

  /// All files of `traffic`, in the order they are written: data first, README last.
  public static func render(_ traffic: SyntheticTraffic) throws(SynthesisError) -> [DatasetFile] {
    let clock = FixedOffsetClock(utcOffsetSeconds: traffic.scenario.utcOffsetSeconds)
    var files = [
      DatasetFile(
        name: fiveMinute, rows: traffic.fiveMinute.count,
        contents: seriesCSV(traffic.fiveMinute, clock)),
      DatasetFile(
        name: hourly, rows: traffic.hourly.count, contents: seriesCSV(traffic.hourly, clock)),
      DatasetFile(name: events, rows: traffic.events.count, contents: eventsCSV(traffic, clock)),
      DatasetFile(name: truth, rows: 0, contents: try truthJSON(traffic.truth)),
    ]
    files.append(
      DatasetFile(name: readme, rows: 0, contents: Data(readmeText(traffic, files).utf8)))
    return files
  }

  /// Renders and writes every file into `directory` (created if needed), each atomically.
  @discardableResult
  public static func write(_ traffic: SyntheticTraffic, toDirectory directory: String)
    throws(SynthesisError) -> [DatasetFile]
  {
    let files = try render(traffic)
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: directory, reason: "cannot create the directory")
    }
    for file in files {
      let path = URL(fileURLWithPath: directory).appendingPathComponent(file.name).path
      do {
        try AtomicFile.write(file.contents, to: path)
      } catch {
        throw .cannotWrite(path: path, reason: "\(error)")
      }
    }
    return files
  }

  /// `timestamp,value` with local ISO 8601 times and integer counts.
  static func seriesCSV(_ series: Series, _ clock: FixedOffsetClock) -> Data {
    var out: [UInt8] = []
    out.reserveCapacity(series.count * 32 + 16)
    out.append(contentsOf: "timestamp,value\n".utf8)
    for (i, value) in series.values.enumerated() {
      out.append(contentsOf: clock.iso8601(series.time(at: i)).utf8)
      out.append(UInt8(ascii: ","))
      out.append(contentsOf: String(Int64(value)).utf8)
      out.append(0x0A)
    }
    return Data(out)
  }

  /// `name,kind,start,end,scale`, local times, `end` exclusive.
  static func eventsCSV(_ traffic: SyntheticTraffic, _ clock: FixedOffsetClock) -> Data {
    var text = "name,kind,start,end,scale\n"
    for event in traffic.events {
      text += "\(event.name),\(event.kind.rawValue),\(clock.iso8601(event.start)),"
      text += "\(clock.iso8601(event.end)),\(number(event.scale))\n"
    }
    return Data(text.utf8)
  }

  /// Sorted keys, pretty printed, a final newline: stable and diffable.
  static func truthJSON(_ truth: GroundTruth) throws(SynthesisError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      var data = try encoder.encode(truth)
      data.append(0x0A)
      return data
    } catch {
      throw .cannotWrite(path: DatasetFiles.truth, reason: "cannot encode: \(error)")
    }
  }

  /// `1` rather than `1.0` for whole numbers; otherwise Swift's shortest round-trip form.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
  }
}
