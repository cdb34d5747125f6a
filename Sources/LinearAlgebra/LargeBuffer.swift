#if canImport(Glibc)
  import Glibc
#endif

/// Zero-filled `[Double]` buffers for design matrices, backed by transparent huge pages where
/// the kernel offers them.
///
/// A design of 5-minute data over a year is hundreds of megabytes; its first touch costs one
/// page fault per 4 KiB page, which measured as a third of the whole fit's time (kernel time,
/// `make bench BENCH_ARGS=fit`). Linux's default transparent-huge-page mode is `madvise`: only
/// regions that ask get 2 MiB pages, 512× fewer faults. Asking is harmless elsewhere (the advice
/// fails quietly, and the buffer is the same ordinary array either way).
public enum LargeBuffer {
  /// Below this many bytes a buffer is left to the allocator's defaults: the advice needs at
  /// least one whole 2 MiB page inside the buffer to do anything.
  static let adviceThresholdBytes = 4 << 20
  static let hugePageBytes = 2 << 20

  /// An array of `count` zeros.
  public static func zeros(count: Int) -> [Double] {
    let bytes = count * MemoryLayout<Double>.stride
    guard bytes >= adviceThresholdBytes else { return [Double](repeating: 0, count: count) }
    return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      if let base = buffer.baseAddress { adviseHugePages(UnsafeMutableRawPointer(base), bytes) }
      buffer.initialize(repeating: 0)
      initialized = count
    }
  }

  /// Advises the whole 2 MiB pages inside `[base, base + bytes)` before anything touches them.
  private static func adviseHugePages(_ base: UnsafeMutableRawPointer, _ bytes: Int) {
    #if os(Linux)
      let start = (Int(bitPattern: base) + hugePageBytes - 1) & ~(hugePageBytes - 1)
      let end = (Int(bitPattern: base) + bytes) & ~(hugePageBytes - 1)
      guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(aligned, end - start, MADV_HUGEPAGE)
    #endif
  }
}
