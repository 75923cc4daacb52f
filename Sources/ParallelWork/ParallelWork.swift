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

/// A value made on another thread, started at once; `value` waits for it. For work whose result is needed
/// part-way through the caller's own (publish renders the rest of a site while it writes the document pages).
public final class InBackground<Value: Sendable>: @unchecked Sendable {
  // Safe: `made` is written once, before the group is left, and read only after waiting for the group.
  private let group = DispatchGroup()
  private var made: Value?

  /// Starts `make` on another thread.
  public init(_ make: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async(group: group) { self.made = make() }
  }

  /// The value, once made.
  public var value: Value {
    group.wait()
    return made!
  }
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

  /// Stores `value`, which is consumed: moved in, not copied (see `values`).
  func set(_ index: Int, _ value: consuming Value) { buffer[index] = value }

  /// The values, moved out of their slots (left nil): a copy would retain every reference a value holds, and
  /// the slots' deinit would release them all again (lint's outcomes hold many).
  func values() -> [Value] { buffer.indices.map { buffer[$0].take()! } }
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
/// of after it. One producer thread calls `add` (or `place`), `results(ofBatch:)` and then `finish`, once. What
/// waits is bounded: while `maxBatchesWaiting` batches are queued or running, `add` refuses new items (the caller
/// does those later itself), so a producer far faster than the work holds at most that many batches' items in
/// memory.
///
/// The batches run on at most `lanes` threads (one fewer than the cores, by default), so the producer keeps a
/// core for its own work; when it waits (`results(ofBatch:)`, `finish`), it does queued batches itself. A thread
/// takes the newest batch not yet started: a walk that reads history from the tip and then judges it from the
/// root needs the batches it handed over last first, and `results(ofBatch:)` lets it start on those while the
/// older ones are still being done.
public final class BackgroundBatches<Item: Sendable, Result: Sendable>: @unchecked Sendable {
  // Safe because `pending` and `done` are touched only by the one producer thread, and `state`, `results` and
  // `waiting` only inside their locks; a batch's results are read after its group is left (`results(ofBatch:)`)
  // or after every batch has run (`finish`), which orders the batch's writes before the read.
  private struct Batch: @unchecked Sendable {
    // Safe because `items` are Sendable and a DispatchGroup may be used from any thread.
    let number: Int
    let items: [Item]
    let done: DispatchGroup
  }

  /// The batches not yet started (the newest last) and the threads taking them.
  private struct State {
    var queued: [Batch] = []
    var runners = 0
  }

  private let work: @Sendable (Item) -> Result?
  private let batchSize: Int
  private let maxBatchesWaiting: Int
  private let lanes: Int
  private var pending: [Item] = []
  /// One group per batch dispatched, by batch number, left when the batch is done.
  private var done: [DispatchGroup] = []
  private let state = LockedBox(State())
  /// Each batch's results, by batch number.
  private let results = LockedBox<[Int: [Result]]>([:])
  private let waiting = LockedBox(0)
  private let group = DispatchGroup()

  /// `work` runs once for each item accepted; its nil results are left out. Items go out `batchSize` at a
  /// time, with at most `maxBatchesWaiting` batches queued or running, on at most `lanes` threads at once
  /// (nil: one fewer than the cores, and at least one).
  public init(
    batchSize: Int, maxBatchesWaiting: Int = 128, lanes: Int? = nil, _ work: @escaping @Sendable (Item) -> Result?
  ) {
    self.work = work
    self.batchSize = max(1, batchSize)
    self.maxBatchesWaiting = max(1, maxBatchesWaiting)
    self.lanes = max(1, lanes ?? ProcessInfo.processInfo.activeProcessorCount - 1)
  }

  /// Hands over one item; a full batch starts on another thread at once. False when the item is refused
  /// because enough batches are waiting: the caller must do it itself.
  @discardableResult
  public func add(_ item: Item) -> Bool {
    place(item) != nil
  }

  /// `add`, returning the number of the batch the item joins (for `results(ofBatch:)`), or nil when refused.
  public func place(_ item: Item) -> Int? {
    // Checked as a batch begins, so that every batch is whole.
    if pending.isEmpty, waiting.withLock({ $0 }) >= maxBatchesWaiting { return nil }
    pending.append(item)
    let number = done.count
    if pending.count >= batchSize { dispatch() }
    return number
  }

  /// The results of batch `number` (as `place` gave it), once it is done: a batch still gathering items starts
  /// at once, and until the batch is done this thread does queued batches itself, that one first.
  public func results(ofBatch number: Int) -> [Result] {
    if number >= done.count { dispatch() }
    guard number >= 0, number < done.count else { return [] }
    while done[number].wait(timeout: .now()) == .timedOut {
      let next = state.withLock { state -> Batch? in
        if let index = state.queued.lastIndex(where: { $0.number == number }) { return state.queued.remove(at: index) }
        return state.queued.popLast()
      }
      guard let next else {
        done[number].wait()
        break
      }
      run(next)
    }
    return results.withLock { $0[number] ?? [] }
  }

  /// Waits for every item accepted to be done, doing queued batches on this thread meanwhile, and returns the
  /// results (in no particular order).
  public func finish() -> [Result] {
    dispatch()
    while let next = state.withLock({ $0.queued.popLast() }) { run(next) }
    group.wait()
    return results.withLock { $0.values.flatMap { $0 } }
  }

  private func dispatch() {
    guard !pending.isEmpty else { return }
    let batch = Batch(number: done.count, items: pending, done: DispatchGroup())
    batch.done.enter()
    done.append(batch.done)
    pending = []
    waiting.withLock { $0 += 1 }
    let startsRunner = state.withLock { state -> Bool in
      state.queued.append(batch)
      guard state.runners < lanes else { return false }
      state.runners += 1
      return true
    }
    if startsRunner { DispatchQueue.global().async(group: group) { self.runQueued() } }
  }

  /// A lane: does the newest queued batch until none is left.
  private func runQueued() {
    while let next = state.withLock({ state -> Batch? in
      if let batch = state.queued.popLast() { return batch }
      state.runners -= 1
      return nil
    }) {
      run(next)
    }
  }

  private func run(_ batch: Batch) {
    let values = batch.items.compactMap(work)
    results.withLock { $0[batch.number] = values }
    waiting.withLock { $0 -= 1 }
    batch.done.leave()
  }
}
