import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Accumulates the wall time spent inside BLAS and LAPACK calls, process-wide.
///
/// Why: the benchmark reports which share of a fit is spent in the kernels and which in our
/// own code, to show where the time goes. Every kernel call of this module runs through
/// `measure`; the cost is two monotonic-clock reads (tens of nanoseconds) per call, and a
/// fit makes a few hundred such calls, so it stays on in production.
public enum KernelClock {
  private static let nanoseconds = Atomic<Int>(0)
  private static let calls = Atomic<Int>(0)

  /// Kernel time and call count since the last `reset()` (summed over threads).
  public static var total: (seconds: Double, calls: Int) {
    (Double(nanoseconds.load(ordering: .relaxed)) / 1e9, calls.load(ordering: .relaxed))
  }

  /// Starts counting from zero.
  public static func reset() {
    nanoseconds.store(0, ordering: .relaxed)
    calls.store(0, ordering: .relaxed)
  }

  /// Runs one kernel call and adds its duration.
  @inline(__always)
  static func measure<T>(_ body: () -> T) -> T {
    let start = now()
    let result = body()
    nanoseconds.add(now() - start, ordering: .relaxed)
    calls.add(1, ordering: .relaxed)
    return result
  }

  private static func now() -> Int {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Int(spec.tv_sec) * 1_000_000_000 + Int(spec.tv_nsec)
  }
}
