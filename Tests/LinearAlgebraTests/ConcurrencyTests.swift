import LinearAlgebra
import Testing

/// Series are fitted in parallel (a task group across series) with OpenBLAS held to one
/// thread: parallel results must be bit-identical to sequential ones.
@Suite("Concurrent fits")
struct ConcurrencyTests {
  /// One series' fit through both paths; returns the bit patterns of every coefficient.
  static func fit(seed: UInt64) throws -> [UInt64] {
    let (x, y, _) = TestData.planted(rows: 1500, columns: 10, noise: 0.5, seed: seed)
    let qr = try LeastSquares.solve(x, y)
    let ridge = try RidgePath(NormalEquations(design: x, response: y),
      penalty: [0] + [Double](repeating: 1, count: 9)).fit()
    return (qr.coefficients + ridge.coefficients).map(\.bitPattern)
  }

  @Test("parallel fits are bit-identical to sequential fits")
  func parallelEqualsSequential() async throws {
    let seeds: [UInt64] = Array(70..<78)
    let sequential = try seeds.map { try Self.fit(seed: $0) }
    let parallel = try await withThrowingTaskGroup(of: (Int, [UInt64]).self) { group in
      for (index, seed) in seeds.enumerated() {
        group.addTask { (index, try Self.fit(seed: seed)) }
      }
      var results = [[UInt64]](repeating: [], count: seeds.count)
      for try await (index, bits) in group { results[index] = bits }
      return results
    }
    #expect(parallel == sequential)
    #expect(BLASThreading.currentThreadCount == 1)
  }
}
