import Foundation
import Testing

@testable import SitePublisher

@Suite("Site safety")
struct SafetyTests {
  static let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>"

  @Test("Script in the body, javascript: links and HTML in titles, names, subjects and ids render inert")
  func inertContent() throws {
    var document = Fixture.document(
      id: "QP-001", title: "Evil \(Self.hostile)",
      markdown: """
        # Heading

        <script>alert(1)</script>

        [click](javascript:alert(1)) and <a href="javascript:alert(2)">raw</a> <b onclick="x()">bold</b>
        """,
      previousMarkdown: "Old <script>alert(3)</script> [x](javascript:alert(4))", ownerName: "Eve \(Self.hostile)")
    document.signatures = [Fixture.signer("Mallory \(Self.hostile)", role: "<script>r</script>")]
    document.history[0].changeSubjects = ["Subject \(Self.hostile)"]
    document.type = "<script>t</script>"
    var snapshot = Fixture.snapshot(
      documents: [document],
      withdrawn: [
        WithdrawnDocument(id: "<script>w</script>", title: Self.hostile, revision: 1, date: Fixture.effectiveDate)
      ],
      changes: SnapshotChanges(
        added: ["<script>a</script>"], revised: ["QP-001"], withdrawn: ["<img src=x onerror=alert(1)>"]))
    snapshot.organisation = "Org \(Self.hostile)"
    snapshot.tag = "published/<script>3</script>"
    snapshot.publisher.name = "Pub \(Self.hostile)"

    for file in SiteRenderer().render(snapshot) where file.path.hasSuffix(".html") {
      let html = String(decoding: file.bytes, as: UTF8.self)
      let scripts = html.components(separatedBy: "<script").count - 1
      let ownScript =
        (html.contains("<script src=\"assets/search.js\" defer></script>") ? 1 : 0)
        + (html.contains("<script src=\"assets/search-index.js\" defer></script>") ? 1 : 0)
      #expect(scripts == ownScript, "\(file.path) has a <script the site did not put there")
      #expect(!html.contains("javascript:"), "\(file.path) has a javascript: link")
      #expect(!html.contains("<img"), "\(file.path) has an img from document text")
      #expect(!html.contains("<b "), "\(file.path) kept raw HTML")
      #expect(html.contains("&lt;script&gt;"), "\(file.path) should show the text, escaped")
    }
    // The search index carries the same titles and words as JavaScript strings with every <, > and & escaped.
    let index = try #require(Fixture.text(SiteRenderer().render(snapshot), SitePaths.searchIndex))
    #expect(!index.contains("<") && !index.contains(">") && !index.contains("&"))
    #expect(index.contains("\\u003cscript\\u003e"))
  }

  @Test(
    "Ids that are not safe file names never produce a path outside the site",
    arguments: [
      "../x", "../../etc/passwd", "/etc/passwd", "a/b", "..", ".", "QP-1\\..\\x", "QP 1", "", "QP-1\u{0}",
      "%2e%2e",
    ])
  func unsafeIDs(id: String) throws {
    let snapshot = Fixture.snapshot(documents: [
      Fixture.document(id: id, title: "Escapee"), Fixture.document(id: "QP-001", title: "Fine"),
    ])
    let files = SiteRenderer().render(snapshot)
    for file in files {
      #expect(SitePaths.isContained(file.path), "\(file.path)")
      #expect(!file.path.contains(".."))
      #expect(file.path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-./".contains($0)) })
    }
    #expect(files.filter { $0.path.hasPrefix("documents/") }.map(\.path) == ["documents/QP-001.html"])
    let index = try #require(Fixture.text(files, "index.html"))
    #expect(index.contains("Escapee <span class=\"muted\">(no page: the id is not a safe file name)</span>"))
  }

  @Test("Safe file stems admit only letters, digits and hyphens")
  func fileStems() {
    #expect(SitePaths.documentPage(for: "QP-004") == "documents/QP-004.html")
    #expect(SitePaths.documentPage(for: "../x") == nil)
    #expect(SitePaths.documentPage(for: "-rf") == nil)
    #expect(SitePaths.documentPage(for: "QP-004.html") == nil)
  }
}

@Suite("Body HTML accessibility")
struct BodyAccessibilityTests {
  @Test("Table header cells from documents are scoped to their column")
  func scopedHeaders() {
    let html = BodyHTML.render("| Field | Entry |\n| :--- | --- |\n| Date | |\n")
    #expect(html.contains("<th scope=\"col\" align=\"left\">Field</th>"))
    #expect(html.contains("<th scope=\"col\">Entry</th>"))
    #expect(!html.contains("<th>"))
  }
}
