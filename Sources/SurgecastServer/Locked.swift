import Foundation

/// A value behind a lock, shared between request handlers and the reloader.
///
/// Readers take a copy under the lock (a pointer copy for the snapshot class), so a swap is
/// atomic: a request sees the old model or the new one, never a mix.
final class Locked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  func get() -> Value { lock.withLock { value } }

  func set(_ newValue: Value) { lock.withLock { value = newValue } }

  func update<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    try lock.withLock { try body(&value) }
  }
}
