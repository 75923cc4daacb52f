import DocumentModel

/// One document's page: header block, signature manifestation, body, change history and redline.
struct DocumentPage: Sendable {
  let layout: PageLayout
  let document: SiteDocument
  /// Where links to other documents go.
  let links: DocumentLinks
  /// The copied attachments: repository path to href from this page.
  var attachments: [String: String] = [:]

  static let root = "../"

  /// When this revision came into force: the first snapshot that carried it.
  var effective: UTCDate { document.effectiveDate.map(UTCDate.init) ?? layout.effective }

  func render() -> String {
    let document = document
    let title = "\(document.id) \(document.title)"
    let body = BodyHTML.rewriteLinks(
      BodyHTML.renderBody(document.markdown, id: document.id, title: document.title),
      links: links, selfID: document.id, source: document.path, attachments: attachments)
    let main: Markup = """
      <p class="eyebrow">\(PageLayout.singularLabel(forType: document.type))</p>
      <h1><span class="doc-id">\(document.id)</span> \(document.title)</h1>
      \(facts)\(suggestChange)\(relatedBox)
      <section class="doc-body" aria-label="Document text">
      \(Markup.trusted(body))
      </section>
      <section aria-labelledby="signatures-heading">
      <h2 id="signatures-heading">Approval signatures</h2>
      <p>The electronic signatures under which revision \(document.revision) was approved. Each one is a signed git commit; the key fingerprint identifies the signer's key.</p>
      \(Self.signatureTable(document.signatures, caption: "Signature manifestation for revision \(document.revision)"))
      </section>
      <section aria-labelledby="history-heading">
      <h2 id="history-heading">Change history</h2>
      \(historyTable)
      \(redlineSection)
      </section>
      """
    return layout.page(
      title: title, root: Self.root, section: .document,
      stamp: .revision(id: document.id, revision: document.revision, effective: effective), main: main)
  }

  /// "Suggest a change", when `sop.yml` names where suggestions go.
  private var suggestChange: Markup {
    guard let template = layout.snapshot.suggestChange,
      let url = SuggestChange.url(
        template: template, id: document.id, revision: document.revision, title: document.title)
    else { return "" }
    return
      "\n<p class=\"doc-actions\"><a class=\"suggest-change\" href=\"\(url)\" rel=\"noopener\">Suggest a change to \(document.id)</a></p>"
  }

