import Foundation
import Testing

@testable import SitePublisher

/// Issue 13's site rules (docs/publishing.md, "The site"): links between documents, effective dates,
/// withdrawn pages, authors, "Suggest a change", search and the order of the pages.
@Suite("Site links, dates, withdrawn pages and search")
struct SiteLinksTests {
  static let files = SiteRenderer().render(Fixture.sample())

  static func page(_ path: String) throws -> String {
    try #require(Fixture.text(files, path))
  }

  @Test("Body headings carry the anchors GitHub gives them, so a link to '#6-conclude-the-incident' works")
  func headingAnchors() {
    let html = BodyHTML.render(
      "# Steps\n\n## 6. Conclude the *incident*\n\n### Check (daily)\n\n### Check (daily)\n\n"
        + "###### R&D \"notes\"\n\n[Conclude](#6-conclude-the-incident)\n")
    #expect(html.contains("<h2 id=\"steps\">Steps</h2>"))
    #expect(html.contains("<h3 id=\"6-conclude-the-incident\">6. Conclude the <em>incident</em></h3>"))
    #expect(html.contains("<h4 id=\"check-daily\">Check (daily)</h4>"))
    #expect(html.contains("<h4 id=\"check-daily-1\">Check (daily)</h4>"))
    #expect(html.contains("<h6 id=\"rd-notes\">R&amp;D &quot;notes&quot;</h6>"))
    #expect(html.contains("<a href=\"#6-conclude-the-incident\">Conclude</a>"))
    // An id may not be empty: a heading of symbols only gets none.
    #expect(BodyHTML.render("## 🔧\n").contains("<h3>🔧</h3>"))
    // The title heading the page leaves out still takes its anchor, as on GitHub.
    let body = BodyHTML.renderBody(
      "# Internal audit\n\n## Internal audit\n\nText\n", id: "QP-002", title: "Internal audit")
    #expect(body.contains("<h2 id=\"internal-audit-1\">Internal audit</h2>"), "\(body)")
  }

  @Test("A Markdown link to another document's file goes to that document's page")
  func fileLinks() throws {
    let page = try Self.page("documents/QP-003.html")
    #expect(page.contains("<a class=\"doc-link\" href=\"F-001.html\">the report form</a>"))
    #expect(!page.contains(".md\""))
  }

  @Test("Bare ids in text link to their pages; not in code, links, headings, nor the page's own id")
  func bareIDs() throws {
    let page = try Self.page("documents/QP-003.html")
    #expect(page.contains("form <a class=\"doc-ref\" href=\"F-001.html\">F-001</a> ("))
    #expect(page.contains("follow <a class=\"doc-ref\" href=\"QP-002.html\">QP-002</a>"))
    #expect(page.contains("<code>QP-002</code>"))
    #expect(page.contains("This procedure is QP-003."))
    #expect(!page.contains("href=\"QP-003.html\""))
    let html = BodyHTML.rewriteLinks(
      BodyHTML.render("## See QP-002\n\n[QP-002 here](https://example.com) and QP-0021 and XQP-002 and QP-002x\n"),
      links: DocumentLinks(effective: SiteRenderer.effectiveDocuments(of: Fixture.sample()), withdrawn: []),
      selfID: "QP-003", source: "procedures/QP-003.md")
    #expect(!html.contains("doc-ref"), "\(html)")
  }

