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

  @Test("concurrently returns both results")
  func both() {
    let (background, foreground) = concurrently({ (1...1_000).reduce(0, +) }, { "here" })
    #expect(background == 500_500 && foreground == "here")
  }

  @Test("BackgroundBatches does every item once, drops nil results, and finishes a partial batch")
  func batches() {
    let batches = BackgroundBatches<Int, Int>(batchSize: 7) { $0 % 3 == 0 ? nil : $0 * 2 }
    for item in 0..<1_000 { batches.add(item) }
    #expect(batches.finish().sorted() == (0..<1_000).filter { $0 % 3 != 0 }.map { $0 * 2 })
    #expect(BackgroundBatches<Int, Int>(batchSize: 4) { $0 }.finish().isEmpty)
  }
}
