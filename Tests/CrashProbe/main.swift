// A test-only program for the crash-safety test (SurgecastCLITests/Robustness): it rewrites
// one destination forever, alternating between two complete contents, through the same writers
// the commands use, until the test SIGKILLs it at a random moment. Not part of the CLI.
//
//   surgecast-crash-probe model DEST MODEL_A MODEL_B      ModelFile.write of two models
//   surgecast-crash-probe forecast DEST MODEL_A MODEL_B   ForecastEncoding.csv via AtomicFile
//   surgecast-crash-probe series DEST CSV_A CSV_B         SeriesCSV.write of two series files
//   surgecast-crash-probe publish ROOT MODEL_A MODEL_B    ModelRegistry.publish as `probe` in
//                                                         the registry at ROOT (new versions)
import Forecasting
import Foundation
import ModelRegistry
import Modeling
import TimeSeries

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("surgecast-crash-probe: \(message)\n".utf8))
  exit(64)
}

let arguments = CommandLine.arguments
guard arguments.count == 5 else { fail("usage: model|forecast|series DEST A B") }
let (mode, destination) = (arguments[1], arguments[2])

/// One write of content `index` (0 or 1) to the destination.
let writes: [() throws -> Void]
do {
  switch mode {
  case "model":
    let models = try [arguments[3], arguments[4]].map { try ModelFile.read(path: $0) }
    writes = models.map { model in { try ModelFile.write(model, to: destination) } }
  case "forecast":
    let models = try [arguments[3], arguments[4]].map { try ModelFile.read(path: $0) }
    let encoded = try models.map {
      try ForecastEncoding.csv($0.forecast(ForecastRequest(horizon: 24 * 14)))
    }
    writes = encoded.map { data in { try AtomicFile.write(data, to: destination) } }
  case "series":
    let series = try [arguments[3], arguments[4]].map {
      try SeriesCSV.read(path: $0).series[0]
    }
    writes = series.map { one in { try SeriesCSV.write(one, to: destination) } }
  case "publish":
    let models = try [arguments[3], arguments[4]].map { try ModelFile.read(path: $0) }
    let registry = ModelRegistry(root: destination)
    writes = models.map { model in { try registry.publish(model, as: "probe") } }
  default:
    fail("unknown mode '\(mode)'")
  }
} catch {
  fail("\(error)")
}

// Tell the test that the loop starts, then write until killed.
FileHandle.standardOutput.write(Data("ready\n".utf8))
var index = 0
while true {
  do {
    try writes[index]()
  } catch {
    fail("\(error)")
  }
  index = 1 - index
}
