import Foundation
import Signatures
import Synchronization
import Testing

@testable import DocumentControl

/// Every file in `.git/sop` is a hint whose place sop does not own alone. A named pipe there used to make
/// `status` and `publish` wait forever on `open` (for reading the ledger cache, for appending a checkpoint); a
/// link to a device would be read without end. Planted in place of every cache file, neither may block, and the
/// answers stay those of a run with no caches at all.
@Suite("Cache files that are pipes or devices")
struct CacheFilePlantTests {
  /// Runs `body` on its own thread and gives its result, or nil when it had not finished within `seconds`: a read
  /// that blocks must fail the test, not hang the whole suite (the blocked thread is left behind).
  static func finishing<Value: Sendable>(
    within seconds: Double, _ body: @escaping @Sendable () throws -> Value
  ) -> Result<Value, any Error>? {
    let outcome = Mutex<Result<Value, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      let result = Result { try body() }
      outcome.withLock { $0 = result }
      done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return outcome.withLock { $0 }
  }

  /// Replaces every regular file under `.git/sop` with what `plant` makes at its path.
  static func plant(in test: PageRecordTests, _ plant: (String) -> Int32) throws -> Int {
    let root = URL(fileURLWithPath: test.repository.git.gitDirectory).appendingPathComponent("sop")
    let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
    var planted = 0
    for case let name as String in enumerator {
      let path = root.appendingPathComponent(name).path
      var status = stat()
      guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
      try FileManager.default.removeItem(atPath: path)
      #expect(plant(path) == 0)
      planted += 1
    }
    return planted
  }

  @Test(
    "A named pipe or a link to /dev/zero in place of each cache file gives the same status and site",
    arguments: ["pipe", "device"])
  func plantedCacheFiles(kind: String) throws {
    let test = try PageRecordTests()
    _ = try test.publishSecondSnapshot()
    let now = Date(timeIntervalSince1970: 1_700_900_000)
    let plainStatus = try DocumentRepository(discoveringFrom: test.fixture.scratch.url.path).status(at: nil, now: now)
    let plainSite = try SnapshotTagRecordTests.renderWithoutRecords(test, into: "plain")
    // A status and a publish with nothing new, so every cache file exists (ledger, checkpoints, page records,
    // search words, document blobs, snapshot tag records) before each is replaced.
    _ = try test.repository.status(at: nil, now: now)
    try test.publish("again", at: 1_700_800_000)
    let planted = try Self.plant(in: test) { path in
      kind == "pipe" ? mkfifo(path, 0o644) : symlink("/dev/zero", path)
    }
    #expect(planted >= 7)

    let directory = test.fixture.scratch.url.path
    let status = Self.finishing(within: 60) {
      try DocumentRepository(discoveringFrom: directory).status(at: nil, now: now)
    }
    let report = try #require(status, "status blocked on a planted \(kind)").get()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    #expect(try encoder.encode(report) == encoder.encode(plainStatus))

    let site = test.folder("planted")
    let key = test.fixture.alice.path
    let published = Self.finishing(within: 60) {
      let request = PublishRequest(
        keyPath: key, outputDirectory: site, message: nil,
        now: Date(timeIntervalSince1970: 1_700_850_000))
      return try DocumentRepository(discoveringFrom: directory)
        .publish(request, signer: { preferredSigner(forKeyFile: $0) }).isNewTag
    }
    #expect(try #require(published, "publish blocked on a planted \(kind)").get() == false)
    #expect(try test.files(site) == plainSite)
  }
}
