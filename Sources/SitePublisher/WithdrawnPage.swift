import DocumentModel
import Foundation

/// The page a withdrawn document keeps: when and by whom it was withdrawn, why, and the last revision that
/// was in force, so a link or a bookmark to it still says what happened.
struct WithdrawnPage: Sendable {
  let layout: PageLayout
  let record: WithdrawnDocument
  /// Where links to other documents go.
  let links: DocumentLinks

  func render() -> String {
    let record = record
    let withdrawnOn = UTCDate(record.date).dayText
    let kind = record.type.isEmpty ? "Document" : PageLayout.singularLabel(forType: record.type)
    let main: Markup = """
      <p class="eyebrow">Withdrawn \(kind.lowercased())</p>
      <h1><span class="doc-id">\(record.id)</span> \(record.title)</h1>
      <p class="notice withdrawn-notice"><strong>Withdrawn.</strong> \(record.id) was withdrawn on <time datetime="\(withdrawnOn)">\(withdrawnOn)</time> and must not be used. This page is kept for the record.</p>
      <dl class="facts">
      <div><dt>Document</dt><dd>\(record.id)</dd></div>
      <div><dt>Status</dt><dd>Withdrawn</dd></div>
      <div><dt>Withdrawn on</dt><dd><time datetime="\(withdrawnOn)">\(withdrawnOn)</time></dd></div>
      <div><dt>Withdrawn by</dt><dd>\(withdrawnBy)</dd></div>
      <div><dt>Last revision in force</dt><dd>\(lastInForce)</dd></div>
      </dl>
      <section aria-labelledby="reason-heading">
      <h2 id="reason-heading">Reason</h2>
      \(reason)
      </section>
      <section aria-labelledby="signatures-heading">
      <h2 id="signatures-heading">Withdrawal signatures</h2>
      <p>The electronic signatures under which the withdrawal (revision \(record.revision), status obsolete) was approved.</p>
      \(DocumentPage.signatureTable(record.signatures, caption: "Signature manifestation for the withdrawal of \(record.id)"))
      </section>
      \(lastText)
      """
    return layout.page(
      title: "\(record.id) \(record.title) (withdrawn)", root: DocumentPage.root, section: .document,
      stamp: .withdrawn(id: record.id, date: UTCDate(record.date)), main: main)
  }

  private var withdrawnBy: Markup {
    guard !record.signatures.isEmpty else { return "<span class=\"muted\">None recorded</span>" }
    return Markup.join(record.signatures.map { "\($0.name) (\($0.role))" as Markup }, separator: ", ")
  }

  private var lastInForce: Markup {
    guard let revision = record.lastInForce else { return "<span class=\"muted\">None</span>" }
    guard let date = record.lastInForceEffective else { return "Revision \(revision)" }
    let day = UTCDate(date).dayText
    return "Revision \(revision), effective from <time datetime=\"\(day)\">\(day)</time>"
  }

  private var reason: Markup {
    let paragraphs = record.reason.components(separatedBy: "\n\n")
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    guard !paragraphs.isEmpty else { return "<p class=\"muted\">No reason was recorded.</p>" }
    return Markup.join(paragraphs.map { "<p class=\"withdrawal-reason\">\($0)</p>" as Markup }, separator: "\n")
  }

  private var lastText: Markup {
    guard let markdown = record.lastInForceMarkdown, let revision = record.lastInForce else { return "" }
    let body = BodyHTML.rewriteLinks(
      BodyHTML.renderBody(markdown, id: record.id, title: record.title),
      links: links, selfID: record.id, source: record.path)
    return """
      <section aria-labelledby="last-text-heading">
      <h2 id="last-text-heading">Text of revision \(revision), the last in force</h2>
      <details class="withdrawn-text">
      <summary>Show the withdrawn text (for the record only; do not use)</summary>
      <div class="doc-body">
      \(Markup.trusted(body))
      </div>
      </details>
      </section>
      """
  }
}
