import Foundation
import GitStore
import Signatures
import TestSupport
import Testing

@testable import DocumentControl

/// Publish judges the latest snapshot tag by the verified-snapshot record (`.git/sop/verified-snapshot`) only when
/// the record names exactly that tag object, its commit and root, and checkpoints that order its history as now;
/// anything else walks the tag's history from scratch as before. And snapshot tag records kept as changes to the
/// snapshot before them read back as git parses the tags.
@Suite("Verified-snapshot record and tag records as changes")
struct VerifiedSnapshotRecordTests {
  func latest(_ repository: DocumentRepository) throws -> SnapshotTag {
    let tags = try repository.snapshotTags()
    return try #require(tags.last)
  }

  /// Two snapshots published (`PageRecordTests.publishSecondSnapshot`), with the repository and the latest tag.
  func publishedTwice() throws -> (PageRecordTests, DocumentRepository, SnapshotTag) {
    let test = try PageRecordTests()
    _ = try test.publishSecondSnapshot()
    return (test, test.repository, try latest(test.repository))
  }

  @Test("A publish records the tag it made, and the record vouches for that tag only")
  func recordsTheTagItMade() throws {
    let (test, repository, second) = try publishedTwice()
    let bytes = try [UInt8](Data(contentsOf: repository.verifiedSnapshotFile))
    let record = try #require(VerifiedSnapshotRecord.decode(bytes))
    #expect(record.tag == second.object && record.commit == second.commit)
    #expect(repository.isVouched(second))
    // Not for another tag: the first snapshot.
    let first = try #require(try repository.snapshotTags().first)
    #expect(!repository.isVouched(first))
    // A damaged record is no record.
    var damaged = bytes
    damaged[damaged.count - 1] ^= 0x01
    try Data(damaged).write(to: repository.verifiedSnapshotFile)
    #expect(!repository.isVouched(second))
    try Data("not a record".utf8).write(to: repository.verifiedSnapshotFile)
    #expect(!repository.isVouched(second))
    try FileManager.default.removeItem(at: repository.verifiedSnapshotFile)
    #expect(!repository.isVouched(second))
    // A publish with nothing new judges the tag (in HEAD's ledger, its commit being HEAD) and records it again.
    let outcome = try test.publish(at: 1_700_800_000)
    #expect(!outcome.isNewTag)
    #expect(repository.isVouched(second))
  }

  @Test("Checkpoints: later ones that descend from the tag's commit keep the record; any other change does not")
  func checkpoints() throws {
    let (test, repository, second) = try publishedTwice()
    let file = repository.checkpointFile
    let recorded = try String(contentsOf: file, encoding: .utf8)
    #expect(repository.isVouched(second))
    // A new commit on top of the tagged one, judged as the branch tip: a descendant, outside the tag's history.
    try test.fixture.scratch.write("notes.txt", "x\n")
    let child = try test.fixture.scratch.commitAll("Notes")
    try (recorded + "main \(child)\n").write(to: file, atomically: true, encoding: .utf8)
    #expect(repository.isVouched(second))
    // The tagged commit's parent, an ancestor, would order the tag's history: not vouched.
    let parent = try test.fixture.scratch.git("rev-parse", second.commit.hex + "^").trimmingCharacters(
      in: .whitespacesAndNewlines)
    try (recorded + "main \(parent)\n").write(to: file, atomically: true, encoding: .utf8)
    #expect(!repository.isVouched(second))
    // Checkpoints the judgement had, gone: not vouched.
    try "".write(to: file, atomically: true, encoding: .utf8)
    #expect(recorded.isEmpty || !repository.isVouched(second))
    try recorded.write(to: file, atomically: true, encoding: .utf8)
    #expect(repository.isVouched(second))
  }

  @Test("A tag put in the place of the recorded one is judged from scratch: publish refuses an unsigned one")
  func replacedTagIsJudged() throws {
    let (test, repository, second) = try publishedTwice()
    #expect(repository.isVouched(second))
    _ = try test.fixture.scratch.git(
      "tag", "-f", "-a", "published/2", "-m", "sop snapshot published/2", second.commit.hex)
    let fresh = try DocumentRepository(discoveringFrom: test.fixture.scratch.url.path)
    let replaced = try latest(fresh)
    #expect(replaced.object != second.object)
    #expect(!fresh.isVouched(replaced))
    let request = PublishRequest(
      keyPath: test.fixture.alice.path, outputDirectory: test.folder("site"), message: nil,
      now: Date(timeIntervalSince1970: 1_700_800_000))
    #expect(throws: ControlError.self) { try fresh.publish(request, signer: { preferredSigner(forKeyFile: $0) }) }
  }

