// A test-only program for the crash-safety test (SurgecastCLITests/Robustness): it rewrites
// one destination forever, alternating between two complete contents, through the same writers
// the commands use, until the test SIGKILLs it at a random moment. Not part of the CLI.
//
//   surgecast-crash-probe model DEST MODEL_A MODEL_B      ModelFile.write of two models
//   surgecast-crash-probe forecast DEST MODEL_A MODEL_B   ForecastEncoding.csv via AtomicFile
//   surgecast-crash-probe series DEST CSV_A CSV_B         SeriesCSV.write of two series files
//   surgecast-crash-probe recommend DEST MODEL_A MODEL_B  a recommendation document (JSON, 48 h,
//                                                         1,800 per replica) via AtomicFile
//   surgecast-crash-probe publish ROOT MODEL_A MODEL_B    ModelRegistry.publish as `probe` in
//                                                         the registry at ROOT (new versions)
//   surgecast-crash-probe MODE-once DEST A B              one write of A, then exit
import Autoscaling
import Forecasting
import Foundation
import ModelRegistry
import Modeling
import TimeSeries

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("surgecast-crash-probe: \(message)\n".utf8))
  exit(64)
}

/// The document `surgecast recommend --horizon 48h --capacity-per-replica 1800 --format json`
/// writes, encoded with sorted keys.
func recommendation(_ model: FittedModel) throws -> Data {
  let capacity = ReplicaCapacity(value: 1_800, unit: .perStep)
  let policy = ScalingPolicy(capacityPerStep: capacity.perStep(model.training.step))
  let result = try Recommender(policy: policy).recommend(model: model, horizonSeconds: 172_800)
  let document = try RecommendationDocument(
    result: result, model: model, modelName: "probe", policy: policy, capacity: capacity,
    horizonSeconds: 172_800)
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
  return try encoder.encode(document)
}

let arguments = CommandLine.arguments
guard arguments.count == 5 else { fail("usage: model|forecast|series DEST A B") }
// `MODE-once` writes content A once and exits: the test's reference for a complete file.
let once = arguments[1].hasSuffix("-once")
let mode = once ? String(arguments[1].dropLast(5)) : arguments[1]
let destination = arguments[2]

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
  case "recommend":
    let models = try [arguments[3], arguments[4]].map { try ModelFile.read(path: $0) }
    let encoded = try models.map { try recommendation($0) }
    writes = encoded.map { data in { try AtomicFile.write(data, to: destination) } }
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

if once {
  do { try writes[0]() } catch { fail("\(error)") }
  exit(0)
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
