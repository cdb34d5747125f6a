/// SplitMix64 (Steele, Lea & Flood 2014): a tiny 64-bit generator used here only to expand a
/// user seed into the state of ``Xoshiro256StarStar``, as its authors recommend.
///
/// Written out rather than taken from the standard library so that the stream is the same on
/// every machine and every Swift release: `SystemRandomNumberGenerator` is not seedable, and the
/// standard library does not promise how `Double.random(in:using:)` consumes its generator.
public struct SplitMix64: Sendable {
  public private(set) var state: UInt64

  public init(state: UInt64) { self.state = state }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
