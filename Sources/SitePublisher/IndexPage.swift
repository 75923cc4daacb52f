import DocumentModel

/// The site's front page: status charts and the effective documents grouped by type, with a search box.
struct IndexPage: Sendable {
  let layout: PageLayout
  /// The effective documents in display order, each with its page path (nil when its id is unsafe).
  let documents: [(document: SiteDocument, page: String?)]

  func render() -> String {
    let snapshot = layout.snapshot
    let main: Markup = """
      <h1>Controlled documents</h1>
      <p class="lead">The documents in effect at \(snapshot.organisation) from \(layout.effective.dayText), as published in snapshot \(snapshot.tag). <a href="\(SitePaths.changes)">What changed in \(snapshot.tag)</a>\(previousNote).</p>
      <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents</h2>
      <form id="document-search" class="search" role="search" hidden>
      <label for="document-search-input">Search documents</label>
      <input id="document-search-input" type="search" name="q" autocomplete="off" spellcheck="false" placeholder="Words, id, title or owner">
      <p id="document-search-status" class="search-status" role="status" aria-live="polite"></p>
      </form>
      \(groups)
      </section>
      \(statusSection)
      <section aria-labelledby="snapshot-heading">
      <h2 id="snapshot-heading">Snapshot</h2>
      <dl class="facts">
      <div><dt>Organisation</dt><dd>\(snapshot.organisation)</dd></div>
      <div><dt>Snapshot</dt><dd>\(snapshot.tag)</dd></div>
      <div><dt>Commit</dt><dd><code>\(snapshot.commit)</code></dd></div>
      <div><dt>Effective</dt><dd><time datetime="\(layout.effective.isoText)">\(layout.effective.dateTimeText)</time></dd></div>
      <div><dt>Published by</dt><dd>\(snapshot.publisher.name) (\(snapshot.publisher.role))</dd></div>
      <div><dt>Documents in effect</dt><dd>\(documents.count)</dd></div>
      </dl>
      </section>
      """
    return layout.page(
      title: "Controlled documents (\(snapshot.tag))", root: "", section: .documents, hasSearch: true,
      main: main)
  }

  private var previousNote: Markup {
    guard let previous = layout.snapshot.previousTag else { return " (the first published snapshot)" }
    return " (since \(previous))"
  }

  private var statusSection: Markup {
    let snapshot = layout.snapshot
    var overdue = 0
    var upcoming: [UTCDate] = []
    for (document, _) in documents {
      guard let review = document.nextReview else { continue }
      if review < snapshot.effectiveDate {
        overdue += 1
      } else {
        upcoming.append(UTCDate(review))
      }
    }
    let states = StatusChart.svg(
      id: "chart-states", title: "Documents by state",
      bars: StatusChart.stateBars(snapshot.stateCounts), barWidth: 56, gap: 28)
    let reviews = StatusChart.svg(
      id: "chart-reviews", title: "Reviews due in the next 12 months",
      bars: StatusChart.reviewBars(nextReviews: upcoming, overdue: overdue, from: layout.effective),
      barWidth: 30, gap: 10)
    return """
      <section aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      <div class="status-charts">
      <figure>
      <figcaption>Documents by state, all documents at commit <code>\(layout.shortCommit)</code></figcaption>
      \(states)
      </figure>
      <figure>
      <figcaption>Reviews due, by month, from \(layout.effective.dayText)</figcaption>
      \(reviews)
      </figure>
      </div>
      </section>
      """
  }

  private var groups: Markup {
    guard !documents.isEmpty else {
      return "<p class=\"notice\">No documents are in effect in this snapshot.</p>"
    }
    var byType: [String: [(document: SiteDocument, page: String?)]] = [:]
    for entry in documents { byType[entry.document.type, default: []].append(entry) }
    let types = byType.keys.sorted()
    let sections = types.enumerated().map { offset, type -> Markup in
      let entries = byType[type] ?? []
      let heading = PageLayout.pluralHeading(forType: type)
      let rows = entries.map(row)
      return """
        <section data-group aria-labelledby="group-\(offset + 1)">
        <h3 id="group-\(offset + 1)">\(heading) <span class="muted">(\(entries.count))</span></h3>
        \(PageLayout.scrollingTable(label: heading, """
        <table>
        <thead>
        <tr><th scope="col">ID</th><th scope="col">Title</th><th scope="col" class="num">Revision</th><th scope="col">Effective</th><th scope="col">Owner</th><th scope="col">Next review</th></tr>
        </thead>
        <tbody>
        \(Markup.join(rows, separator: "\n"))
        </tbody>
        </table>
        """))
        </section>
        """
    }
    return Markup.join(sections, separator: "\n")
  }

  private func row(_ entry: (document: SiteDocument, page: String?)) -> Markup {
    let document = entry.document
    let title: Markup =
      entry.page.map { "<a href=\"\($0)\">\(document.title)</a>" }
      ?? "\(document.title) <span class=\"muted\">(no page: the id is not a safe file name)</span>"
    let review: Markup
    if let date = document.nextReview {
      let text = UTCDate(date).dayText
      let overdue: Markup =
        date < layout.snapshot.effectiveDate ? " <span class=\"badge\">Overdue</span>" : ""
      review = "<time datetime=\"\(text)\">\(text)</time>\(overdue)"
    } else {
      review = "<span class=\"muted\">Not scheduled</span>"
    }
    let effective = document.effectiveDate.map { UTCDate($0).dayText } ?? layout.effective.dayText
    return """
      <tr data-document data-id="\(document.id)"><th scope="row">\(document.id)</th><td class="title">\(title)<span class="visually-hidden"> \(document.type)</span></td><td class="num">\(document.revision)</td><td class="nowrap">\(effective)</td><td>\(document.ownerName)</td><td class="nowrap">\(review)</td></tr>
      """
  }
}