  @Test(
    "The recorded tag object under another name, a tag of it, or a snapshot name on a commit, tree or blob: refused")
  func recordedTagMovedOrWrapped() throws {
    // Each made with stock git after a publish recorded published/2; publish must refuse every one, as it does
    // without the record (the record names a tag object, and the chain check runs whatever it says).
    let tagObjectTypes = ["untouched", "replayed", "nested", "commit", "tree", "blob"]
    for shape in tagObjectTypes {
      let (test, repository, second) = try publishedTwice()
      #expect(repository.isVouched(second))
      let git = test.fixture.scratch
      let commit = second.commit.hex
      switch shape {
      case "untouched":
        break
      case "replayed":
        // The vouched tag object itself, named as the next snapshot.
        _ = try git.git("update-ref", "refs/tags/published/3", second.object.hex)
      case "nested":
        // An annotated tag whose object is the vouched tag, in its place.
        _ = try git.git("tag", "-f", "-a", "published/2", "-m", "sop snapshot published/2", second.object.hex)
      case "commit":
        _ = try git.git("update-ref", "refs/tags/published/3", commit)
      case "tree":
        _ = try git.git("update-ref", "refs/tags/published/3", commit + "^{tree}")
      default:
        let blob = try git.git("rev-parse", commit + ":sop.yml").trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try git.git("update-ref", "refs/tags/published/3", blob)
      }
      let fresh = try DocumentRepository(discoveringFrom: git.url.path)
      let request = PublishRequest(
        keyPath: test.fixture.alice.path, outputDirectory: test.folder("site-\(shape)"), message: nil,
        now: Date(timeIntervalSince1970: 1_700_800_000))
      if shape == "untouched" {
        // The same request on the untouched repository publishes: the refusals below are the tampering's.
        #expect(try fresh.publish(request, signer: { preferredSigner(forKeyFile: $0) }).isNewTag == false)
        continue
      }
      #expect(throws: ControlError.self, "\(shape)") {
        try fresh.publish(request, signer: { preferredSigner(forKeyFile: $0) })
      }
      #expect(!FileManager.default.fileExists(atPath: test.folder("site-\(shape)").path), "\(shape)")
    }
  }

  static func tag(_ number: Int, _ entries: [SnapshotEntry]) -> SnapshotTag {
    let object = ObjectID(hex: String(repeating: String(number % 10), count: 40))!
    return SnapshotTag(
      name: "published/\(number)", number: number, object: object,
      commit: ObjectID(hex: String(repeating: "c", count: 40))!,
      tagger: GitSignature(name: "Alice", email: "alice@acme.example", time: 1_700_000_000 + Int64(number)),
      entries: entries, payload: [], signature: nil, innerName: "published/\(number)", previous: nil)
  }

  static func entries(_ count: Int, revised: Set<Int> = [], left: Set<Int> = []) -> [SnapshotEntry] {
    (1...count).filter { !left.contains($0) }.map { number in
      let blob = String(repeating: revised.contains(number) ? "e" : "a", count: 39) + String(number % 10)
      return SnapshotEntry(
        id: "QP-" + String(format: "%03d", number), revision: revised.contains(number) ? 2 : 1, blob: blob,
        isWithdrawn: false)
    }.sortedByID()
  }

  @Test("A tag record kept as changes to the one before reads back as the tag, and only with that base")
  func recordAsChanges() throws {
    let base = Self.tag(1, Self.entries(200))
    var next = Self.tag(2, Self.entries(200, revised: [3, 150], left: [77]))
    next.entries.append(
      SnapshotEntry(id: "WI-9", revision: 1, blob: String(repeating: "b", count: 40), isWithdrawn: true))
    next.entries = next.entries.sortedByID()
    let changes = try #require(SnapshotTagCache.changes(from: base.entries, to: next.entries))
    #expect(changes.count < 12)
    let data = SnapshotTagCache.encode(next, base: base)
    #expect(data.count < SnapshotTagCache.encode(next).count / 4)
    let read = try #require(
      SnapshotTagCache.decode(data, name: next.name, object: next.object) { $0 == base.object ? base : nil })
    #expect(read.hasSameParse(as: next))
    // Without its base, or with a shorter list in its place, it is no record.
    #expect(SnapshotTagCache.decode(data, name: next.name, object: next.object) == nil)
    let shorter = Self.tag(1, Array(base.entries.prefix(100)))
    let misread = SnapshotTagCache.decode(data, name: next.name, object: next.object) { _ in shorter }
    #expect(misread.map { !$0.hasSameParse(as: next) } ?? true)
    #expect(misread == nil)
    // A tag with little in common with the one before is kept whole.
    #expect(SnapshotTagCache.changes(from: base.entries, to: Self.entries(50, revised: Set(1...50))) == nil)
  }

  @Test("A tag record kept as changes that leaves out the base's last entries names them as left out")
  func recordLeavingOutTheLastEntries() throws {
    // Found by the CacheFiles fuzz target: changes that stopped before the base's end left its last entries out of
    // the tag without listing them as removed, so the redline base of a document dropped from the end of one
    // snapshot and published again in the next was not found in the tag before.
    let first = Self.tag(1, Self.entries(200))
    let second = Self.tag(2, Self.entries(200, left: [199, 200]))
    let data = SnapshotTagCache.encode(second, base: first)
    let read = try #require(
      SnapshotTagCache.decode(data, name: second.name, object: second.object) { $0 == first.object ? first : nil })
    #expect(read.hasSameParse(as: second))
    #expect(read.changedFrom?.removed.map(\.id) == ["QP-199", "QP-200"])
    let current = Self.entries(200, revised: [200])
    #expect(
      DocumentRepository.previouslyPublished(current, earlierTags: [first, read])
        == DocumentRepository.previouslyPublished(current, earlierTags: [first, second]))
    // Changes that do not reach the base's end (as that encoder wrote them) are no record.
    let short = SnapshotTagCache.Change.keep(198)
    #expect(SnapshotTagCache.apply([short], to: first.entries)?.count == nil)
  }

  @Test("Tag records read as changes give every tag as git parses it, and a missing base means parsing from git")
  func recordsAsChangesMatchGit() throws {
    let test = try PageRecordTests()
    _ = try test.publishSecondSnapshot()
    let repository = test.repository
    let parsed = try repository.snapshotTags()
    let fresh = try DocumentRepository(discoveringFrom: test.fixture.scratch.url.path)
    let recorded = try fresh.snapshotTagsUsingRecords()
    #expect(recorded.count == parsed.count)
    for (one, other) in zip(recorded, parsed) { #expect(one.hasSameParse(as: other)) }
    // The first tag's record removed: the second still reads as git parses it.
    try FileManager.default.removeItem(
      at: repository.snapshotTagCacheFolder.appendingPathComponent(parsed[0].object.hex))
    let again = try DocumentRepository(discoveringFrom: test.fixture.scratch.url.path)
    for (one, other) in zip(try again.snapshotTagsUsingRecords(), parsed) { #expect(one.hasSameParse(as: other)) }
  }

  @Test("Tags read from records kept as changes give the same redline bases and effective dates as parsed tags")
  func basesAndDatesFromChangedRecords() throws {
    var random = SplitMixGenerator(seed: 15)
    let blobs = (0..<8).map { String(repeating: String($0), count: 40) }
    var usedChanges = 0
    for _ in 0..<40 {
      var list = Self.entries(200)
      var tags: [SnapshotTag] = []
      for number in 1...Int.random(in: 2...8, using: &random) {
        for _ in 0..<Int.random(in: 0...4, using: &random) {
          let index = Int.random(in: 0..<list.count, using: &random)
          switch Int.random(in: 0..<5, using: &random) {
          case 0:
            list[index].blob = blobs.randomElement(using: &random)!
            list[index].revision += 1
          case 1: list[index].isWithdrawn.toggle()
          case 2: list.append(list[index])  // listed twice
          case 3: if list.count > 1 { list.remove(at: index) }
          default:
            list.append(
              SnapshotEntry(
                id: "WI-\(Int.random(in: 1...9, using: &random))", revision: Int.random(in: 1...3, using: &random),
                blob: blobs.randomElement(using: &random)!, isWithdrawn: false))
          }
        }
        list = list.sortedByID()
        var tag = Self.tag(number, list)
        tag.tagger.time = 1_700_000_000 + Int64(number) * 86_400
        tags.append(tag)
      }
      var read: [ObjectID: SnapshotTag] = [:]
      var decoded: [SnapshotTag] = []
      for (index, tag) in tags.enumerated() {
        let data = SnapshotTagCache.encode(tag, base: index > 0 ? tags[index - 1] : nil)
        let back = try #require(SnapshotTagCache.decode(data, name: tag.name, object: tag.object) { read[$0] })
        #expect(back.hasSameParse(as: tag))
        if back.changedFrom != nil { usedChanges += 1 }
        read[back.object] = back
        decoded.append(back)
      }
      var current = list
      current[0].blob = blobs.randomElement(using: &random)!
      current[current.count / 2].blob = blobs.randomElement(using: &random)!
      #expect(
        DocumentRepository.previouslyPublished(current, earlierTags: decoded)
          == DocumentRepository.previouslyPublished(current, earlierTags: tags))
      #expect(
        DocumentRepository.previouslyPublished(current, earlierTags: decoded)
          == PreviouslyPublishedTests.reference(current, earlierTags: tags))
      #expect(DocumentRepository.firstCarried(by: decoded) == DocumentRepository.firstCarried(by: tags))
    }
    #expect(usedChanges > 40)
  }
}
