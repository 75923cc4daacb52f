import DocumentModel

/// The training matrix of a snapshot: who must know which document and whether they are trained on the
/// revision in force (docs/training.md), as of the snapshot's date.
public struct SiteTraining: Codable, Sendable, Equatable {
  /// The documents someone must know, sorted by id.
  public var documents: [String]
  /// People with something to know, sorted by email.
  public var people: [SiteTrainee]

  /// Creates a matrix.
  public init(documents: [String], people: [SiteTrainee]) {
    self.documents = documents
    self.people = people
  }

  /// How many of the people who must know `id` are current, and how many must know it; nil when nobody must.
  func currentCount(of id: String) -> (current: Int, total: Int)? {
    var current = 0
    var total = 0
    for person in people {
      guard let state = person.states[id] else { continue }
      total += 1
      if state == "current" { current += 1 }
    }
    return total == 0 ? nil : (current, total)
  }
}

/// One row of the site's training matrix.
public struct SiteTrainee: Codable, Sendable, Equatable {
  /// The printed name.
  public var name: String
  /// The email.
  public var email: String
  /// States by document id: `current`, `due`, `overdue` or `outdated`.
  public var states: [String: String]

  /// Creates a row.
  public init(name: String, email: String, states: [String: String]) {
    self.name = name
    self.email = email
    self.states = states
  }
}

/// `training.html`: people × documents with their training state.
struct TrainingPage: Sendable {
  let layout: PageLayout
  let training: SiteTraining
  /// Effective documents by id, with their page paths.
  let pages: [String: (document: SiteDocument, page: String?)]

  func render() -> String {
    var counts: [String: Int] = [:]
    for person in training.people { for state in person.states.values { counts[state, default: 0] += 1 } }
    let summary = ["current", "due", "overdue", "outdated"].map { "\(counts[$0] ?? 0) \($0)" }
      .joined(separator: ", ")
    let header = training.documents.map { id -> Markup in
      let label: Markup = "<span class=\"doc-id\">\(id)</span>"
      let linked: Markup = pages[id]?.page.map { "<a href=\"\($0)\">\(label)</a>" } ?? label
      return "<th scope=\"col\">\(linked)</th>"
    }
    let rows = training.people.map { person -> Markup in
      let cells = training.documents.map { id -> Markup in
        guard let state = person.states[id] else { return "<td class=\"muted\">—</td>" }
        return "<td class=\"training-\(state)\">\(state)</td>"
      }
      return """
        <tr><th scope="row">\(person.name) <span class="muted">\(person.email)</span></th>\(Markup.join(cells, separator: ""))</tr>
        """
    }
    let table: Markup = """
      <table class="training-matrix">
      <thead><tr><th scope="col">Person</th>\(Markup.join(header, separator: ""))</tr></thead>
      <tbody>
      \(Markup.join(rows, separator: "\n"))
      </tbody>
      </table>
      """
    let main: Markup = """
      <h1>Training</h1>
      <p class="lead">Who must know each document, and whether they were trained on the revision in force, as of \(layout.effective.dayText): \(summary).</p>
      <p><strong>current</strong>: trained on the revision in force (or on one whose training carries over); <strong>due</strong>: not yet trained, within the training period; <strong>overdue</strong>: not trained and the period has passed; <strong>outdated</strong>: trained only on an older revision. Each record is a signed git commit naming the exact text.</p>
      \(PageLayout.scrollingTable(label: "Training matrix", table))
      """
    return layout.page(title: "Training", root: "", section: .training, main: main)
  }
}
