import Crypto
import Foundation
import Testing

@testable import SitePublisher

/// The key of a document's page must change whenever the page's bytes could, or a republish would reuse a
/// page that is no longer right; and reuse must give exactly the files a render without it gives.
@Suite("Page keys and reuse in the renderer")
struct PageKeyTests {
  let sample = Fixture.sample()

  /// The page records of a render, and its files by path.
  func render(_ snapshot: SiteSnapshot, reusing reuse: PageReuse? = nil) -> SiteRenderer.Rendering {
    SiteRenderer().render(snapshot, reusing: reuse)
  }

  /// A reuse source whose previous site is `files`.
  func reuse(_ rendering: SiteRenderer.Rendering, previous files: [SiteFile]? = nil) -> PageReuse {
    let bytes = Dictionary((files ?? rendering.files).map { ($0.path, $0.bytes) }) { first, _ in first }
    return PageReuse(recorded: rendering.records) { bytes[$0] }
  }

  @Test("A render reusing every page of the previous site gives the same files, and renders no document page")
  func reuseGivesTheSameFiles() {
    let first = render(sample)
    #expect(first.reused.isEmpty && first.rendered.count == 5)
    let second = render(sample, reusing: reuse(first))
    #expect(second.rendered.isEmpty)
    #expect(second.reused.count == 5)
    #expect(second.files == first.files)
    #expect(second.records == first.records)
  }

  @Test("A changed document is rendered again; the others are reused; the files equal a render without reuse")
  func changedDocumentIsRendered() {
    let first = render(sample)
    var next = sample
    next.tag = "published/4"
    next.documents[1].markdown += "\nOne more line.\n"
    let second = render(next, reusing: reuse(first))
    #expect(second.rendered == ["documents/QP-002.html"])
    #expect(second.reused.count == 4)
    #expect(second.files == render(next).files)
  }

  @Test("A record naming other bytes, or a previous file that differs from its record, means rendering")
  func wrongRecordsRender() {
    let first = render(sample)
    let forged = PageReuse(recorded: first.records.mapValues { _ in PageHash(of: [1, 2, 3]) }) { _ in [1, 2, 3, 4] }
    let second = render(sample, reusing: forged)
    #expect(second.reused.isEmpty && second.files == first.files)
    let edited = first.files.map { file in
      file.path.hasPrefix("documents/") ? SiteFile(path: file.path, bytes: file.bytes + [0x0A]) : file
    }
    let third = render(sample, reusing: reuse(first, previous: edited))
    #expect(third.reused.isEmpty && third.files == first.files)
  }

  @Test("A page the site-file record vouches for is never read; one whose recorded hash differs is read")
  func unchangedPagesAreNotRead() {
    let first = render(sample)
    let identity = FileIdentity(
      device: 1, inode: 2, size: 3, modifiedSeconds: 4, modifiedNanoseconds: 5, changedSeconds: 6,
      changedNanoseconds: 7)
    let hashes = first.pageHashes
    let vouched = PageReuse(
      recorded: first.records, unchanged: { path in hashes[path].map { ($0, identity) } },
      previous: { path in
        Issue.record("\(path) was read")
        return nil
      })
    let second = render(sample, reusing: vouched)
    #expect(second.rendered.isEmpty && second.reused.count == 5)
    #expect(second.records == first.records && second.pageHashes == first.pageHashes)
    for (file, expected) in zip(second.files, first.files) {
      #expect(file.path == expected.path)
      if hashes[file.path] != nil {
        #expect(file.previous == identity && file.bytes.isEmpty)
      } else {
        #expect(file == expected)
      }
    }
    // The record vouches for other bytes than the page records name: each page is read and compared instead.
    let bytes = Dictionary(first.files.map { ($0.path, $0.bytes) }) { one, _ in one }
    let other = PageReuse(
      recorded: first.records, unchanged: { _ in (PageHash(of: [1]), identity) }, previous: { bytes[$0] })
    let third = render(sample, reusing: other)
    #expect(third.reused.count == 5 && third.files == first.files)
  }

