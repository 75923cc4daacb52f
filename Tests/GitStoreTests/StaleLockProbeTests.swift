import Testing

@testable import GitStore

@Suite("Stale locks: each lock file is looked at once")
struct StaleLockProbeTests {
  @Test("A lock that disappears after it was seen is reported as seen, not a trap")
  func lockRemovedBetweenLooks() {
    // The owner removes the lock right after the first look: a second look finds nothing. Looking twice
    // (lazy compactMap's `first`) trapped on that nil in a concurrent publish.
    var looks: [String: Int] = [:]
    let found = Repository.firstPresent(["refs/tags/published/2.lock", "packed-refs.lock"]) { path -> Double? in
      looks[path, default: 0] += 1
      return path.hasPrefix("refs/") && looks[path] == 1 ? 0.5 : nil
    }
    #expect(found?.0 == "refs/tags/published/2.lock")
    #expect(found?.1 == 0.5)
    #expect(looks == ["refs/tags/published/2.lock": 1])
  }

  @Test("The second path is looked at only when the first holds nothing")
  func secondPath() {
    var looked: [String] = []
    let found = Repository.firstPresent(["a.lock", "b.lock"]) { path -> Int? in
      looked.append(path)
      return path == "b.lock" ? 7 : nil
    }
    #expect(found?.0 == "b.lock")
    #expect(found?.1 == 7)
    #expect(looked == ["a.lock", "b.lock"])
    #expect(Repository.firstPresent(["a.lock"]) { _ -> Int? in nil } == nil)
  }
}
