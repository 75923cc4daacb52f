import DocumentModel
import Foundation
import GitStore
import Signatures
import SitePublisher
import TestSupport
import Testing

@testable import DocumentControl

/// Publish and render take earlier `published/N` tags from `.git/sop/snapshot-tags` instead of parsing them from
/// git again, search words from `.git/sop/search-words` and (publish) the documents' bytes from
/// `.git/sop/document-blobs`; whatever those files say, a missing, damaged or stale one gives the site `render`
/// gives without any.
@Suite("Publishing caches: snapshot tag records, search words, document blobs")
struct SnapshotTagRecordTests {
  /// Every record file, by name.
  static func records(_ test: PageRecordTests) throws -> [String: Data] {
    let folder = test.repository.snapshotTagCacheFolder
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
      result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return result
  }

  /// Renders `published/2` into `name` with no records at all (the records folder removed first).
  static func renderWithoutRecords(_ test: PageRecordTests, into name: String) throws -> [String: Data] {
    for cache in [
      test.repository.snapshotTagCacheFolder, test.repository.pageRecordsFile, test.repository.searchWordsFile,
      test.repository.documentBlobCacheFile,
    ] {
      try? FileManager.default.removeItem(at: cache)
    }
    // A fresh repository value, so nothing parsed earlier in this process is remembered either.
    let fresh = try DocumentRepository(discoveringFrom: test.fixture.scratch.url.path)
    try fresh.render(tag: "published/2", to: test.folder(name))
    return try test.files(test.folder(name))
  }

  @Test("Publishing records every snapshot tag as git parses it")
  func recordsMatchGit() throws {
    let test = try PageRecordTests()
    _ = try test.publishSecondSnapshot()
    let records = try Self.records(test)
    let references = try test.repository.snapshotReferences()
    #expect(records.count == 2)
    for reference in references {
      let data = try #require(records[reference.object.hex])
      let recorded = try #require(SnapshotTagCache.decode(data, name: reference.name, object: reference.object))
      let parsed = try #require(try test.repository.snapshotTag(name: reference.name, object: reference.object))
      #expect(recorded.isCached && recorded.payload.isEmpty && recorded.signature == nil)
      #expect(recorded.hasSameParse(as: parsed))
      #expect(!recorded.entries.isEmpty)
      // Read under another name or as another object, the record is no record.
      #expect(SnapshotTagCache.decode(data, name: "published/9", object: reference.object) == nil)
    }
  }

  /// Publishes two snapshots, renders `published/2` without records, damages the records with `damage`, renders
  /// again (a new repository value, as a new run) and checks both sites are byte for byte the same, and that the
  /// damaged records were replaced by intact ones.
  func sameSite(after damage: (URL, [(name: String, object: ObjectID)]) throws -> Void) throws {
    try sameSite(after: damage, checkingRecords: true)
  }

  func sameSite(
    after damage: (URL, [(name: String, object: ObjectID)]) throws -> Void, checkingRecords: Bool
  ) throws {
    let test = try PageRecordTests()
    _ = try test.publishSecondSnapshot()
    let plain = try Self.renderWithoutRecords(test, into: "plain")
    let references = try test.repository.snapshotReferences()
    #expect(try Self.records(test).count == 2)
    // Publish with nothing new into another folder, so every cache file exists before it is damaged.
    let other = PublishRequest(
      keyPath: test.fixture.alice.path, outputDirectory: test.folder("other"), message: nil,
      now: Date(timeIntervalSince1970: 1_700_750_000))
    _ = try test.repository.publish(other, signer: { preferredSigner(forKeyFile: $0) })
    #expect(FileManager.default.fileExists(atPath: test.repository.searchWordsFile.path))
    #expect(FileManager.default.fileExists(atPath: test.repository.documentBlobCacheFile.path))
    try damage(test.repository.snapshotTagCacheFolder, references)
    let again = try DocumentRepository(discoveringFrom: test.fixture.scratch.url.path)
    try again.render(tag: "published/2", to: test.folder("damaged"))
    #expect(try test.files(test.folder("damaged")) == plain)
    // A publish with nothing new over that site, reading the records the render left, gives the same site too.
    let request = PublishRequest(
      keyPath: test.fixture.alice.path, outputDirectory: test.folder("damaged"), message: nil,
      now: Date(timeIntervalSince1970: 1_700_800_000))
    let outcome = try again.publish(request, signer: { preferredSigner(forKeyFile: $0) })
    #expect(!outcome.isNewTag)
    #expect(try test.files(test.folder("damaged")) == plain)
    for reference in references where checkingRecords {
      let data = try Data(
        contentsOf: test.repository.snapshotTagCacheFolder.appendingPathComponent(reference.object.hex))
      #expect(SnapshotTagCache.decode(data, name: reference.name, object: reference.object) != nil)
    }
  }

