import Foundation
import ParallelWork
import Testing

@Suite("ParallelWork")
struct ParallelWorkTests {
  @Test("concurrentMap keeps index order and computes every index once")
  func order() {
    let counter = LockedBox(0)
    let values = concurrentMap(count: 10_000) { index -> Int in
      counter.withLock { $0 += 1 }
      return index * 2
    }
    #expect(values == (0..<10_000).map { $0 * 2 })
    #expect(counter.withLock { $0 } == 10_000)
    #expect(concurrentMap(count: 0) { $0 }.isEmpty)
  }

  @Test("LockedBox serialises concurrent updates")
  func lockedBox() {
    let box = LockedBox([Int]())
    _ = concurrentMap(count: 1_000) { index in box.withLock { $0.append(index) } }
    #expect(box.withLock { $0.sorted() } == Array(0..<1_000))
  }

  @Test("InBackground gives the value made on another thread, as often as it is asked")
  func inBackground() {
    let made = InBackground { (1...1_000).reduce(0, +) }
    #expect(made.value == 500_500)
    #expect(made.value == 500_500)
  }

  @Test("BackgroundBatches does every item once, drops nil results, and finishes a partial batch")
  func batches() {
    let batches = BackgroundBatches<Int, Int>(batchSize: 7, maxBatchesWaiting: 1_000) { $0 % 3 == 0 ? nil : $0 * 2 }
    for item in 0..<1_000 { #expect(batches.add(item)) }
    #expect(batches.finish().sorted() == (0..<1_000).filter { $0 % 3 != 0 }.map { $0 * 2 })
    #expect(BackgroundBatches<Int, Int>(batchSize: 4) { $0 }.finish().isEmpty)
  }

  @Test("BackgroundBatches refuses items while enough batches wait, and does every item it accepted")
  func batchesBounded() {
    let gate = DispatchSemaphore(value: 0)
    let batches = BackgroundBatches<Int, Int>(batchSize: 2, maxBatchesWaiting: 2) { item in
      if item == 0 { gate.wait() }
      return item
    }
    // Items 0–3 fill two batches; the first waits on the gate, so both are still waiting for item 4.
    var accepted: [Int] = []
    for item in 0..<4 where batches.add(item) { accepted.append(item) }
    #expect(accepted == [0, 1, 2, 3])
    // The second batch may have finished by now, so item 4 may or may not be refused; item 5 follows it.
    for item in 4..<6 where batches.add(item) { accepted.append(item) }
    gate.signal()
    #expect(batches.finish().sorted() == accepted)
  }

  @Test("BackgroundBatches gives each batch's results by number, doing queued batches itself while it waits")
  func batchesByNumber() {
    let started = DispatchSemaphore(value: 0)
    let gate = DispatchSemaphore(value: 0)
    let batches = BackgroundBatches<Int, Int>(batchSize: 2, maxBatchesWaiting: 100, lanes: 1) { item in
      if item == 0 {
        started.signal()
        gate.wait()
      }
      return item % 5 == 4 ? nil : item * 10
    }
    var numbers: [Int] = []
    for item in 0..<9 {
      guard let number = batches.place(item) else {
        Issue.record("item \(item) refused")
        return
      }
      numbers.append(number)
      // Batch 0 holds the one lane at the gate before anything else is handed over.
      if item == 1 { started.wait() }
    }
    #expect(numbers == [0, 0, 1, 1, 2, 2, 3, 3, 4])
    // The others, the partial batch 4 included, are done by this thread as it asks for them.
    #expect(batches.results(ofBatch: 4) == [80])
    #expect(batches.results(ofBatch: 2) == [50])
    #expect(batches.results(ofBatch: 3).sorted() == [60, 70])
    #expect(batches.results(ofBatch: 1).sorted() == [20, 30])
    #expect(batches.results(ofBatch: 9).isEmpty)
    gate.signal()
    #expect(batches.results(ofBatch: 0).sorted() == [0, 10])
    #expect(batches.finish().sorted() == [0, 10, 20, 30, 50, 60, 70, 80])
  }
}
