import DocumentModel
import Foundation

/// One line of the master document list (ISO 9001 7.5.3): a document of a snapshot and where it stands.
public struct MasterListRow: Codable, Sendable, Equatable {
  /// The document id.
  public var id: String
  /// The title.
  public var title: String
  /// The document type, e.g. `procedure`.
  public var type: String
  /// The revision in the snapshot (the last effective one for a withdrawn document).
  public var revision: Int
  /// When this revision took effect (the first snapshot that published it), or when it was withdrawn.
  public var effectiveDate: Date
  /// The approvers of this revision: "Name (role)".
  public var approvers: [String]
  /// When the next review is due; nil when none is scheduled.
  public var nextReview: Date?
  /// `effective` or `withdrawn`.
  public var state: String

  /// Creates a row.
  public init(
    id: String, title: String, type: String, revision: Int, effectiveDate: Date, approvers: [String],
    nextReview: Date?, state: String
  ) {
    self.id = id
    self.title = title
    self.type = type
    self.revision = revision
    self.effectiveDate = effectiveDate
    self.approvers = approvers
    self.nextReview = nextReview
    self.state = state
  }
}

/// The master document list of a snapshot, as rows and as CSV.
public enum MasterList {
  /// The column names, in order.
  public static let columns = [
    "ID", "Title", "Type", "Revision", "Effective date", "Approvers", "Next review", "State",
  ]

  /// Every document of `snapshot`, effective ones then withdrawn ones, each in id order. `effectiveSince`
  /// gives the date each effective revision first took effect; the snapshot's date stands in for a missing one.
  public static func rows(of snapshot: SiteSnapshot, effectiveSince: [String: Date]) -> [MasterListRow] {
    let effective = SiteRenderer.effectiveDocuments(of: snapshot).map { entry in
      let document = entry.document
      return MasterListRow(
        id: document.id, title: document.title, type: document.type, revision: document.revision,
        effectiveDate: effectiveSince[document.id] ?? snapshot.effectiveDate,
        approvers: document.signatures.map { "\($0.name) (\($0.role))" }, nextReview: document.nextReview,
        state: "effective")
    }
    let withdrawn = snapshot.withdrawn.sorted { DocumentOrder.areInIncreasingOrder($0.id, $1.id) }.map {
      MasterListRow(
        id: $0.id, title: $0.title, type: "", revision: $0.revision, effectiveDate: $0.date, approvers: [],
        nextReview: nil, state: "withdrawn")
    }
    return effective + withdrawn
  }

  /// The cells of a row as text: dates as `YYYY-MM-DD` (UTC), approvers joined with "; ".
  static func cells(_ row: MasterListRow) -> [String] {
    [
      row.id, row.title, row.type, String(row.revision), UTCDate(row.effectiveDate).dayText,
      row.approvers.joined(separator: "; "), row.nextReview.map { UTCDate($0).dayText } ?? "", row.state,
    ]
  }

  /// The list as RFC 4180 CSV: a header line, CRLF line ends, fields quoted when they hold a comma, quote or
  /// line break, and text that a spreadsheet would run as a formula made inert.
  public static func csv(_ rows: [MasterListRow]) -> String {
    ([columns] + rows.map(cells)).map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
  }

  /// One CSV field. A cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return, which some
  /// spreadsheets skip before one) gets a leading `'`, so it is shown as text and never evaluated (OWASP "CSV
  /// injection"); then the field is quoted if it needs to be, with quotes doubled.
  public static func csvField(_ text: String) -> String {
    var field = text
    if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { field = "'" + field }
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

/// The master document list as a page of its own, for printing.
struct MasterListPage: Sendable {
  let layout: PageLayout
  let rows: [MasterListRow]

  func render() -> String {
    let snapshot = layout.snapshot
    let body = rows.map { row -> Markup in
      let cells = MasterList.cells(row)
      let approvers: Markup =
        row.approvers.isEmpty ? "—" : Markup.join(row.approvers.map { "\($0)" }, separator: "<br>")
      let review: Markup = row.nextReview == nil ? "Not scheduled" : "\(cells[6])"
      return """
        <tr><th scope="row" class="keep">\(cells[0])</th><td>\(cells[1])</td><td>\(cells[2])</td><td class="num">\(cells[3])</td><td class="keep">\(cells[4])</td><td>\(approvers)</td><td class="keep">\(review)</td><td>\(cells[7])</td></tr>
        """
    }
    let header = Markup.join(MasterList.columns.map { "<th scope=\"col\">\($0)</th>" })
    let main: Markup = """
      <h1>Master document list</h1>
      <p class="lead">Every document of \(snapshot.organisation) in snapshot \(snapshot.tag) (commit <code>\(snapshot.commit)</code>), effective \(layout.effective.dayText): \(rows.count) document\(rows.count == 1 ? "" : "s").</p>
      <table class="master-list">
      <thead>
      <tr>\(header)</tr>
      </thead>
      <tbody>
      \(Markup.join(body, separator: "\n"))
      </tbody>
      </table>
      """
    return layout.page(title: "Master document list (\(snapshot.tag))", root: "", section: .documents, main: main)
  }
}
