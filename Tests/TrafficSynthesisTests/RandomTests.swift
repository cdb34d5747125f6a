import Foundation
import Testing

@testable import TrafficSynthesis

@Suite("Random generators and count distributions")
struct RandomTests {
  @Test func splitMix64MatchesReference() {
    // Reference outputs of Vigna's splitmix64.c for seed 1234567 (the values quoted by most
    // ports' test suites); exact.
    var rng = SplitMix64(state: 1_234_567)
    let expected: [UInt64] = [
      6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
      4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
    ]
    #expect((0..<5).map { _ in rng.next() } == expected)
    var zero = SplitMix64(state: 0)
    #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
  }

  @Test func xoshiroMatchesReference() {
    // Reference outputs of xoshiro256starstar.c from state {1, 2, 3, 4} (the vector used by
    // the rand_xoshiro crate's tests); exact.
    var rng = Xoshiro256StarStar(state: (1, 2, 3, 4))
    let expected: [UInt64] = [
      11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
      607_988_272_756_665_600,
    ]
    #expect((0..<6).map { _ in rng.next() } == expected)
  }

  @Test func streamsOfOneSeedDiffer() {
    var a = Xoshiro256StarStar(seed: 7, stream: 1)
    var b = Xoshiro256StarStar(seed: 7, stream: 2)
    var c = Xoshiro256StarStar(seed: 7, stream: 1)
    let first = (0..<4).map { _ in a.next() }
    #expect(first != (0..<4).map { _ in b.next() })
    #expect(first == (0..<4).map { _ in c.next() })
  }

  @Test func unitDrawsStayInRange() {
    var rng = Xoshiro256StarStar(seed: 1)
    for _ in 0..<10_000 {
      let u = rng.nextUnit()
      #expect(u >= 0 && u < 1)
      let v = rng.nextUnitOpenAtZero()
      #expect(v > 0 && v <= 1)
    }
  }

  @Test func integersAreUniform() {
    // 60,000 draws over 6 faces: each count is 10,000 ± 3.5 sd (sd ≈ 91).
    var rng = Xoshiro256StarStar(seed: 2)
    var counts = [Int](repeating: 0, count: 6)
    for _ in 0..<60_000 { counts[rng.nextInt(in: 1...6) - 1] += 1 }
    for count in counts { #expect(abs(count - 10_000) < 320, "counts \(counts)") }
  }

  /// Sample mean and variance of `n` draws.
  private func moments(_ n: Int, _ draw: () -> Double) -> (mean: Double, variance: Double) {
    let xs = (0..<n).map { _ in draw() }
    let mean = xs.reduce(0, +) / Double(n)
    let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
    return (mean, variance)
  }

  @Test(arguments: [(0.5, 2.0), (3.0, 1.0), (150.0, 10.0)])
  func gammaMoments(shape: Double, scale: Double) {
    // Closed form: mean k·θ, variance k·θ². 40,000 draws: the mean's relative standard error
    // is 1/√(40,000·k) ≤ 0.7%, so 3% is > 4 sd; the variance is checked to 6%.
    var rng = Xoshiro256StarStar(seed: 3)
    let m = moments(40_000) { rng.nextGamma(shape: shape, scale: scale) }
    #expect(abs(m.mean / (shape * scale) - 1) < 0.03)
    #expect(abs(m.variance / (shape * scale * scale) - 1) < 0.06)
  }

  @Test(arguments: [0.3, 3.0, 9.9, 10.0, 37.5, 2000.0])
  func poissonMoments(mean: Double) {
    // Closed form: mean = variance = λ; both sides of the Knuth/PTRS switch at 10.
    var rng = Xoshiro256StarStar(seed: 4)
    let m = moments(40_000) { Double(rng.nextPoisson(mean: mean)) }
    #expect(abs(m.mean / mean - 1) < 0.03)
    #expect(abs(m.variance / mean - 1) < 0.05)
  }

  @Test func poissonSmallMeanProbabilities() {
    // P(0) = e^-λ exactly for λ = 2: 0.1353…; 100,000 draws give ±0.0011 (1 sd).
    var rng = Xoshiro256StarStar(seed: 5)
    let zeros = (0..<100_000).filter { _ in rng.nextPoisson(mean: 2) == 0 }.count
    #expect(abs(Double(zeros) / 100_000 - exp(-2)) < 0.005)
  }

  @Test(arguments: [(20.0, 150.0), (500.0, 150.0), (2500.0, 150.0), (300.0, 5.0)])
  func negativeBinomialIsOverdispersed(mean: Double, size: Double) {
    // Closed form: variance = μ + μ²/r, which is what truth.json states.
    var rng = Xoshiro256StarStar(seed: 6)
    let m = moments(40_000) { Double(rng.nextNegativeBinomial(mean: mean, size: size)) }
    let variance = mean + mean * mean / size
    #expect(abs(m.mean / mean - 1) < 0.02)
    #expect(abs(m.variance / variance - 1) < 0.06)
    #expect(m.variance > 1.1 * m.mean)
  }
}
