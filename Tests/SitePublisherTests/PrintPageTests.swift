import Foundation
import Testing

@testable import SitePublisher

@Suite("The master list as CSV, and the print pages")
struct PrintPageTests {
  @Test(
    "CSV fields: plain text as is, RFC 4180 quoting, formula-like cells made inert",
    arguments: [
      ("QP-001", "QP-001"),
      ("", ""),
      ("Handling, storage", "\"Handling, storage\""),
      ("The \"Big\" one", "\"The \"\"Big\"\" one\""),
      ("two\nlines", "\"two\nlines\""),
      ("cr\r\nlf", "\"cr\r\nlf\""),
      ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
      ("+1", "'+1"),
      ("-2+3", "'-2+3"),
      ("@SUM(A1)", "'@SUM(A1)"),
      ("\tcmd", "'\tcmd"),
      ("a=b", "a=b"),
      ("Ünïcode – dash", "Ünïcode – dash"),
    ])
  func csvField(input: String, expected: String) {
    #expect(MasterList.csvField(input) == expected)
  }

  @Test("The master list: header, CRLF line ends, effective then withdrawn rows, dates in UTC")
  func masterListCSV() {
    let snapshot = Fixture.sample()
    let since = ["QP-002": Fixture.effectiveDate.addingTimeInterval(-30 * Fixture.day)]
    let rows = MasterList.rows(of: snapshot, effectiveSince: since)
    #expect(rows.map(\.id) == ["F-001", "POL-001", "QP-002", "QP-003", "WI-001", "QP-009"])
    let csv = MasterList.csv(rows)
    let lines = csv.components(separatedBy: "\r\n")
    #expect(lines.count == rows.count + 2 && lines.last == "")
    #expect(lines[0] == "ID,Title,Type,Revision,Effective date,Approvers,Next review,State")
    #expect(
      lines[3]
        == "QP-002,Internal audit,procedure,2,2025-02-12,Maria Lopez (quality); Tom Becker (owner),2025-04-28,effective"
    )
    #expect(lines[2].hasPrefix("POL-001,\"Quality, health and safety policy\",policy,2,2025-03-14,"))
    #expect(lines[2].hasSuffix(",,effective"))
    #expect(lines[6] == "QP-009,Old site diary,,4,2025-03-14,,,withdrawn")
  }

  @Test("A hostile title stays inside its CSV cell and its CSS string")
  func hostileTitle() {
    let title = "=cmd|' /C calc'!A0\", \"x\"; } body { display: none } /*\n"
    var snapshot = Fixture.sample()
    snapshot.documents[0].title = title
    let csv = MasterList.csv(MasterList.rows(of: snapshot, effectiveSince: [:]))
    #expect(csv.contains("F-001,\"'=cmd|' /C calc'!A0\"\", \"\"x\"\"; } body { display: none } /*\n\","))
    let css = PrintRenderer.cssString(title)
    #expect(css == "\"=cmd|' /C calc'!A0\\\", \\\"x\\\"; } body { display: none } /*\\a \"")
  }

  @Test("Print pages: the published page with the print stylesheet and a signature page; the site is unchanged")
  func printPages() throws {
    let snapshot = Fixture.sample()
    let site = SiteRenderer().render(snapshot)
    let rows = MasterList.rows(of: snapshot, effectiveSince: [:])
    let printSet = PrintRenderer(paper: .letter).render(snapshot, documents: ["QP-002"], masterList: rows)
    #expect(printSet.jobs.map(\.output) == ["QP-002-r2.pdf", "changes.pdf", "master-list.pdf"])
    for file in site { #expect(printSet.files.contains(file), "\(file.path) is the published file") }
    let published = try #require(Fixture.text(site, "documents/QP-002.html"))
    let page = try #require(Fixture.text(printSet.files, "documents/QP-002.print.html"))
    #expect(page.contains("<link rel=\"stylesheet\" href=\"../assets/print-QP-002.css\">\n</head>"))
    #expect(page.contains("<h2 id=\"signature-page-heading\">Signature page</h2>"))
    #expect(page.hasPrefix(String(published.prefix(upTo: try #require(published.range(of: "</head>")).lowerBound))))
    let css = try #require(Fixture.text(printSet.files, "assets/print-QP-002.css"))
    #expect(css.contains("size: letter;") && css.contains("\"QP-002 Internal audit\""))
    #expect(css.contains("\"Revision 2 · published/3\"") && css.contains("counter(pages)"))
    #expect(css.contains("Uncontrolled when printed"))
    let list = try #require(Fixture.text(printSet.files, "master-list.print.html"))
    #expect(list.contains("<h1>Master document list</h1>") && list.contains("Old site diary"))
  }

  @Test("Print pages keep no link into the print folder, whatever attributes come before href")
  func noLocalLinks() {
    let html = """
      <p>see <a class="doc-ref" href="QP-002.html">QP-002</a>, <a href="../index.html">home</a>, \
      <a href="#scope">scope</a>, <a rel="external" href="https://example.com/x">x</a>, \
      <a title="a &gt; b" href="F-001.html">F-001</a>, <a id="top">top</a></p>
      """
    let printed = PrintRenderer.withoutLocalLinks(html)
    #expect(
      printed == """
        <p>see <a class="doc-ref">QP-002</a>, <a>home</a>, \
        <a href="#scope">scope</a>, <a rel="external" href="https://example.com/x">x</a>, \
        <a title="a &gt; b">F-001</a>, <a id="top">top</a></p>
        """)
  }

  @Test("A printout folder has its own marker: a site is not replaced by printouts, nor printouts by a site")
  func printoutMarker() throws {
    let parent = try Fixture.temporaryFolder()
    let site = parent.appendingPathComponent("site")
    let pdf = parent.appendingPathComponent("pdf")
    let files = [SiteFile(path: "QP-001-r1.pdf", bytes: Array("%PDF-1.4".utf8))]
    try SiteWriter().write(files, to: site)
    try SiteWriter(marker: .printouts).write(files, to: pdf)
    #expect(FileManager.default.fileExists(atPath: pdf.appendingPathComponent(".sop-pdf").path))
    #expect(!FileManager.default.fileExists(atPath: pdf.appendingPathComponent(".sop-site").path))
    #expect(throws: SiteWriteError.notSopOutput(path: site.path, marker: ".sop-pdf")) {
      try SiteWriter(marker: .printouts).checkTarget(site)
    }
    #expect(throws: SiteWriteError.notAnSopSite(path: pdf.path)) { try SiteWriter().write(files, to: pdf) }
    let again = [SiteFile(path: "QP-001-r2.pdf", bytes: Array("%PDF-1.4".utf8))]
    try SiteWriter(marker: .printouts).write(again, to: pdf)
    #expect(try FileManager.default.contentsOfDirectory(atPath: pdf.path).sorted() == [".sop-pdf", "QP-001-r2.pdf"])
  }
}
