import Foundation

// The one place where sop shares memory between threads. Everything else hands work to these two types
// and gets plain values back, so `@unchecked Sendable` and unsafe buffers appear nowhere else (audit here).

/// A value behind a lock, in the manner of swift-nio's `NIOLockedValueBox`: every access holds the lock.
public final class LockedBox<Value>: @unchecked Sendable {
  // Safe because `value` is only read or written inside `withLock`, which holds `lock`.
  private let lock = NSLock()
  private var value: Value

  /// Creates a box holding `value`.
  public init(_ value: Value) {
    self.value = value
  }

  /// Runs `body` with the value while holding the lock.
  public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}

/// Computes `body(0..<count)` on all cores and returns the results in index order, whatever the scheduling.
///
/// Each index is computed by exactly one iteration, which writes only its own slot; the slots are read only
/// after `concurrentPerform` has returned, which orders every write before the read.
public func concurrentMap<Value>(count: Int, _ body: (Int) -> Value) -> [Value] {
  guard count > 0 else { return [] }
  let slots = Slots<Value>(count: count)
  withoutActuallyEscaping(body) { body in
    let work = UncheckedSendable(body)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.set(index, work.value(index))
    }
  }
  return slots.values()
}

/// Runs `background` on another thread while `foreground` runs on this one, and returns both results.
public func concurrently<A, B>(_ background: @escaping @Sendable () -> A, _ foreground: () -> B) -> (A, B) {
  let box = LockedBox<A?>(nil)
  let group = DispatchGroup()
  DispatchQueue.global().async(group: group) {
    let value = background()
    box.withLock { $0 = value }
  }
  let value = foreground()
  group.wait()
  return (box.withLock { $0! }, value)
}

/// Fixed slots written from concurrent iterations, each index by exactly one iteration.
private final class Slots<Value>: @unchecked Sendable {
  // Safe because each index is written by one iteration only and read after all of them finished.
  private let buffer: UnsafeMutableBufferPointer<Value?>

  init(count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil)
  }

  deinit {
    buffer.deinitialize()
    buffer.deallocate()
  }

  func set(_ index: Int, _ value: Value) { buffer[index] = value }

  func values() -> [Value] { buffer.map { $0! } }
}

/// A non-Sendable closure carried into `concurrentPerform`, which runs it while the caller waits.
private struct UncheckedSendable<Value>: @unchecked Sendable {
  // Safe because `concurrentMap` blocks until every iteration has returned.
  let value: Value
  init(_ value: Value) { self.value = value }
}
