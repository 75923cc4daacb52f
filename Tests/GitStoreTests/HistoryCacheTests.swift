import CLibgit2
import Foundation
import TestSupport
import Testing

@testable import GitStore

/// A history walk bounds libgit2's process-wide object cache while it runs and puts the bound back after,
/// also when walks overlap (as in `sop serve`) and when a walk fails.
@Suite("History walk cache bound")
struct HistoryCacheTests {
  /// libgit2's own default total (GIT_DEFAULT_CACHE_SIZE); nothing in sop sets another outside a walk.
  let libgit2Default = 256 << 20

  /// The bound now and the walks in progress, read together under the walks' lock, so that tests walking
  /// concurrently in other suites cannot make the answer stale.
  func state() -> (walks: Int, cacheSize: Int) {
    Repository.historyWalks.withLock { walks in (walks.count, Repository.objectCacheSize) }
  }

  @Test("After a walk, the bound is libgit2's default again unless another walk is still running")
  func restoredAfterWalk() throws {
    let scratch = try ScratchRepository()
    try scratch.write("docs/a.md", "alpha\n")
    try scratch.commitAll("First")
    try scratch.write("docs/a.md", "alpha two\n")
    let tip = ObjectID(hex: try scratch.commitAll("Second"))!
    let repository = try Repository.discover(from: scratch.url.path)
    #expect(try repository.history(from: tip).count == 2)
    let after = state()
    #expect(after.walks > 0 || after.cacheSize == libgit2Default)
    if after.walks > 0 { #expect(after.cacheSize == Repository.historyCacheSize) }
  }

  @Test("A walk that fails on a damaged commit puts the bound back too")
  func restoredAfterFailedWalk() throws {
    let scratch = try ScratchRepository()
    try scratch.write("docs/a.md", "alpha\n")
    let first = try scratch.commitAll("First")
    try scratch.write("docs/a.md", "alpha two\n")
    let tip = ObjectID(hex: try scratch.commitAll("Second"))!
    let loose = scratch.url.appendingPathComponent(".git/objects/\(first.prefix(2))/\(first.dropFirst(2))")
    try FileManager.default.removeItem(at: loose)
    let repository = try Repository.discover(from: scratch.url.path)
    #expect(throws: GitError.self) { try repository.history(from: tip) }
    let after = state()
    #expect(after.walks > 0 || after.cacheSize == libgit2Default)
  }

  @Test("Pack mapping is bounded inside boundingPackMapping, nested too, and put back after unless another runs")
  func packMappingBound() {
    func state() -> (count: Int, limit: Int) {
      Repository.packBounds.withLock { bounds in (bounds.count, sop_git_mwindow_mapped_limit()) }
    }
    let before = state()
    let (inside, nested) = Repository.boundingPackMapping {
      (state(), Repository.boundingPackMapping { state() })
    }
    #expect(inside.limit == Repository.packMappedLimit && nested.limit == Repository.packMappedLimit)
    #expect(nested.count == inside.count + 1)
    let after = state()
    #expect(after.count > 0 || after.limit == before.limit || before.count > 0)
    if after.count > 0 { #expect(after.limit == Repository.packMappedLimit) }
  }

  @Test("Overlapping walks: the first lowers the bound, the last puts back what the first found")
  func overlappingWalks() {
    var walks = Repository.HistoryWalks()
    let first = walks.begin(cacheSize: 100)
    let second = walks.begin(cacheSize: 16)
    let secondEnds = walks.end()
    let firstEnds = walks.end()
    #expect(first && !second)
    #expect(secondEnds == nil && firstEnds == 100)
    let again = walks.begin(cacheSize: 200)
    let againEnds = walks.end()
    #expect(again && againEnds == 200)
  }
}
