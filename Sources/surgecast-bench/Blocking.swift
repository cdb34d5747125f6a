import Dispatch

/// Runs async work to its end from the bench's synchronous code (`main` is not async), for
/// the suites that time `SeriesBatch` runs.
func runBlocking<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) -> Value {
  let box = BlockingBox<Value>()
  let done = DispatchSemaphore(value: 0)
  Task {
    box.value = await body()
    done.signal()
  }
  done.wait()
  guard let value = box.value else { fatalError("the task ended without a value") }
  return value
}

/// The result slot of `runBlocking`: written once by the task before the semaphore is
/// signalled, read once after the wait, so the semaphore orders the two accesses.
private final class BlockingBox<Value>: @unchecked Sendable {
  var value: Value?
}
