/// xoshiro256** 1.0 (Blackman & Vigna 2018): the generator behind every random draw of the
/// synthesizer.
///
/// Chosen because it is small, fast, well tested (passes BigCrush) and fully specified by its
/// reference C code, so the same seed gives the same bits on every machine. Independent streams
/// for independent purposes (the promotion schedule, the count noise) come from seeding with
/// `(seed, stream)`, so that changing how many noise draws are made never moves the schedule.
public struct Xoshiro256StarStar: Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Seeds the state with four outputs of ``SplitMix64`` started from `seed` mixed with `stream`.
  public init(seed: UInt64, stream: UInt64 = 0) {
    var mixer = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is a fixed point
  }

  /// Starts from an explicit state (for checking against the reference implementation).
  init(state: (UInt64, UInt64, UInt64, UInt64)) {
    (s0, s1, s2, s3) = state
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    return result
  }

  /// A uniform draw from [0, 1) with 53 random bits.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform draw from (0, 1], safe to pass to `log`.
  public mutating func nextUnitOpenAtZero() -> Double {
    Double((next() >> 11) + 1) * 0x1.0p-53
  }

  /// A uniform integer in `range`, by Lemire's nearly-divisionless rejection (no modulo bias).
  public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) &+ 1
    if span == 0 { return range.lowerBound &+ Int(truncatingIfNeeded: next()) }
    var product = next().multipliedFullWidth(by: span)
    if product.low < span {
      let threshold = (0 &- span) % span
      while product.low < threshold {
        product = next().multipliedFullWidth(by: span)
      }
    }
    return range.lowerBound + Int(product.high)
  }

  private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
