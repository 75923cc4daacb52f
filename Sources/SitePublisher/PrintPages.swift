import DocumentModel

/// The paper a printout is laid out for.
public enum Paper: String, Codable, Sendable, CaseIterable {
  case a4
  case letter

  /// The CSS `@page` size keyword.
  var cssSize: String { self == .a4 ? "A4" : "letter" }
}

/// One page to print: an HTML file in the print folder and the PDF file it becomes.
public struct PrintJob: Sendable, Equatable {
  /// The page's path inside the print folder, e.g. `documents/QP-001.print.html`.
  public var page: String
  /// The PDF's file name, e.g. `QP-001-r2.pdf`.
  public var output: String
}

/// The folder a PDF engine prints from (the published site plus print pages) and what to print.
public struct PrintSet: Sendable {
  /// Every file of the print folder.
  public var files: [SiteFile]
  /// The pages to print, in output-name order.
  public var jobs: [PrintJob]
}

/// Builds print pages from the published pages of a snapshot: each document page as the site renders it,
/// with a print stylesheet (running header and footer on every page) and a final signature page.
///
/// The published site's own files are not changed: the print pages are copies beside them in a separate
/// folder, so `sop render` stays byte-identical with `sop publish`.
public struct PrintRenderer: Sendable {
  /// The paper size.
  public var paper: Paper

  /// Creates a renderer for `paper`.
  public init(paper: Paper) {
    self.paper = paper
  }