  /// The keys of the sample's pages after `change`, compared with the sample's.
  func keysChange(_ change: (inout SiteSnapshot) -> Void) -> Bool {
    var changed = sample
    change(&changed)
    return Set(render(changed).records.keys).isDisjoint(with: render(sample).records.keys)
  }

  @Test("Every input a page shows changes its key")
  func keysCoverInputs() {
    // One document's inputs change that document's key only.
    func keyOfQP002Changes(_ change: (inout SiteDocument) -> Void) -> Bool {
      var changed = sample
      change(&changed.documents[1])
      let before = Set(render(sample).records.keys)
      let after = Set(render(changed).records.keys)
      return after.subtracting(before).count == 1
    }
    #expect(keyOfQP002Changes { $0.markdown += "x" })
    #expect(keyOfQP002Changes { $0.previousMarkdown = nil })
    #expect(keyOfQP002Changes { $0.ownerName = "Someone" })
    #expect(keyOfQP002Changes { $0.signatures[0].comment = "ok" })
    #expect(keyOfQP002Changes { $0.history[0].authors.append("Another") })
    #expect(keyOfQP002Changes { $0.history[0].effectiveDate = nil })
    #expect(keyOfQP002Changes { $0.related = ["F-001"] })
    #expect(keyOfQP002Changes { $0.attachments = [SiteAttachment(path: "procedures/a.png", bytes: [1])] })
    #expect(keyOfQP002Changes { $0.nextReview = Fixture.effectiveDate.addingTimeInterval(-1) })  // overdue
    // What every page shows of the snapshot, and every link target, changes every key.
    #expect(keysChange { $0.organisation = "Other" })
    #expect(keysChange { $0.suggestChange = nil })
    #expect(keysChange { $0.training = SiteTraining(documents: [], people: []) })
    #expect(keysChange { $0.documents[0].title = "Renamed form" })
    #expect(keysChange { $0.documents[0].path = "forms/moved.md" })
    #expect(keysChange { $0.withdrawn[0].title = "Renamed diary" })
    #expect(keysChange { $0.documents.removeLast() })
    // The snapshot's own tag, commit and publisher are not on document pages, so the keys stay.
    var later = sample
    later.tag = "published/9"
    later.commit = String(repeating: "1", count: 40)
    later.publisher.name = "Another Publisher"
    #expect(render(later).records == render(sample).records)
  }

  @Test("The key covers every stored property of a document, signer, revision record, attachment and link table")
  func keyFieldsAreCounted() {
    // `KeyHasher.document` feeds each of these properties; a new one must be fed there too, then counted here.
    let document = sample.documents[1]
    #expect(Mirror(reflecting: document).children.count == 17)
    #expect(Mirror(reflecting: document.signatures[0]).children.count == 8)
    #expect(Mirror(reflecting: document.history[0]).children.count == 7)
    #expect(Mirror(reflecting: SiteAttachment(path: "", bytes: [])).children.count == 2)
    // `PageKey.Links` digests every table of the link targets.
    #expect(Mirror(reflecting: DocumentLinks(effective: [], withdrawn: [])).children.count == 3)
  }

  @Test("A change to the bytes of document pages comes with a new PageKey.formatVersion")
  func formatVersionIsBumped() {
    // When this fails because the page's bytes changed on purpose, bump `PageKey.formatVersion` (records of
    // the old format must never match) and put the new version and hash here.
    let page = render(sample).files.first { $0.path == "documents/QP-002.html" }!.bytes
    #expect(PageKey.formatVersion == 2)
    #expect(SiteManifest.sha256Hex(page) == "1decabe4e1e4f8f0975c6777736cd9f59dbb6f14efbcc06bfe8e7829f293f0d8")
  }
}