  @Test("Missing, truncated, corrupt, other-version, oversized-count and swapped records give the same site")
  func damagedRecords() throws {
    func each(_ folder: URL, _ body: (URL) throws -> Void) throws {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
        try body(folder.appendingPathComponent(name))
      }
    }
    try sameSite { folder, _ in try FileManager.default.removeItem(at: folder) }
    try sameSite { folder, _ in
      try each(folder) { url in
        let data = try Data(contentsOf: url)
        try data.prefix(data.count - 9).write(to: url)
      }
    }
    try sameSite { folder, _ in
      try each(folder) { url in
        var data = try Data(contentsOf: url)
        data[data.count - 1] ^= 0x20  // the checksum no longer matches
        try data.write(to: url)
      }
    }
    try sameSite { folder, _ in
      try each(folder) { url in
        var data = try Data(contentsOf: url)
        data[SnapshotTagCache.magic.count] &+= 1  // another format version
        try data.write(to: url)
      }
    }
    try sameSite { folder, _ in
      try each(folder) { url in try Data("not a record".utf8).write(to: url) }
    }
    try sameSite { folder, _ in
      try each(folder) { url in try Data().write(to: url) }
    }
    // Stale: each tag's file holds the other tag's intact record.
    try sameSite { folder, references in
      let first = folder.appendingPathComponent(references[0].object.hex)
      let second = folder.appendingPathComponent(references[1].object.hex)
      let one = try Data(contentsOf: first)
      try Data(contentsOf: second).write(to: first)
      try one.write(to: second)
    }
  }

  @Test("A forged record of the tag rendered, with a valid checksum, is not used: that tag is read from git")
  func forgedRecordOfRenderedTag() throws {
    try sameSite { folder, references in
      let second = try #require(references.first { $0.name == "published/2" })
      let url = folder.appendingPathComponent(second.object.hex)
      var tag = try #require(
        SnapshotTagCache.decode(try Data(contentsOf: url), name: second.name, object: second.object))
      tag.entries = tag.entries.map { entry in
        var forged = entry
        forged.revision += 7
        return forged
      }
      tag.tagger.time += 86_400
      try SnapshotTagCache.encode(tag).write(to: url)
    }
  }

  @Test("A forged record whose number is not its name's is not used: publish counts on from git's numbers")
  func forgedRecordNumber() throws {
    let test = try PageRecordTests()
    _ = try test.publishSecondSnapshot()
    let folder = test.repository.snapshotTagCacheFolder
    let first = try #require(try test.repository.snapshotReferences().first { $0.name == "published/1" })
    let url = folder.appendingPathComponent(first.object.hex)
    var tag = try #require(SnapshotTagCache.decode(try Data(contentsOf: url), name: first.name, object: first.object))
    tag.number = 1_000_000_000
    try SnapshotTagCache.encode(tag).write(to: url)
    let fresh = try DocumentRepository(discoveringFrom: test.fixture.scratch.url.path)
    #expect(try fresh.snapshotTagsUsingRecords().map(\.number) == [1, 2])
  }

  @Test("A document blob file whose count is far beyond its size is not read, and reserves nothing for it")
  func documentBlobCountBeyondSize() {
    var file = DocumentBlobCache.magic
    withUnsafeBytes(of: DocumentBlobCache.formatVersion.littleEndian) { file.append(contentsOf: $0) }
    // 64 KB of entries can hold at most 3,120 of 21 bytes; the count claims one per byte.
    let body = [UInt8](repeating: 0, count: 65_536)
    withUnsafeBytes(of: UInt64(body.count).littleEndian) { file.append(contentsOf: $0) }
    #expect(DocumentBlobCache.index(file + body).isEmpty)
  }

  /// `sameSite`, damaging the file `name` beside the snapshot tag records with `damage`.
  func sameSite(damagingFile name: String, _ damage: @escaping (URL) throws -> Void) throws {
    try sameSite(
      after: { folder, _ in try damage(folder.deletingLastPathComponent().appendingPathComponent(name)) },
      checkingRecords: false)
  }

  static func damages(magicCount: Int) -> [(URL) throws -> Void] {
    [
      { try FileManager.default.removeItem(at: $0) },
      { url in
        let data = try Data(contentsOf: url)
        try data.prefix(data.count - 5).write(to: url)
      },
      { url in
        var data = try Data(contentsOf: url)
        data[data.count - 3] ^= 0x04
        try data.write(to: url)
      },
      { url in
        var data = try Data(contentsOf: url)
        data[magicCount] &+= 1  // another format version
        try data.write(to: url)
      },
      { url in try Data("not records".utf8).write(to: url) },
      { url in try Data().write(to: url) },
    ]
  }

  @Test("Missing, truncated, corrupt and other-version search words give the same site")
  func damagedSearchWords() throws {
    for damage in Self.damages(magicCount: SearchWordRecords.magic.count) {
      try sameSite(damagingFile: "search-words", damage)
    }
    // Words recorded under keys of other inputs are never matched.
    try sameSite(damagingFile: "search-words") { url in
      let words = SearchWordRecords.decode(try Data(contentsOf: url))
      #expect(words.count == 2)
      let shifted = Dictionary(
        uniqueKeysWithValues: words.map { key, _ in
          (PageKey(digest: key.bytes.map { $0 ^ 0xFF })!, "forged words")
        })
      try SearchWordRecords.encode(shifted).write(to: url)
    }
  }

  @Test("Missing, damaged and forged document blobs give the same site: a blob is used only if it has its id")
  func damagedDocumentBlobs() throws {
    for damage in Self.damages(magicCount: DocumentBlobCache.magic.count) {
      try sameSite(damagingFile: "document-blobs", damage)
    }
    // Well formed, every id naming other bytes: each document is read from git.
    try sameSite(damagingFile: "document-blobs") { url in
      let bytes = [UInt8](try Data(contentsOf: url))
      let index = DocumentBlobCache.index(bytes)
      #expect(index.count >= 2)
      var forged: [ObjectID: ArraySlice<UInt8>] = [:]
      for (id, range) in index {
        var text = Array(bytes[range])
        text += Array("\nForged line.\n".utf8)
        forged[id] = ArraySlice(text)
      }
      try DocumentBlobCache.encode(forged).write(to: url)
    }
    // Each id holding another document's bytes.
    try sameSite(damagingFile: "document-blobs") { url in
      let bytes = [UInt8](try Data(contentsOf: url))
      let index = DocumentBlobCache.index(bytes).sorted { $0.key < $1.key }
      var swapped: [ObjectID: ArraySlice<UInt8>] = [:]
      for (offset, entry) in index.enumerated() {
        swapped[entry.key] = bytes[index[(offset + 1) % index.count].value]
      }
      try DocumentBlobCache.encode(swapped).write(to: url)
    }
  }

  @Test("The document blob file holds every document read, each under its git id")
  func documentBlobsAreGenuine() throws {
    let test = try PageRecordTests()
    _ = try test.publishSecondSnapshot()
    let bytes = [UInt8](try Data(contentsOf: test.repository.documentBlobCacheFile))
    let index = DocumentBlobCache.index(bytes)
    #expect(index.count >= 2)
    for (id, range) in index {
      #expect(DocumentBlobCache.isBlob(id, bytes[range]))
      #expect(Array(bytes[range]) == (try test.repository.git.blob(id)))
    }
  }

  @Test("The walk of the latest snapshot's commit, given the tip's parsed documents, gives the same ledger")
  func walkWithKnownDocuments() throws {
    let test = try PageRecordTests()
    _ = try test.publishSecondSnapshot()
    // A new approval, so the latest snapshot's commit is no longer the tip.
    try test.fixture.scratch.write(PageRecordTests.second, PageRecordTests.storage(step: "Stack pallets four high."))
    test.fixture.scratch.identity = ("Dana Author", "dana@acme.example")
    try test.fixture.scratch.commitAll("QP-002: four high")
    try test.approve("QP-002", PageRecordTests.second)
    let repository = try DocumentRepository(discoveringFrom: test.fixture.scratch.url.path)
    let latest = try #require(try repository.snapshotTags().last)
    let head = try repository.commit(nil)
    let policy = try repository.policy(at: head).policy
    var known: [ObjectID: ParsedDocument] = [:]
    for stored in try repository.publishingInventory(at: head, policy: policy).documents.values {
      known[stored.blob] = stored.document
    }
    #expect(known.count >= 2)
    func encoded(_ ledger: ApprovalLedger) -> Data {
      LedgerCache.encode(ledger, reachable: [], root: ledger.root, checkpoints: [])
    }
    let plain = try repository.ledgerFromScratch(at: latest.commit)
    let given = try repository.ledgerFromScratch(at: latest.commit, known: known)
    #expect(encoded(given) == encoded(plain))
  }

  @Test("verify never reads the records: forged records give the same report")
  func verifyIgnoresRecords() throws {
    let test = try PageRecordTests()
    _ = try test.publishSecondSnapshot()
    // The first run records the tip as judged (a checkpoint); compare runs made after it.
    _ = try test.repository.verify()
    func report(_ repository: DocumentRepository) throws -> String {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      return String(decoding: try encoder.encode(try repository.verify()), as: UTF8.self)
    }
    let before = try report(test.repository)
    let folder = test.repository.snapshotTagCacheFolder
    for reference in try test.repository.snapshotReferences() {
      let url = folder.appendingPathComponent(reference.object.hex)
      var tag = try #require(
        SnapshotTagCache.decode(try Data(contentsOf: url), name: reference.name, object: reference.object))
      tag.entries = []
      tag.innerName = "forged"
      try SnapshotTagCache.encode(tag).write(to: url)
    }
    let fresh = try DocumentRepository(discoveringFrom: test.fixture.scratch.url.path)
    #expect(try report(fresh) == before)
  }
}
