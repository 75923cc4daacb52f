import Foundation
import Testing

@testable import SitePublisher

@Suite("SiteRenderer")
struct SiteRendererTests {
  @Test("Rendering the same snapshot twice gives byte-identical files, whatever the input order")
  func deterministic() {
    var snapshot = Fixture.sample()
    let first = SiteRenderer().render(snapshot)
    let second = SiteRenderer().render(snapshot)
    #expect(first == second)
    snapshot.documents.reverse()
    snapshot.stateCounts = Dictionary(uniqueKeysWithValues: snapshot.stateCounts.reversed().map { ($0.key, $0.value) })
    #expect(SiteRenderer().render(snapshot) == first)
  }

  @Test("The site has the index, changes, one page per document, assets and the manifest, sorted by path")
  func fileList() {
    let paths = SiteRenderer().render(Fixture.sample()).map(\.path)
    #expect(
      paths == [
        "assets/search-index.js", "assets/search.js", "assets/site.css", "changes.html", "documents/F-001.html",
        "documents/POL-001.html", "documents/QP-002.html", "documents/QP-003.html", "documents/QP-009.html",
        "documents/WI-001.html", "files/WI-001/1-spacer-gauge.png", "index.html", "manifest.json",
      ])
  }

  @Test("The index groups documents by type with id, title, revision, dates, owner and a search box")
  func index() throws {
    let index = try #require(Fixture.text(SiteRenderer().render(Fixture.sample()), "index.html"))
    #expect(index.contains("<h3 id=\"group-1\">Forms"))
    #expect(index.contains("Work instructions"))
    #expect(index.contains("Policies"))
    #expect(index.contains("<a href=\"documents/QP-002.html\">Internal audit</a>"))
    #expect(index.contains("<th scope=\"row\">QP-002</th>"))
    #expect(index.contains("2025-03-14"))
    #expect(index.contains("Overdue"))
    #expect(index.contains("id=\"document-search-input\""))
    #expect(index.contains("<script src=\"assets/search.js\" defer></script>"))
    #expect(index.contains("href=\"changes.html\""))
    #expect(index.contains(Fixture.commit))
    #expect(index.contains("Acme Builders Pty Ltd"))
  }

  @Test("The status chart is inline, accessible SVG with every number as text")
  func chart() throws {
    let index = try #require(Fixture.text(SiteRenderer().render(Fixture.sample()), "index.html"))
    #expect(index.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""))
    #expect(index.contains("<title id=\"chart-states-title\">Documents by state</title>"))
    #expect(index.contains("<desc id=\"chart-states-desc\">Approved: 5. Draft: 2. Obsolete: 1.</desc>"))
    // QP-002 is due 45 days after 14 March 2025, i.e. in April; QP-003 is already overdue.
    #expect(index.contains("Overdue: 1. March 2025: 0. April 2025: 1."))
    #expect(index.contains("July 2025: 1."))
  }

  @Test("A document page shows the header block and the signature manifestation for each approval")
  func documentPage() throws {
    let page = try #require(Fixture.text(SiteRenderer().render(Fixture.sample()), "documents/QP-002.html"))
    #expect(page.contains("<h1><span class=\"doc-id\">QP-002</span> Internal audit</h1>"))
    #expect(page.contains("<th scope=\"col\">Printed name</th>"))
    #expect(page.contains("<th scope=\"col\">Meaning</th>"))
    #expect(page.contains("<th scope=\"col\">Key fingerprint</th>"))
    #expect(page.contains("2025-03-11 09:30:00 UTC"))
    #expect(page.contains("<td>Approved</td>"))
    #expect(page.contains("SHA256:7m1dTXi6cF4uKuH2vX0t6C3m9yq9u8o2bq8tGv7m3Xk"))
    #expect(page.contains("89abcdef0123456789abcdef0123456789abcdef"))
    // The body's "# Internal audit" repeats the page's h1 and is left out; its sections sit below the h1.
    #expect(!page.contains("<h2 id=\"internal-audit\">Internal audit</h2>"))
    #expect(page.contains("<h2 id=\"purpose\">Purpose</h2>"))
    #expect(
      try #require(Fixture.text(SiteRenderer().render(Fixture.sample()), "documents/F-001.html")).contains(
        "<h2 id=\"title\">Title</h2>"))
    #expect(!page.contains("<h1>Internal audit</h1>") && !page.contains(">Internal audit</h2>"))
    #expect(page.contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\"><table>"))
    #expect(page.contains("QP-002: change for revision 1"))
    #expect(page.contains("Redline: revision 2 against revision 1"))
  }

  @Test("A first revision says there is nothing to compare with")
  func firstRevision() throws {
    let page = try #require(Fixture.text(SiteRenderer().render(Fixture.sample()), "documents/QP-003.html"))
    #expect(page.contains("is the first published revision of QP-003"))
    #expect(!page.contains("<ins>underlined</ins>"))
  }

  @Test("A later revision without the earlier text says so instead of claiming to be the first")
  func missingPreviousText() throws {
    let page = try #require(Fixture.text(SiteRenderer().render(Fixture.sample()), "documents/WI-001.html"))
    #expect(page.contains("The text of the previously published revision of WI-001 is not part of this snapshot"))
    #expect(!page.contains("is the first published revision"))
  }

  @Test("Withdrawn documents are on changes.html and not in the effective list")
  func withdrawn() throws {
    var snapshot = Fixture.sample()
    // Even if the caller also lists it as effective, a withdrawn document must not be shown as in effect.
    snapshot.documents.append(Fixture.document(id: "QP-009", title: "Old site diary"))
    let files = SiteRenderer().render(snapshot)
    let index = try #require(Fixture.text(files, "index.html"))
    let changes = try #require(Fixture.text(files, "changes.html"))
    #expect(!index.contains("QP-009"))
    // Its page is the withdrawn page, never the page of an effective document.
    let page = try #require(Fixture.text(files, "documents/QP-009.html"))
    #expect(page.contains("class=\"notice withdrawn-notice\""))
    #expect(!page.contains("id=\"history-heading\""))
    #expect(
      changes.contains("<th scope=\"row\">QP-009</th><td><a href=\"documents/QP-009.html\">Old site diary</a></td>"))
    #expect(changes.contains("<td>Withdrawn</td>"))
    #expect(changes.contains("Withdrawn since published/2"))
    #expect(
      changes.contains("<a href=\"documents/F-001.html\"><span class=\"doc-id\">F-001</span> Nonconformance report</a>")
    )
    #expect(changes.contains("revision 2 (was revision 1)"))
  }

  @Test("Printed pages say they are uncontrolled: a document page names its revision, the index the snapshot")
  func printNotice() throws {
    let files = SiteRenderer().render(Fixture.sample())
    let css = try #require(Fixture.text(files, "assets/site.css"))
    let page = try #require(Fixture.text(files, "documents/QP-002.html"))
    let index = try #require(Fixture.text(files, "index.html"))
    let printRules = try #require(css.range(of: "@media print")).upperBound
    let printCSS = css[printRules...]
    #expect(printCSS.contains(".print-notice {"))
    #expect(printCSS.contains("position: fixed"))
    #expect(printCSS.contains("bottom: 0"))
    #expect(css.contains(".print-notice { display: none; }"))
    #expect(
      page.contains(
        "<p class=\"print-notice\">Uncontrolled when printed. This is revision 2 of QP-002, effective 2025-03-14; "
          + "check QP-002 on the controlled documents site of Acme Builders Pty Ltd before use.</p>"))
    #expect(!page.contains("published/3"))
    #expect(
      index.contains(
        "<p class=\"print-notice\">Uncontrolled when printed — check published/3 before use · Snapshot published/3"
      ))
  }

  @Test("A document's page does not change with the snapshot: tag, commit, publisher, date and other changes")
  func documentPagesOutliveTheSnapshot() throws {
    var first = Fixture.sample()
    for index in first.documents.indices where first.documents[index].effectiveDate == nil {
      first.documents[index].effectiveDate = Fixture.effectiveDate
    }
    var later = first
    later.tag = "published/4"
    later.previousTag = "published/3"
    later.commit = String(repeating: "e", count: 40)
    later.effectiveDate = first.effectiveDate.addingTimeInterval(86_400)
    later.publisher.name = "Someone Else"
    later.publisher.time = later.effectiveDate
    later.tagFingerprint = "SHA256:another"
    later.changes = SnapshotChanges(added: [], revised: [], withdrawn: [])
    later.stateCounts = ["approved": 1]
    let before = Dictionary(SiteRenderer().render(first).map { ($0.path, $0.bytes) }) { a, _ in a }
    let after = Dictionary(SiteRenderer().render(later).map { ($0.path, $0.bytes) }) { a, _ in a }
    let pages = before.keys.filter { $0.hasPrefix("documents/") }
    #expect(pages.count == first.documents.count + first.withdrawn.count)
    for path in pages { #expect(before[path] == after[path], "\(path) changed with the snapshot") }
    #expect(before["index.html"] != after["index.html"])
    #expect(before["manifest.json"] != after["manifest.json"])
  }

  @Test("Every page is accessible in structure: lang, landmarks, skip link, viewport, CSP")
  func pageStructure() {
    for file in SiteRenderer().render(Fixture.sample()) where file.path.hasSuffix(".html") {
      let html = String(decoding: file.bytes, as: UTF8.self)
      #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(file.path)")
      for landmark in ["<header", "<nav", "<main id=\"main\"", "<footer", "href=\"#main\""] {
        #expect(html.contains(landmark), "\(file.path) lacks \(landmark)")
      }
      #expect(html.contains("name=\"viewport\""))
      #expect(html.contains("content=\"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:"))
      #expect(html.components(separatedBy: "<h1").count == 2, "\(file.path) should have exactly one h1")
    }
  }

  @Test("5,000 documents render, one page each")
  func manyDocuments() {
    let body = String(repeating: "Check the pour before the truck leaves the plant. ", count: 40)
    let documents = (1...5_000).map { number in
      Fixture.document(
        id: "QP-\(number)", title: "Procedure \(number)", markdown: "# Procedure\n\n\(body)\n",
        previousMarkdown: "# Procedure\n\n\(body) Old ending.\n", nextReviewDays: Double(number % 400))
    }
    let files = SiteRenderer().render(Fixture.snapshot(documents: documents))
    #expect(files.filter { $0.path.hasPrefix("documents/") }.count == 5_000)
  }
}
