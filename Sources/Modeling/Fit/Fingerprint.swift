import TimeSeries

/// FNV-1a 64-bit hash of a series' grid and value bits: cheap, stable across machines, and
/// enough to tell which data a model was trained on (not a security measure).
enum Fingerprint {
  static func of(_ series: Series) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ word: UInt64) {
      var w = word
      for _ in 0..<8 {
        hash ^= w & 0xff
        hash &*= 0x0000_0100_0000_01b3
        w >>= 8
      }
    }
    mix(UInt64(bitPattern: series.start))
    mix(UInt64(bitPattern: series.step))
    for value in series.values { mix(value.isNaN ? 0x7ff8_0000_0000_0000 : value.bitPattern) }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
