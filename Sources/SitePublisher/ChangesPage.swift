import DocumentModel

/// What changed since the previous snapshot, and every withdrawn document.
struct ChangesPage: Sendable {
  let layout: PageLayout
  /// Effective documents by id, with their page paths.
  let pages: [String: (document: SiteDocument, page: String?)]
  /// The pages of withdrawn documents by id.
  let withdrawnPages: [String: String]

  func render() -> String {
    let snapshot = layout.snapshot
    let since: Markup =
      snapshot.previousTag.map {
        "Changes from snapshot \($0) to snapshot \(snapshot.tag), effective \(layout.effective.dayText)."
      }
      ?? "\(snapshot.tag) is the first published snapshot, effective \(layout.effective.dayText); every document in it is new."
    let withdrawnSince = snapshot.previousTag.map { "Withdrawn since \($0)" } ?? "Withdrawn"
    let main: Markup = """
      <h1>Changes in \(snapshot.tag)</h1>
      <p class="lead">\(since)</p>
      <section aria-labelledby="added-heading">
      <h2 id="added-heading">New documents <span class="muted">(\(snapshot.changes.added.count))</span></h2>
      \(effectiveList(snapshot.changes.added, isRevision: false))
      </section>
      <section aria-labelledby="revised-heading">
      <h2 id="revised-heading">Revised documents <span class="muted">(\(snapshot.changes.revised.count))</span></h2>
      \(effectiveList(snapshot.changes.revised, isRevision: true))
      </section>
      <section aria-labelledby="withdrawn-since-heading">
      <h2 id="withdrawn-since-heading">\(withdrawnSince) <span class="muted">(\(snapshot.changes.withdrawn.count))</span></h2>
      \(withdrawnList(snapshot.changes.withdrawn))
      </section>
      <section aria-labelledby="withdrawn-heading">
      <h2 id="withdrawn-heading">All withdrawn documents <span class="muted">(\(snapshot.withdrawn.count))</span></h2>
      <p>These documents are withdrawn and must not be used. They are kept in git history for the record.</p>
      \(withdrawnTable)
      </section>
      """
    return layout.page(title: "Changes in \(snapshot.tag)", root: "", section: .changes, main: main)
  }

  private func effectiveList(_ ids: [String], isRevision: Bool) -> Markup {
    guard !ids.isEmpty else { return "<p>None.</p>" }
    let items = ids.sorted(by: DocumentOrder.areInIncreasingOrder).map { id -> Markup in
      guard let entry = pages[id] else {
        return
          "<li><span class=\"doc-id\">\(id)</span> <span class=\"muted\">(not in effect in this snapshot)</span></li>"
      }
      let document = entry.document
      let label: Markup = "<span class=\"doc-id\">\(id)</span> \(document.title)"
      let linked: Markup = entry.page.map { "<a href=\"\($0)\">\(label)</a>" } ?? label
      let detail: Markup =
        isRevision
        ? "revision \(document.revision)\(document.previousRevision.map { " (was revision \($0))" } ?? "")"
        : "revision \(document.revision)"
      return "<li>\(linked), \(detail)</li>"
    }
    return "<ul class=\"change-list\">\n\(Markup.join(items, separator: "\n"))\n</ul>"
  }

  private func withdrawnList(_ ids: [String]) -> Markup {
    guard !ids.isEmpty else { return "<p>None.</p>" }
    let records = Dictionary(layout.snapshot.withdrawn.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let items = ids.sorted(by: DocumentOrder.areInIncreasingOrder).map { id -> Markup in
      guard let record = records[id] else {
        return "<li><span class=\"doc-id\">\(id)</span> — withdrawn</li>"
      }
      return """
        <li>\(label(record)) — withdrawn on <time datetime="\(UTCDate(record.date).dayText)">\(UTCDate(record.date).dayText)</time>\(lastRevision(record))</li>
        """
    }
    return "<ul class=\"change-list\">\n\(Markup.join(items, separator: "\n"))\n</ul>"
  }

  /// The id and title, linked to the withdrawn page when there is one.
  private func label(_ record: WithdrawnDocument) -> Markup {
    let label: Markup = "<span class=\"doc-id\">\(record.id)</span> \(record.title)"
    return withdrawnPages[record.id].map { "<a href=\"\($0)\">\(label)</a>" } ?? label
  }

  /// The title, linked to the withdrawn page when there is one.
  private func link(_ record: WithdrawnDocument) -> Markup {
    withdrawnPages[record.id].map { "<a href=\"\($0)\">\(record.title)</a>" } ?? "\(record.title)"
  }

  private func lastRevision(_ record: WithdrawnDocument) -> Markup {
    record.lastInForce.map { ", last revision in force \($0)" } ?? ""
  }

  private var withdrawnTable: Markup {
    let records = layout.snapshot.withdrawn.sorted { DocumentOrder.areInIncreasingOrder($0.id, $1.id) }
    guard !records.isEmpty else { return "<p>No documents have been withdrawn.</p>" }
    let rows = records.map { record -> Markup in
      let date = UTCDate(record.date).dayText
      return """
        <tr><th scope="row">\(record.id)</th><td>\(link(record))</td><td class="num">\(record.lastInForce.map(String.init) ?? "—")</td><td class="nowrap"><time datetime="\(date)">\(date)</time></td><td>Withdrawn</td></tr>
        """
    }
    return PageLayout.scrollingTable(
      label: "Withdrawn documents",
      """
      <table>
      <thead>
      <tr><th scope="col">ID</th><th scope="col">Title</th><th scope="col" class="num">Last revision in force</th><th scope="col">Withdrawn on</th><th scope="col">Status</th></tr>
      </thead>
      <tbody>
      \(Markup.join(rows, separator: "\n"))
      </tbody>
      </table>
      """)
  }
}
