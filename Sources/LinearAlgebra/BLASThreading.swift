import CLAPACKE

/// Holds OpenBLAS to one thread.
///
/// Two reasons, both from NUMERICS.md: OpenBLAS splits reductions (for example the blocks of a
/// `dsyrk`) differently for different thread counts, so results are byte-identical across
/// machines and `OPENBLAS_NUM_THREADS` settings only when the count is fixed; and Surgecast fits
/// many series concurrently (a task group across series), where BLAS threads inside each fit
/// would oversubscribe the cores. Every solver in this module calls `ensureSingleThreaded()`
/// before its first BLAS or LAPACK call, so callers need not.
public enum BLASThreading {
  // A lazily initialized static is initialized exactly once, under a lock, by the runtime
  // (swift_once), which makes the call idempotent and thread-safe without our own lock.
  private static let pinned: Bool = {
    openblas_set_num_threads(1)
    // The pthreads build starts its workers when the library loads, and an idle worker spins
    // on `sched_yield` for about a tenth of a second before it sleeps: CPU a short `fit`
    // process and the first fits of a batch would share with it for nothing.
    _ = blas_thread_shutdown_()
    return true
  }()

  /// Sets OpenBLAS to one thread the first time it is called; later calls do nothing.
  ///
  /// Cost after the first call: one atomic load.
  public static func ensureSingleThreaded() {
    _ = pinned
  }

  /// The number of threads OpenBLAS currently uses (1 once `ensureSingleThreaded()` ran).
  public static var currentThreadCount: Int {
    Int(openblas_get_num_threads())
  }
}
