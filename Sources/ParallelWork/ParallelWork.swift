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

/// Work handed over one item at a time by a producer that is busy with something else, done in batches on
/// other threads as it arrives; `finish()` waits for the rest and returns every result.
///
/// For a serial walk that comes across work it does not need done at once (the signature of each approval,
/// met as the history walk checks every commit): the other cores start on it while the walk goes on, instead
/// of after it. One producer thread calls `add` and then `finish`, once. What waits is bounded: while
/// `maxBatchesWaiting` batches are queued or running, `add` refuses new items (the caller does those later
/// itself), so a producer far faster than the work holds at most that many batches' items in memory.
public final class BackgroundBatches<Item: Sendable, Result: Sendable>: @unchecked Sendable {
  // Safe because `pending` is touched only by the one producer thread, and `results` and `waiting` only inside
  // their locks; `finish` reads the results after `group.wait()`, which orders every batch's writes before it.
  private let work: @Sendable (Item) -> Result?
  private let batchSize: Int
  private let maxBatchesWaiting: Int
  private var pending: [Item] = []
  private let results = LockedBox<[Result]>([])
  private let waiting = LockedBox(0)
  private let group = DispatchGroup()

  /// `work` runs once for each item accepted; its nil results are left out. Items go out `batchSize` at a
  /// time, with at most `maxBatchesWaiting` batches queued or running.
  public init(batchSize: Int, maxBatchesWaiting: Int = 128, _ work: @escaping @Sendable (Item) -> Result?) {
    self.work = work
    self.batchSize = max(1, batchSize)
    self.maxBatchesWaiting = max(1, maxBatchesWaiting)
  }

  /// Hands over one item; a full batch starts on another thread at once. False when the item is refused
  /// because enough batches are waiting: the caller must do it itself.
  @discardableResult
  public func add(_ item: Item) -> Bool {
    // Checked as a batch begins, so that every batch is whole.
    if pending.isEmpty, waiting.withLock({ $0 }) >= maxBatchesWaiting { return false }
    pending.append(item)
    if pending.count >= batchSize { dispatch() }
    return true
  }

  /// Waits for every item accepted to be done, and returns the results (in no particular order).
  public func finish() -> [Result] {
    dispatch()
    group.wait()
    return results.withLock { $0 }
  }

  private func dispatch() {
    guard !pending.isEmpty else { return }
    let batch = pending
    pending = []
    let work = work
    let results = results
    let waiting = waiting
    waiting.withLock { $0 += 1 }
    DispatchQueue.global().async(group: group) {
      let done = batch.compactMap(work)
      results.withLock { $0.append(contentsOf: done) }
      waiting.withLock { $0 -= 1 }
    }
  }
}
