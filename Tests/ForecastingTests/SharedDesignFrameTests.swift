import Foundation
import LinearAlgebra
import Testing
import TestSupport
import TimeSeries

@testable import Modeling

/// Series of one grid share their design frame in a batch: the model of a series must not
/// depend on whether it was fitted alone or after others, and the equations built from the
/// shared Gram must be the weighted equations.
@Suite("Shared design frames")
struct SharedDesignFrameTests {
  /// Six weeks of hourly counts with a daily cycle and noise; `missingShare` of the slots
  /// (chosen by the seed) are missing.
  static func series(seed: UInt64, missingShare: Double) -> Series {
    var rng = SplitMix64(seed: seed)
    let hours = 42 * 24
    let level = 300 + 100 * rng.uniform()
    let values = (0..<hours).map { h -> Double in
      if rng.uniform() < missingShare { return .nan }
      let daily = 1 + 0.5 * sin(2 * Double.pi * Double(h % 24 - 7) / 24)
      return (level * daily * (1 + 0.05 * rng.normal())).rounded()
    }
    return Series(name: "s\(seed)", start: 1_704_067_200, step: 3_600, values: values)
  }

  @Test("a series' model is byte-identical alone and in a batch, in any order")
  func batchEqualsAlone() throws {
    // Complete, a few missing rows (downdated from the shared Gram), many (accumulated).
    let batch = [
      Self.series(seed: 1, missingShare: 0), Self.series(seed: 2, missingShare: 0.02),
      Self.series(seed: 3, missingShare: 0.2),
    ]
    let alone = try batch.map { try ModelFile.encode(ModelSpec().fit($0)) }
    let frames = DesignFrameCache()
    let forward = try batch.map { try ModelFile.encode(ModelSpec().fit($0, frames: frames)) }
    let reversedFrames = DesignFrameCache()
    let backward = try batch.reversed().map {
      try ModelFile.encode(ModelSpec().fit($0, frames: reversedFrames))
    }
    #expect(forward == alone)
    #expect(Array(backward.reversed()) == alone)
    #expect(frames.keptCount == 1)
  }

  @Test("equations from the shared Gram equal the weighted accumulation")
  func downdatedEquationsMatchAccumulation() throws {
    for missing in [0.0, 0.03] {
      let setup = try TrainingSetup(
        series: Self.series(seed: 7, missingShare: missing), events: [], hasCalendar: true,
        spec: ModelSpec())
      let shared = try setup.normalEquations()
      let direct = try NormalEquations(
        design: setup.design, response: setup.response, weights: setup.baseWeights)
      #expect(shared.observationCount == direct.observationCount)
      #expect(relativeError(shared.gram.storage, direct.gram.storage) <= 1e-10)
      #expect(relativeError(shared.crossProduct, direct.crossProduct) <= 1e-10)
      #expect(abs(shared.responseSumOfSquares - direct.responseSumOfSquares)
        <= 1e-12 * direct.responseSumOfSquares)
    }
  }

  @Test("the cache keeps at most its capacity of frames")
  func cacheIsBounded() throws {
    let frames = DesignFrameCache(capacity: 2)
    for (index, start) in [Int64(1_704_067_200), 1_704_153_600, 1_704_240_000].enumerated() {
      var series = Self.series(seed: UInt64(10 + index), missingShare: 0)
      series = Series(name: series.name, start: start, step: series.step, values: series.values)
      _ = try ModelSpec().fit(series, frames: frames)
      #expect(frames.keptCount == min(index + 1, 2))
    }
  }

  /// max |a − b| / max |b|.
  private func relativeError(_ a: [Double], _ b: [Double]) -> Double {
    let scale = b.map(abs).max() ?? 1
    return zip(a, b).map { abs($0 - $1) }.max().map { $0 / max(scale, 1e-300) } ?? 0
  }
}
