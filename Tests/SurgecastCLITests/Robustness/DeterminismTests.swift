import Foundation
import TestSupport
import Testing

/// Same inputs, same bytes: the model, forecast and recommendation files of repeated runs and
/// of every `OPENBLAS_NUM_THREADS` setting are byte-identical (LinearAlgebra pins OpenBLAS to
/// one thread, because its reductions split differently for other counts; NUMERICS.md).
@Suite struct DeterminismTests {
  /// One fit, two forecasts (CSV with components, JSON) and a recommendation (JSON) with the
  /// given thread setting.
  func outputs(threads: String, run: Int, in directory: TemporaryDirectory) throws -> [Data] {
    let tag = "t\(threads)-r\(run)"
    // Same file name in every run: the recommendation names its model by it.
    let folder = directory.url.appendingPathComponent(tag)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let model = folder.appendingPathComponent("model.json").path
    let environment = ["OPENBLAS_NUM_THREADS": threads]
    let fit = try SurgecastBinary.run(
      [
        "fit", "--data", TestInputs.traffic1h, "--events", TestInputs.events, "--holidays", "KR",
        "--timezone", "Asia/Seoul", "--out", model,
      ], environment: environment)
    try #require(fit.status == 0, "\(fit)")
    var files = [model]
    for format in ["csv", "json"] {
      let out = directory.path("forecast-\(tag).\(format)")
      let forecast = try SurgecastBinary.run(
        [
          "forecast", "--model", model, "--horizon", "14d", "--components", "--quantiles",
          "0.05,0.5,0.95,0.99", "--format", format, "--out", out,
        ], environment: environment)
      try #require(forecast.status == 0, "\(forecast)")
      files.append(out)
    }
    let recommendation = directory.path("recommendation-\(tag).json")
    let recommend = try SurgecastBinary.run(
      [
        "recommend", "--model", model, "--horizon", "48h", "--capacity-per-replica", "1800",
        "--format", "json", "--out", recommendation,
      ], environment: environment)
    try #require(recommend.status == 0, "\(recommend)")
    files.append(recommendation)
    return try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
  }

  @Test func identicalAcrossRunsAndThreadCounts() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    let reference = try outputs(threads: "1", run: 1, in: directory)
    #expect(reference.allSatisfy { $0.count > 1_000 })
    let names = ["model", "forecast csv", "forecast json", "recommendation json"]
    for (threads, run) in [("1", 2), ("2", 1), ("4", 1)] {
      let other = try outputs(threads: threads, run: run, in: directory)
      for (index, name) in names.enumerated() {
        #expect(other[index] == reference[index], "\(name), OPENBLAS_NUM_THREADS=\(threads)")
      }
    }
  }
}