  /// The print folder for `snapshot`: a page per document in `ids` (every effective document when nil), and
  /// with `masterList` the audit pack's master list and changes pages.
  public func render(_ snapshot: SiteSnapshot, documents ids: [String]?, masterList: [MasterListRow]?) -> PrintSet {
    let site = SiteRenderer().render(snapshot)
    let pages = Dictionary(site.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    let layout = PageLayout(snapshot: snapshot)
    let wanted = ids.map(Set.init)
    var files = site
    var jobs: [PrintJob] = []
    for entry in SiteRenderer.effectiveDocuments(of: snapshot) {
      let document = entry.document
      guard let path = entry.page, wanted?.contains(document.id) ?? true, let published = pages[path] else {
        continue
      }
      let running = RunningText(
        topLeft: "\(document.id) \(document.title)", topRight: "Revision \(document.revision) · \(snapshot.tag)",
        tag: snapshot.tag)
      let stem = "\(document.id).print"
      files += printPage(
        published: published, at: "documents/\(stem).html", root: DocumentPage.root, running: running,
        stylesheet: "print-\(document.id).css",
        appendix: SignaturePage(layout: layout, document: document).render())
      jobs.append(PrintJob(page: "documents/\(stem).html", output: "\(document.id)-r\(document.revision).pdf"))
    }
    if let masterList, let changes = pages[SitePaths.changes] {
      let listPage = Array(MasterListPage(layout: layout, rows: masterList).render().utf8)
      files += printPage(
        published: listPage, at: "master-list.print.html", root: "",
        running: RunningText(topLeft: "Master document list", topRight: snapshot.tag, tag: snapshot.tag),
        stylesheet: "print-master-list.css", appendix: "")
      files += printPage(
        published: changes, at: "changes.print.html", root: "",
        running: RunningText(topLeft: "Changes in \(snapshot.tag)", topRight: snapshot.tag, tag: snapshot.tag),
        stylesheet: "print-changes.css", appendix: "")
      jobs += [
        PrintJob(page: "master-list.print.html", output: "master-list.pdf"),
        PrintJob(page: "changes.print.html", output: "changes.pdf"),
      ]
    }
    return PrintSet(files: files.sorted { $0.path < $1.path }, jobs: jobs.sorted { $0.output < $1.output })
  }

  /// The header and footer text of every printed page.
  struct RunningText {
    var topLeft: String
    var topRight: String
    /// The snapshot tag the footer tells the reader to check.
    var tag: String
  }

  /// A published page with the print stylesheet linked last (so it wins) and `appendix` as its last content,
  /// plus that stylesheet. The page keeps its Content-Security-Policy: the stylesheet is a file of its own.
  private func printPage(
    published: [UInt8], at path: String, root: String, running: RunningText, stylesheet: String, appendix: Markup
  ) -> [SiteFile] {
    var html = Self.withoutLocalLinks(String(decoding: published, as: UTF8.self))
    // Our pages write `</head>` and `</body>` once each, on lines of their own; document text is escaped, so
    // it cannot contain either.
    if let head = html.range(of: "\n</head>\n") {
      html.replaceSubrange(head, with: "\n<link rel=\"stylesheet\" href=\"\(root)assets/\(stylesheet)\">\n</head>\n")
    }
    if let body = html.range(of: "\n</body>\n", options: .backwards) {
      html.replaceSubrange(body, with: "\n\(appendix.text)\n</body>\n")
    }
    return [
      SiteFile(path: path, bytes: Array(html.utf8)),
      SiteFile(path: "assets/\(stylesheet)", bytes: Array(printStylesheet(running).utf8)),
    ]
  }

  /// `html` with the targets of links inside the site removed: in a PDF they would point into the temporary
  /// folder it was printed from, which differs on every run (so the same snapshot would not give the same bytes)
  /// and exists on no reader's computer. Every `<a …>` tag is looked at, whatever attributes come before `href`
  /// (a reference to another document is `<a class="doc-ref" href="QP-002.html">`, which a check of `<a href="`
  /// alone missed). Links with a scheme (`https:`, `mailto:`) and fragments stay. Our pages escape `"` and `>`
  /// inside attribute values, so the value ends at the next quote and the tag at the next `>`.
  static func withoutLocalLinks(_ html: String) -> String {
    var result = ""
    var rest = html[...]
    while let start = rest.range(of: "<a ") {
      result += rest[..<start.lowerBound]
      guard let close = rest[start.lowerBound...].firstIndex(of: ">") else {
        rest = rest[start.lowerBound...]
        break
      }
      var tag = rest[start.lowerBound...close]
      if let attribute = tag.range(of: " href=\""),
        let end = tag[attribute.upperBound...].firstIndex(of: "\""),
        case let target = tag[attribute.upperBound..<end], !target.contains(":"), !target.hasPrefix("#")
      {
        tag = tag[..<attribute.lowerBound] + tag[tag.index(after: end)...]
      }
      result += tag
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }

  /// The running header (id, title; revision, snapshot) and footer ("Uncontrolled when printed"; page N of
  /// M) as CSS page-margin boxes, which Chromium repeats on every page.
  func printStylesheet(_ running: RunningText) -> String {
    let notice = "Uncontrolled when printed — check \(running.tag) before use"
    return """
      @charset "utf-8";
      /* Generated by sop pdf. Page-margin boxes repeat on every printed page. */
      @page {
        size: \(paper.cssSize);
        margin: 20mm 14mm 20mm;
        @top-left { content: \(Self.cssString(running.topLeft)); font: 8pt sans-serif; color: #000000; vertical-align: bottom; }
        @top-right { content: \(Self.cssString(running.topRight)); font: 8pt sans-serif; color: #000000; vertical-align: bottom; }
        @bottom-left { content: \(Self.cssString(notice)); font: 8pt sans-serif; color: #000000; vertical-align: top; }
        @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #000000; vertical-align: top; }
      }
      @media print {
        body { padding-bottom: 0; }
        .print-notice { display: none !important; }
        .print-signature-page { break-before: page; }
        .print-signature { margin: 0 0 5mm; font-size: 9pt; break-inside: avoid; }
        .print-signature caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
        .print-signature th { width: 38mm; white-space: nowrap; }
        .master-list .keep { white-space: nowrap; }
      }

      """
  }

  /// `text` as a CSS string literal: quotes, backslashes and control characters escaped, so a title cannot end
  /// the string or the rule.
  static func cssString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"", "\\": result += "\\" + String(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        result += "\\" + String(scalar.value, radix: 16) + " "
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}

/// The last page of a printed document: every approval signature of the printed revision (21 CFR 11.50).
struct SignaturePage: Sendable {
  let layout: PageLayout
  let document: SiteDocument

  func render() -> Markup {
    // One block per signature, label beside value, so the 40-digit commit and the fingerprint each fit on
    // one line and a reader (or pdftotext) finds them whole.
    let blocks = document.signatures.enumerated().map { index, signer -> Markup in
      let comment: Markup = signer.comment.map { " — <q>\($0)</q>" as Markup } ?? ""
      return """
        <table class="print-signature">
        <caption>Signature \(index + 1) of \(document.signatures.count)</caption>
        <tbody>
        <tr><th scope="row">Printed name</th><td>\(signer.name) (\(signer.email))</td></tr>
        <tr><th scope="row">Role</th><td>\(signer.role)</td></tr>
        <tr><th scope="row">Date and time (UTC)</th><td>\(UTCDate(signer.time).dateTimeText)</td></tr>
        <tr><th scope="row">Meaning</th><td>\(signer.meaning)\(comment)</td></tr>
        <tr><th scope="row">Key fingerprint</th><td><code>\(signer.fingerprint)</code></td></tr>
        <tr><th scope="row">Signature commit</th><td><code>\(signer.commit)</code></td></tr>
        </tbody>
        </table>
        """
    }
    let table: Markup =
      blocks.isEmpty
      ? "<p class=\"notice\">No approval signatures are recorded for this revision.</p>"
      : Markup.join(blocks, separator: "\n")
    return """
      <section class="wrap print-signature-page" aria-labelledby="signature-page-heading">
      <h2 id="signature-page-heading">Signature page</h2>
      <p>\(document.id) \(document.title), revision \(document.revision), as published in \(layout.snapshot.tag) (commit <code>\(layout.snapshot.commit)</code>), effective \(layout.effective.dayText). Each approval below is an SSH-signed git commit; <code>sop verify</code> checks them.</p>
      \(table)
      <p>\(layout.uncontrolledNotice).</p>
      </section>
      """
  }
}
