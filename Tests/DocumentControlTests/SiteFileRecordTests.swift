import Foundation
import SitePublisher
import TestSupport
import Testing

@testable import DocumentControl

#if canImport(Glibc)
  import Glibc
#endif

/// A republish links an unchanged page whose file still has the stat identity `.git/sop/site-files` recorded,
/// without reading it; whatever that file says, a missing, damaged, stale or forged one (short of recording the
/// identity of a page edited in the folder, see docs/architecture.md) gives the site `render` gives without it.
@Suite("Site-file records: unchanged pages linked by their stat identity")
struct SiteFileRecordTests {
  let test: PageRecordTests

  init() throws { test = try PageRecordTests() }

  var site: URL { test.folder("site") }
  var recordFile: URL { test.repository.siteFilesFile }

  /// Sets every file's modification time under `root` ten seconds back (its change time becomes now), as for
  /// pages written by a publish some time ago: only then is an identity recorded (`FileIdentity.isSettled`).
  func age(_ root: URL) throws {
    let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let times = [timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2), timespec(tv_sec: now.tv_sec - 10, tv_nsec: 0)]
    for case let url as URL in enumerator where !url.hasDirectoryPath {
      #expect(utimensat(AT_FDCWD, url.path, times, 0) == 0)
    }
  }

  /// The records of the site folder; none when there is no record file (nothing was settled yet).
  func records() throws -> [String: SiteFileRecords.Record] {
    guard FileManager.default.fileExists(atPath: recordFile.path) else { return [:] }
    return SiteFileRecords.decode(try Data(contentsOf: recordFile), folder: site.standardizedFileURL.path)
  }

  /// Publishes `published/2`, ages the site and renders it again over itself, so both pages are recorded by
  /// identity; returns a fresh render of `published/2` into an empty folder (made first: the record describes the
  /// last folder written).
  func recordedSite() throws -> [String: Data] {
    _ = try test.publishSecondSnapshot()
    // Just written, QP-002's page is not settled, so it is not recorded yet.
    #expect(try records()["documents/QP-002.html"] == nil)
    let fresh = try test.freshRender()
    try age(site)
    let pages = try test.repository.render(tag: "published/2", to: site)
    #expect(pages.reused.count == 2 && pages.linkedByIdentity.isEmpty)
    let recorded = try records()
    #expect(recorded.keys.sorted() == ["documents/QP-001.html", "documents/QP-002.html"])
    for (path, record) in recorded {
      #expect(FileIdentity.ofUnshared(site.appendingPathComponent(path).path) == record.identity)
      let bytes = try Data(contentsOf: site.appendingPathComponent(path))
      #expect(record.hash == PageHash(of: Array(bytes)))
    }
    return fresh
  }

  @Test("Recorded pages are linked by identity: the same inodes, the same site as a render into an empty folder")
  func linkedByIdentity() throws {
    let fresh = try recordedSite()
    let before = try records()
    let pages = try test.repository.render(tag: "published/2", to: site)
    #expect(pages.reused.count == 2 && pages.rendered.isEmpty)
    #expect(pages.linkedByIdentity == ["documents/QP-001.html", "documents/QP-002.html"])
    #expect(try test.files(site) == fresh)
    for (path, record) in before {
      #expect(FileIdentity.ofUnshared(site.appendingPathComponent(path).path)?.inode == record.identity.inode)
    }
    // A new snapshot over it: the unchanged page linked by identity, the changed one rendered, as `render` gives.
    try test.fixture.scratch.write(PageRecordTests.second, PageRecordTests.storage(step: "Stack pallets four high."))
    test.fixture.scratch.identity = ("Dana Author", "dana@acme.example")
    try test.fixture.scratch.commitAll("QP-002: four high")
    try test.approve("QP-002", PageRecordTests.second)
    let third = try test.publish(at: 1_700_900_000)
    #expect(third.tag == "published/3")
    #expect(third.pages.reused == ["documents/QP-001.html"] && third.pages.rendered == ["documents/QP-002.html"])
    #expect(third.pages.linkedByIdentity == ["documents/QP-001.html"])
    try test.repository.render(tag: "published/3", to: test.folder("fresh-3"))
    #expect(try test.files(site) == test.files(test.folder("fresh-3")))
  }

  /// Damages the record with `damage` after `recordedSite`, renders `published/2` over the site again and checks
  /// the site equals a fresh render, and that the record was written anew, intact.
  func sameSite(after damage: (URL, [String: SiteFileRecords.Record]) throws -> Void) throws {
    let fresh = try recordedSite()
    try damage(recordFile, try records())
    let again = try DocumentRepository(discoveringFrom: test.fixture.scratch.url.path)
    let pages = try again.render(tag: "published/2", to: site)
    #expect(pages.reused.count == 2 && pages.linkedByIdentity.isEmpty)
    #expect(try test.files(site) == fresh)
    #expect(try records().count == 2)
  }

  @Test("Missing, truncated, corrupt, other-version, empty and other-folder records give the same site")
  func damagedRecords() throws {
    for damage in SnapshotTagRecordTests.damages(magicCount: SiteFileRecords.magic.count) {
      try SiteFileRecordTests().sameSite { url, _ in try damage(url) }
    }
    try SiteFileRecordTests().sameSite { url, records in
      try SiteFileRecords.encode(folder: "/elsewhere", records).write(to: url)
    }
  }

  @Test("Forged records with a valid checksum (other bytes, swapped identities) give the same site")
  func forgedRecords() throws {
    // Every page recorded with the hash of other bytes: not the page records' hash, so each page is read.
    try sameSite { url, records in
      let forged = records.mapValues { (hash: PageHash(of: Array("<p>forged</p>".utf8)), identity: $0.identity) }
      try SiteFileRecords.encode(folder: site.standardizedFileURL.path, forged).write(to: url)
    }
    // The two pages' identities swapped: neither file has the identity recorded for its path.
    let swapped = try SiteFileRecordTests()
    try swapped.sameSite { url, records in
      let one = try #require(records["documents/QP-001.html"])
      let two = try #require(records["documents/QP-002.html"])
      try SiteFileRecords.encode(
        folder: swapped.site.standardizedFileURL.path,
        ["documents/QP-001.html": (one.hash, two.identity), "documents/QP-002.html": (two.hash, one.identity)]
      ).write(to: url)
    }
  }

  @Test("A page edited in place after it was recorded is stale: it is read, and rendered anew")
  func editedPage() throws {
    let fresh = try recordedSite()
    let page = site.appendingPathComponent("documents/QP-001.html")
    var text = try String(contentsOf: page, encoding: .utf8)
    text = text.replacingOccurrences(of: "Bob Smith", with: "Eve Smith")
    try Data(text.utf8).write(to: page)
    // Even with its old modification time put back, its change time moved.
    let record = try #require(try records()["documents/QP-001.html"])
    let times = [
      timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2),
      timespec(tv_sec: Int(record.identity.modifiedSeconds), tv_nsec: Int(record.identity.modifiedNanoseconds)),
    ]
    #expect(utimensat(AT_FDCWD, page.path, times, 0) == 0)
    let pages = try test.repository.render(tag: "published/2", to: site)
    #expect(pages.rendered == ["documents/QP-001.html"] && pages.reused == ["documents/QP-002.html"])
    #expect(pages.linkedByIdentity == ["documents/QP-002.html"])
    #expect(try test.files(site) == fresh)
  }

  @Test("A record count beyond the file's size is not read")
  func countBeyondSize() throws {
    var file = Data(SiteFileRecords.magic)
    withUnsafeBytes(of: SiteFileRecords.formatVersion.littleEndian) { file.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt64.max.littleEndian) { file.append(contentsOf: $0) }
    file.append(Data(count: 32 + 64))
    #expect(SiteFileRecords.decode(file, folder: "/site").isEmpty)
  }
}