  /// The documents named in `related:`, each linked to its page or shown as not in effect.
  private var relatedBox: Markup {
    guard !document.related.isEmpty else { return "" }
    let items = document.related.map { id -> Markup in
      if let entry = links.effective[id] {
        let label: Markup = "<span class=\"doc-id\">\(id)</span> \(entry.title)"
        return "<li>\(entry.href.map { "<a href=\"\($0)\">\(label)</a>" as Markup } ?? label)</li>"
      }
      if let title = links.withdrawn[id] {
        return
          "<li><span class=\"doc-id\">\(id)</span> \(title) <span class=\"link-note\">(withdrawn)</span></li>"
      }
      return
        "<li><span class=\"doc-id\">\(id)</span> <span class=\"link-note\">(not in effect in this snapshot)</span></li>"
    }
    return """

      <aside class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related documents</h2>
      <ul>
      \(Markup.join(items, separator: "\n"))
      </ul>
      </aside>
      """
  }

  /// "3 of 4 people current": how many of the people who must know it are trained on this revision.
  private var trainingFact: Markup {
    guard let count = layout.snapshot.training?.currentCount(of: document.id) else { return "" }
    let people: Markup = count.total == 1 ? "person" : "people"
    let link: Markup =
      "<a href=\"\(Self.root)\(SitePaths.training)\">\(count.current) of \(count.total) \(people) current</a>"
    return "\n<div><dt>Training</dt><dd>\(link)</dd></div>"
  }

  private var facts: Markup {
    let nextReview: Markup
    if let date = document.nextReview {
      let review = UTCDate(date)
      let overdue: Markup =
        date < layout.snapshot.effectiveDate ? " <span class=\"badge\">Overdue</span>" : ""
      nextReview = "<time datetime=\"\(review.dayText)\">\(review.dayText)</time>\(overdue)"
    } else {
      nextReview = "Not scheduled"
    }
    return """
      <dl class="facts">
      <div><dt>Document</dt><dd>\(document.id)</dd></div>
      <div><dt>Revision</dt><dd>\(document.revision)</dd></div>
      <div><dt>Effective</dt><dd><time datetime="\(effective.dayText)">\(effective.dayText)</time></dd></div>
      <div><dt>Owner</dt><dd>\(document.ownerName)</dd></div>
      <div><dt>Next review</dt><dd>\(nextReview)</dd></div>\(trainingFact)
      <div><dt>Source</dt><dd><code>\(document.path)</code> · blob <code>\(String(document.blob.prefix(12)))</code></dd></div>
      </dl>
      """
  }

  /// The signature manifestation: printed name, role, date and time, meaning, key and commit of each signer.
  static func signatureTable(_ signers: [Signer], caption: Markup) -> Markup {
    guard !signers.isEmpty else {
      return "<p class=\"notice\">No approval signatures are recorded for this revision.</p>"
    }
    let rows = signers.map { signer -> Markup in
      let time = UTCDate(signer.time)
      return """
        <tr>
        <th scope="row">\(signer.name)<br><span class="muted">\(signer.email)</span></th>
        <td>\(signer.role)</td>
        <td class="nowrap"><time datetime="\(time.isoText)">\(time.dateTimeText)</time></td>
        <td>\(signer.meaning)\(signer.comment.map { "<br><q>\($0)</q>" as Markup } ?? "")</td>
        <td class="fingerprint"><code>\(signer.fingerprint)</code></td>
        <td class="commit"><code>\(signer.commit)</code></td>
        </tr>
        """
    }
    return PageLayout.scrollingTable(
      label: "Approval signatures",
      """
      <table>
      <caption class="visually-hidden">\(caption)</caption>
      <thead>
      <tr><th scope="col">Printed name</th><th scope="col">Role</th><th scope="col">Date and time (UTC)</th><th scope="col">Meaning</th><th scope="col">Key fingerprint</th><th scope="col">Commit</th></tr>
      </thead>
      <tbody>
      \(Markup.join(rows, separator: "\n"))
      </tbody>
      </table>
      """)
  }

  private var historyTable: Markup {
    let records = document.history.sorted { $0.revision > $1.revision }
    guard !records.isEmpty else {
      return "<p>No earlier revisions are recorded.</p>"
    }
    let rows = records.map { record -> Markup in
      let date = UTCDate(record.date)
      let approvers: Markup =
        record.signatures.isEmpty
        ? "<span class=\"muted\">None recorded</span>"
        : Markup.join(
          record.signatures.map {
            "\($0.name) (\($0.role)), \($0.meaning.lowercased()) \(UTCDate($0.time).dateTimeText)"
          },
          separator: "<br>")
      let authors: Markup =
        record.authors.isEmpty
        ? "<span class=\"muted\">None recorded</span>"
        : Markup.join(record.authors.map { "\($0)" as Markup }, separator: "<br>")
      let effective: Markup =
        record.effectiveDate.map {
          let day = UTCDate($0).dayText
          return "<time datetime=\"\(day)\">\(day)</time>"
        } ?? "<span class=\"muted\">Not published</span>"
      let subjects: Markup =
        record.changeSubjects.isEmpty
        ? "<span class=\"muted\">No change commits recorded</span>"
        : "<ul class=\"history-subjects\">\(record.changeSubjects.map { "<li>\($0)</li>" as Markup })</ul>"
      var current: Markup = record.revision == document.revision ? " <span class=\"muted\">(this revision)</span>" : ""
      if let words = record.editorialWords {
        current = "\(current) <span class=\"muted\">(editorial change, \(words) word\(words == 1 ? "" : "s"))</span>"
      }
      return """
        <tr>
        <th scope="row" class="num">\(record.revision)\(current)</th>
        <td class="nowrap">\(effective)</td>
        <td class="nowrap"><time datetime="\(date.dayText)">\(date.dayText)</time></td>
        <td>\(authors)</td>
        <td>\(approvers)</td>
        <td>\(subjects)</td>
        </tr>
        """
    }
    return PageLayout.scrollingTable(
      label: "Change history",
      """
      <table>
      <caption class="visually-hidden">Published revisions of \(document.id), newest first</caption>
      <thead>
      <tr><th scope="col">Revision</th><th scope="col">Effective</th><th scope="col">Approved</th><th scope="col">Written by</th><th scope="col">Approved by</th><th scope="col">Changes</th></tr>
      </thead>
      <tbody>
      \(Markup.join(rows, separator: "\n"))
      </tbody>
      </table>
      """)
  }

  private var redlineSection: Markup {
    guard let previous = document.previousMarkdown else {
      let hasEarlier = document.revision > 1 || document.history.contains { $0.revision < document.revision }
      let reason: Markup =
        hasEarlier
        ? "The text of the previously published revision of \(document.id) is not part of this snapshot, so no redline is shown; the change history above lists every revision."
        : "Revision \(document.revision) is the first published revision of \(document.id), so there is no earlier published revision to compare it with."
      return """
        <h3 id="redline-heading">Redline</h3>
        <p>\(reason)</p>
        """
    }
    let previousName = document.previousRevision.map { "revision \($0)" } ?? "the previous published revision"
    let redline = Redline.compare(old: previous, new: document.markdown)
    guard redline.hasChanges else {
      return """
        <h3 id="redline-heading">Redline: revision \(document.revision) against \(previousName)</h3>
        <p>The text of revision \(document.revision) is the same as \(previousName); only its details or approvals changed.</p>
        """
    }
    let method: Markup =
      redline.isWordLevel
      ? ""
      : " Some passages changed too much to compare word by word and are shown whole, old then new."
    return """
      <div class="redline-section">
      <h3 id="redline-heading">Redline: revision \(document.revision) against \(previousName)</h3>
      <p class="redline-summary">\(Self.count(redline.insertedWords, "word")) inserted, \(Self.count(redline.deletedWords, "word")) deleted. Inserted text is <ins>underlined</ins> and deleted text is <del>struck through</del>.\(method)</p>
      <div class="redline">
      \(RedlineHTML.render(redline))
      </div>
      </div>
      """
  }

  static func count(_ value: Int, _ noun: String) -> String { counted(value, noun) }
}

extension PageLayout {
  /// A type name such as `work-instruction` as a label: "Work instruction".
  static func singularLabel(forType type: String) -> String {
    let words = type.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    guard let first = words.first else { return "Document" }
    return first.uppercased() + words.dropFirst()
  }
}