  @Test("A link to a withdrawn or draft document is plain text with a note, never a dead link")
  func missingTargets() throws {
    let page = try Self.page("documents/QP-003.html")
    #expect(
      page.contains(
        "<span class=\"unlinked\">the old site diary</span> <span class=\"link-note\">(QP-009 is withdrawn)</span>"))
    #expect(
      page.contains(
        "<span class=\"unlinked\">the draft checklist</span> <span class=\"link-note\">(not in effect in this snapshot)</span>"
      ))
    #expect(!page.contains("QP-009.md"))
    #expect(!page.contains("QP-010-draft-checklist.md"))
    let links = DocumentLinks(effective: SiteRenderer.effectiveDocuments(of: Fixture.sample()), withdrawn: [])
    #expect(links.target(ofHref: "https://example.com/a.md", from: "a/b.md") == nil)
    #expect(links.target(ofHref: "#top", from: "a/b.md") == nil)
    #expect(links.target(ofHref: "images/guard.jpg", from: "a/b.md") == nil)
    #expect(links.target(ofHref: "../../../etc/x.md", from: "a/b.md") == .notInSnapshot)
    #expect(
      links.target(ofHref: "../forms/F-001-nonconformance-report.md?x=1#part", from: "procedures/QP-003.md")
        == .page(id: "F-001", href: "F-001.html"))
    #expect(
      links.target(ofHref: "./F%2D001-nonconformance-report.md", from: "forms/other.md")
        == .page(id: "F-001", href: "F-001.html"))
  }

  @Test("related: ids appear in a Related documents box, linked or with a note")
  func related() throws {
    let page = try Self.page("documents/QP-003.html")
    #expect(page.contains("<h2 id=\"related-heading\">Related documents</h2>"))
    #expect(
      page.contains("<li><a href=\"F-001.html\"><span class=\"doc-id\">F-001</span> Nonconformance report</a></li>"))
    #expect(
      page.contains("<span class=\"doc-id\">QP-009</span> Old site diary <span class=\"link-note\">(withdrawn)</span>"))
    #expect(
      page.contains(
        "<span class=\"doc-id\">QP-010</span> <span class=\"link-note\">(not in effect in this snapshot)</span>"))
    #expect(try !Self.page("documents/F-001.html").contains("Related documents"))
  }

  @Test("Each revision shows the date it first came into force, not the snapshot's date")
  func effectiveDates() throws {
    let page = try Self.page("documents/WI-001.html")
    #expect(page.contains("<dt>Effective</dt><dd><time datetime=\"2025-02-12\">2025-02-12</time>"))
    let index = try Self.page("index.html")
    #expect(index.contains("<td class=\"num\">3</td><td class=\"nowrap\">2025-02-12</td>"))
    // The change history gives every revision its own effective date.
    #expect(page.contains("<th scope=\"col\">Effective</th>"))
    var snapshot = Fixture.sample()
    snapshot.documents[0].history[0].effectiveDate = nil
    let unpublished = try #require(Fixture.text(SiteRenderer().render(snapshot), "documents/F-001.html"))
    #expect(unpublished.contains("Not published"))
  }

  @Test("A withdrawn document keeps a page: when, by whom, why and the last revision in force")
  func withdrawnPage() throws {
    let page = try Self.page("documents/QP-009.html")
    #expect(page.contains("<h1><span class=\"doc-id\">QP-009</span> Old site diary</h1>"))
    #expect(page.contains("<dt>Withdrawn on</dt><dd><time datetime=\"2025-03-14\">2025-03-14</time></dd>"))
    #expect(page.contains("<dt>Withdrawn by</dt><dd>Maria Lopez (quality), Tom Becker (owner)</dd>"))
    #expect(page.contains("<p class=\"withdrawal-reason\">Replaced by the daily pre-start meeting record.</p>"))
    #expect(page.contains("<p class=\"withdrawal-reason\">The paper diary is no longer kept.</p>"))
    #expect(page.contains("Revision 3, effective from <time datetime=\"2024-08-26\">2024-08-26</time>"))
    #expect(page.contains("Write the day's events in the diary."))
    #expect(page.contains("SHA256:7m1dTXi6cF4uKuH2vX0t6C3m9yq9u8o2bq8tGv7m3Xk"))
    let changes = try Self.page("changes.html")
    #expect(changes.contains("<a href=\"documents/QP-009.html\">"))
    #expect(!(try Self.page("index.html")).contains("QP-009"))
    let manifest = try Self.page("manifest.json")
    #expect(manifest.contains("\"documents/QP-009.html\""))
  }

  @Test("The change history names who wrote each revision beside who approved it")
  func authors() throws {
    let page = try Self.page("documents/QP-002.html")
    #expect(page.contains("<th scope=\"col\">Written by</th><th scope=\"col\">Approved by</th>"))
    #expect(page.contains("<td>Sam Writer</td>"))
  }

  @Test("Suggest a change: the link carries the id, revision and title percent-encoded; none when unset")
  func suggestChange() throws {
    let page = try Self.page("documents/QP-003.html")
    #expect(
      page.contains(
        "href=\"mailto:quality@acme-builders.example?subject=QP-003%20revision%201%3A%20Nonconformance%20and%20corrective%20action\""
      ))
    var snapshot = Fixture.sample()
    snapshot.suggestChange = nil
    let plain = try #require(Fixture.text(SiteRenderer().render(snapshot), "documents/QP-003.html"))
    #expect(!plain.contains("Suggest a change"))
    #expect(SuggestChange.url(template: "javascript:alert(1)", id: "A-1", revision: 1, title: "t") == nil)
    #expect(
      SuggestChange.url(template: "https://x.example/new?t={title}", id: "A-1", revision: 2, title: "a&b \"<c>\"")
        == "https://x.example/new?t=a%26b%20%22%3Cc%3E%22")
    snapshot.suggestChange = "https://x.example/new?t={title}"
    snapshot.documents[0].title = "Tom & \"Jerry\""
    let escaped = try #require(Fixture.text(SiteRenderer().render(snapshot), "documents/F-001.html"))
    #expect(escaped.contains("href=\"https://x.example/new?t=Tom%20%26%20%22Jerry%22\""))
  }

  @Test("The search index is a static script with every document's words, lowercased and each once")
  func searchIndex() throws {
    let script = try Self.page("assets/search-index.js")
    #expect(script.hasPrefix("// Generated by sop"))
    #expect(script.contains("window.sopSearchIndex = ["))
    #expect(script.contains("[\"WI-001\",\"documents/WI-001.html\",\"Concrete pour inspection\",\"work-instruction\","))
    #expect(script.contains("reinforcement"))
    #expect(
      SearchIndex.words(of: "The the THE form F-001, sign-off a Ärger “quoted”")
        == "the form 001 f-001 sign off sign-off ärger quoted")
    #expect(SearchIndex.quoted("</script>\"\\\u{2028}\n") == "\"\\u003c/script\\u003e\\\"\\\\\\u2028\\u000a\"")
    let index = try Self.page("index.html")
    #expect(
      index.contains(
        "<script src=\"assets/search-index.js\" defer></script>\n<script src=\"assets/search.js\" defer></script>"))
    #expect(index.contains("data-id=\"WI-001\""))
  }

  @Test("The index opens with search and the list; a document page with its text, then the signatures")
  func pageOrder() throws {
    let index = try Self.page("index.html")
    let search = try #require(index.range(of: "id=\"document-search\""))
    let list = try #require(index.range(of: "<section data-group"))
    let charts = try #require(index.range(of: "id=\"status-heading\""))
    #expect(search.lowerBound < list.lowerBound && list.lowerBound < charts.lowerBound)
    let page = try Self.page("documents/QP-002.html")
    let body = try #require(page.range(of: "class=\"doc-body\""))
    let signatures = try #require(page.range(of: "id=\"signatures-heading\""))
    #expect(body.lowerBound < signatures.lowerBound)
    // The body's "# Internal audit" repeats the title: the title is printed once.
    #expect(page.components(separatedBy: "Internal audit</h").count == 2)
    #expect(!page.contains(">Internal audit</h2>"))
    #expect(
      BodyHTML.withoutTitleHeading("# QP-002: Internal Audit\n\nText\n", id: "QP-002", title: "Internal audit")
        == "\nText\n")
    #expect(
      BodyHTML.withoutTitleHeading("# Scope\n\nText\n", id: "QP-002", title: "Internal audit") == "# Scope\n\nText\n")
  }

  @Test("Attachments are copied to files/<ID>/N-name, the body's links point at the copies, the manifest lists them")
  func attachments() throws {
    let copy = try #require(Self.files.first { $0.path == "files/WI-001/1-spacer-gauge.png" })
    #expect(copy.bytes == Fixture.photo)
    let page = try Self.page("documents/WI-001.html")
    #expect(page.contains("<img src=\"../files/WI-001/1-spacer-gauge.png\" alt=\"The spacer gauge on the bar\""))
    #expect(page.contains("<a href=\"../files/WI-001/1-spacer-gauge.png\">the gauge photo</a>"))
    #expect(!page.contains("images/spacer-gauge.png"))
    let manifest = try Self.page("manifest.json")
    #expect(manifest.components(separatedBy: "\"files/WI-001/1-spacer-gauge.png\"").count == 3)
    #expect(
      SitePaths.attachment(number: 2, of: "WI-001", path: "a/../.hidden photo?.jpg")
        == "files/WI-001/2--hidden-photo-.jpg")
    #expect(SitePaths.attachment(number: 1, of: "../x", path: "a.png") == nil)
  }
}
