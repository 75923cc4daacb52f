import Foundation
import Signatures
import SitePublisher
import TestSupport
import Testing

@testable import DocumentControl

/// A republish takes an unchanged document's page from the previous site instead of rendering it, using the
/// page records in `.git/sop/page-records`; whatever those records say, the site equals `render` of the tag
/// into an empty folder.
@Suite("Page records: unchanged pages are not rendered again")
struct PageRecordTests {
  let fixture: ApprovalFixture
  let repository: DocumentRepository
  static let second = "procedures/QP-002-storage.md"

  init() throws {
    fixture = try ApprovalFixture()
    try fixture.scratch.write(Self.second, Self.storage(step: "Stack pallets two high."))
    try fixture.scratch.commitAll("Add QP-002")
    try Self.approve(fixture, "QP-001", ApprovalFixture.document)
    try Self.approve(fixture, "QP-002", Self.second)
    repository = try DocumentRepository(discoveringFrom: fixture.scratch.url.path)
  }

  static func storage(step: String) -> String {
    ApprovalFixture.procedure(step: step).replacingOccurrences(of: "QP-001", with: "QP-002")
      .replacingOccurrences(of: "Handling of materials", with: "Storage of materials")
  }

  func approve(_ id: String, _ path: String) throws { try Self.approve(fixture, id, path) }

  static func approve(_ fixture: ApprovalFixture, _ id: String, _ path: String) throws {
    let blob = try fixture.blob(path)
    try fixture.gitApprove(key: fixture.alice.path, as: ("Alice Nguyen", "alice@acme.example"), id: id, blob: blob)
    try fixture.gitApprove(key: fixture.bob.path, as: ("Bob Smith", "bob@acme.example"), id: id, blob: blob)
  }

  func folder(_ name: String) -> URL { fixture.scratch.home.appendingPathComponent(name) }

  @discardableResult
  func publish(_ out: String = "site", at time: TimeInterval = 1_700_600_000) throws -> PublishOutcome {
    let request = PublishRequest(
      keyPath: fixture.alice.path, outputDirectory: folder(out), message: nil,
      now: Date(timeIntervalSince1970: time))
    return try repository.publish(request, signer: { preferredSigner(forKeyFile: $0) })
  }

  /// Every file under `root` (hidden ones included) with its bytes.
  func files(_ root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
    for case let url as URL in enumerator where !url.hasDirectoryPath {
      result[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count))] =
        try Data(contentsOf: url)
    }
    return result
  }

  /// Edits QP-002, approves it and publishes `published/2` over the site of `published/1`.
  func publishSecondSnapshot() throws -> PublishOutcome {
    try publish()
    try fixture.scratch.write(Self.second, Self.storage(step: "Stack pallets three high."))
    fixture.scratch.identity = ("Dana Author", "dana@acme.example")
    try fixture.scratch.commitAll("QP-002: three high")
    try approve("QP-002", Self.second)
    return try publish(at: 1_700_700_000)
  }

  /// `published/2` rendered into an empty folder, as `sop render` would.
  func freshRender(_ name: String = "fresh") throws -> [String: Data] {
    let pages = try repository.render(tag: "published/2", to: folder(name))
    #expect(pages.reused.isEmpty, "an empty folder has nothing to reuse")
    return try files(folder(name))
  }

  @Test("Publishing a new snapshot renders only the changed page and equals a render into an empty folder")
  func unchangedPageIsReused() throws {
    let first = try publish()
    #expect(first.pages.rendered == ["documents/QP-001.html", "documents/QP-002.html"])
    #expect(first.pages.reused.isEmpty)
    let second = try publishSecondSnapshot()
    #expect(second.tag == "published/2")
    #expect(second.pages.rendered == ["documents/QP-002.html"])
    #expect(second.pages.reused == ["documents/QP-001.html"])
    #expect(try files(folder("site")) == freshRender())
    // The same snapshot again: nothing to render.
    let again = try publish(at: 1_700_800_000)
    #expect(!again.isNewTag && again.pages.rendered.isEmpty && again.pages.reused.count == 2)
    #expect(try files(folder("site")) == freshRender("fresh-2"))
  }

  /// Renders `published/2` again over its own site after `damage` changed the records or the site, and checks
  /// the result equals a fresh render and that only the pages in `reusable` were reused.
  func rendersEverything(reusing reusable: [String] = [], after damage: (URL) throws -> Void) throws {
    _ = try publishSecondSnapshot()
    let records = repository.pageRecordsFile
    #expect(FileManager.default.fileExists(atPath: records.path))
    try damage(records)
    let pages = try repository.render(tag: "published/2", to: folder("site"))
    #expect(pages.reused == reusable, "\(pages)")
    #expect(pages.rendered.count == 2 - reusable.count)
    #expect(try files(folder("site")) == freshRender())
  }

  @Test("Missing, truncated, corrupt and other-version records mean rendering every page, with the same output")
  func damagedRecords() throws {
    try rendersEverything { try FileManager.default.removeItem(at: $0) }
    try PageRecordTests().rendersEverything { url in
      let data = try Data(contentsOf: url)
      try data.prefix(data.count - 7).write(to: url)
    }
    try PageRecordTests().rendersEverything { url in
      var data = try Data(contentsOf: url)
      data[data.count - 1] ^= 0x01  // the checksum no longer matches
      try data.write(to: url)
    }
    try PageRecordTests().rendersEverything { url in
      var data = try Data(contentsOf: url)
      data[PageRecords.magic.count] &+= 1  // another format version
      try data.write(to: url)
    }
    try PageRecordTests().rendersEverything { url in try Data("not records".utf8).write(to: url) }
  }

  @Test("A forged record with a valid checksum cannot put other bytes on a page: at worst every page is rendered")
  func forgedRecords() throws {
    // Every key recorded with the hash of other bytes.
    try rendersEverything { url in
      let records = PageRecords.decode(try Data(contentsOf: url))
      #expect(records.count == 2)
      let forged = records.mapValues { _ in PageHash(of: Array("<p>forged</p>".utf8)) }
      try PageRecords.encode(forged).write(to: url)
    }
    // Genuine records, but a page of the folder edited in place: its bytes no longer have the recorded hash, so
    // it is rendered; the other page is reused.
    let test = try PageRecordTests()
    try test.rendersEverything(reusing: ["documents/QP-002.html"]) { _ in
      let page = test.folder("site").appendingPathComponent("documents/QP-001.html")
      var text = try String(contentsOf: page, encoding: .utf8)
      text = text.replacingOccurrences(of: "Bob Smith", with: "Eve Smith")
      try Data(text.utf8).write(to: page)
    }
  }

  @Test("Records of other inputs are never matched: a changed title elsewhere renders every page again")
  func staleRecords() throws {
    _ = try publishSecondSnapshot()
    // QP-002's new title changes every page's links (any page may link to it), so QP-001 is rendered too.
    try fixture.scratch.write(
      Self.second,
      Self.storage(step: "Stack pallets three high.").replacingOccurrences(
        of: "title: Storage of materials", with: "title: Storing materials"))
    fixture.scratch.identity = ("Dana Author", "dana@acme.example")
    try fixture.scratch.commitAll("QP-002: new title")
    try approve("QP-002", Self.second)
    let third = try publish(at: 1_700_900_000)
    #expect(third.tag == "published/3")
    #expect(third.pages.reused.isEmpty && third.pages.rendered.count == 2)
    let fresh = try repository.render(tag: "published/3", to: folder("fresh-3"))
    #expect(fresh.rendered.count == 2)
    #expect(try files(folder("site")) == files(folder("fresh-3")))
  }
}
