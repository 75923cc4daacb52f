import Foundation
import Testing

@testable import SitePublisher

/// Publish puts the document pages in the new folder while the rest of the site is made on another thread
/// (`SiteRenderer.renderDocuments`, `SiteWriter.write(_:then:to:holding:)`): the same files either way, and the
/// files that come later are checked as the first ones are before anything is swapped in.
@Suite("Document pages first, the rest of the site after")
struct SiteWriterRestTests {
  @Test("The document pages and the rest give the files render gives, and the same site written")
  func sameFiles() throws {
    let snapshot = Fixture.sample()
    let whole = SiteRenderer().render(snapshot, reusing: nil)
    let documents = SiteRenderer().renderDocuments(snapshot, reusing: nil)
    let finished = documents.finished()
    #expect(finished.files == whole.files)
    #expect(Set((documents.files + finished.rest).map(\.path)) == Set(whole.files.map(\.path)))
    #expect(documents.files.count + finished.rest.count == whole.files.count)
    let root = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let one = root.appendingPathComponent("one")
    let two = root.appendingPathComponent("two")
    try SiteWriter().write(whole.files, to: one)
    var asked = 0
    try SiteWriter().write(
      documents.files,
      then: {
        asked += 1
        return finished.rest
      }, to: two)
    #expect(asked == 1)
    for file in whole.files {
      #expect(
        try Data(contentsOf: one.appendingPathComponent(file.path))
          == Data(contentsOf: two.appendingPathComponent(file.path)))
    }
  }

  @Test("A later file outside the folder, or at a path already written, stops the write with the old site whole")
  func laterFilesAreChecked() throws {
    let whole = SiteRenderer().render(Fixture.sample(), reusing: nil)
    let root = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let site = root.appendingPathComponent("site")
    try SiteWriter().write(whole.files, to: site)
    let before = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
    let index = try Data(contentsOf: site.appendingPathComponent("index.html"))
    let first = Array(whole.files.prefix(2))
    for later in [
      [SiteFile(path: "../outside.html", bytes: [1])], [SiteFile(path: first[0].path, bytes: [2])],
    ] {
      #expect(throws: SiteWriteError.self) {
        try SiteWriter().write(first, then: { later }, to: site)
      }
      #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == before)
      #expect(try Data(contentsOf: site.appendingPathComponent("index.html")) == index)
    }
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("outside.html").path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "site" }
    #expect(leftovers.isEmpty)
  }
}
