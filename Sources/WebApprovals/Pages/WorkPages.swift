import DocumentControl
import DocumentModel
import Foundation
import SitePublisher

extension Pages {
  static func todo(_ report: TodoReport, session: Session) -> Markup {
    var sections: [Markup] = []
    let approve = report.approve.map { item -> Markup in
      let editorial: Markup = item.editorialWords.map { words -> Markup in " (editorial: \(words) words)" } ?? ""
      return """
        <li><a href="/documents/\(item.id)">\(item.id) \(item.title)</a>: becomes revision \(item.revision); you sign \
        as \(item.roles.joined(separator: ", "))\(editorial)</li>
        """
    }
    sections.append(section("To approve", id: "todo-approve", approve, empty: "Nothing waits for your approval."))
    let review = report.review.map { item -> Markup in
      let when: Markup = item.overdue ? "overdue since \(day(item.nextReview))" : "due \(day(item.nextReview))"
      return "<li><a href=\"/documents/\(item.id)\">\(item.id) \(item.title)</a>: periodic review \(when)</li>"
    }
    sections.append(section("Reviews due", id: "todo-review", review, empty: "No review of yours is due."))
    let acknowledge = report.acknowledge.map { item -> Markup in
      """
      <li><a href="/documents/\(item.id)">\(item.id) \(item.title)</a>: read revision \(item.revision) by \
      \(day(item.due)) (\(item.state.rawValue))</li>
      """
    }
    sections.append(
      section("To read and acknowledge", id: "todo-acknowledge", acknowledge, empty: "You are up to date."))
    if !report.policy.isEmpty {
      sections.append(
        section(
          "Policy change", id: "todo-policy",
          ["<li><a href=\"/admin\">A change of sop.yml waits for your approval</a></li>"], empty: ""))
    }
    return layout(title: "My to-do", session: session, Markup.join(sections))
  }

  static func documents(_ report: StatusReport, session: Session?) -> Markup {
    let rows = report.documents.map { entry -> Markup in
      let missing: Markup = entry.missing.isEmpty ? "" : "needs \(entry.missing.joined(separator: ", "))"
      return """
        <tr><th scope="row"><a href="/documents/\(entry.id)">\(entry.id)</a></th><td>\(entry.title)</td>\
        <td>\(entry.state.rawValue)</td><td>\(entry.revision)</td><td>\(missing)</td></tr>
        """
    }
    return layout(
      title: "Documents", session: session,
      """
      <div class="table"><table>
      <caption>Every controlled document at the tip of the branch</caption>
      <thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">State</th>\
      <th scope="col">Revision</th><th scope="col">Still needed</th></tr></thead>
      <tbody>\(rows)</tbody></table></div>
      """)
  }

  static func document(_ view: DocumentView, session: Session?) -> Markup {
    let entry = view.entry
    var parts: [Markup] = []
    let becomes: Markup =
      view.preview.map { preview -> Markup in "<p>Signing now makes: \(preview.becomes).</p>" } ?? ""
    let authors: Markup =
      (view.preview?.authors ?? []).isEmpty
      ? "" : "<p>Changes written by: \(view.preview?.authors.joined(separator: "; ") ?? "")</p>"
    let signed = entry.approvals.map { approval -> Markup in
      "<li>\(approval.name) as \(approval.role), \(day(approval.time)) (commit <code>\(approval.commit.prefix(12))</code>)</li>"
    }
    let missing: Markup =
      entry.missing.isEmpty
      ? "<p>No signature is missing.</p>" : "<p>Still needed: \(entry.missing.joined(separator: ", ")).</p>"
    parts.append(
      """
      <section aria-labelledby="state-heading">
      <h2 id="state-heading">Where it stands</h2>
      <p>\(entry.title): \(entry.state.rawValue), revision \(entry.revision), owner \(entry.owner).</p>
      \(becomes)\(authors)
      <h3>Signed</h3>
      \(list(signed, empty: "Nobody has signed this content yet."))
      \(missing)
      </section>
      """)
    if session != nil { parts.append(actions(view)) }
    let warnings = (view.preview?.warnings ?? []).map { warning -> Markup in "<li>\(warning)</li>" }
    parts.append(
      section("Lint findings", id: "lint", warnings, empty: "Lint found nothing to improve in this content."))
    if let diff = view.diff, !diff.blocks.isEmpty {
      parts.append(
        """
        <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">What changed since \(diff.from.selector)</h2>
        <p>\(diff.insertedWords) words inserted, \(diff.deletedWords) deleted. Inserted words are underlined, \
        deleted ones struck through.</p>
        <div class="redline">\(diff.blocks.map(redline))</div>
        </section>
        """)
    }
    parts.append(
      """
      <section aria-labelledby="text-heading">
      <h2 id="text-heading">The text at the tip</h2>
      <div class="body">\(documentBodyMarkup(view.body, id: entry.id, title: entry.title))</div>
      </section>
      """)
    return layout(title: "\(entry.id) \(entry.title)", session: session, Markup.join(parts))
  }

  /// The buttons for what the viewer may sign now, each saying what the signature means.
  private static func actions(_ view: DocumentView) -> Markup {
    let id = view.entry.id
    var buttons: [Markup] = []
    if let approval = view.approval {
      buttons.append(
        """
        <p>Approving signs this exact content of \(id) (blob <code>\(view.entry.blob.prefix(12))</code>) as \
        \(approval.roles.joined(separator: ", ")); it becomes revision \(approval.revision) once every role has signed.</p>
        """)
      // Retraining is a question only for a new revision of a document people were trained on.
      let waiver: Markup =
        approval.revision > 1
        ? """
        <p><input type="checkbox" id="no-retraining"> <label for="no-retraining">No retraining needed (the \
        change does not change how the work is done)</label></p>

        """ : ""
      let input: Markup = approval.revision > 1 ? " data-no-retraining-input=\"no-retraining\"" : ""
      buttons.append(
        """
        \(waiver)<p><button type="button" class="sign" data-action="approve" data-ids="\(id)"\(input)>\
        Approve \(id) with my passkey</button></p>
        """)
      if let words = approval.editorialWords {
        buttons.append(
          """
          <p><button type="button" class="sign" data-action="approve" data-ids="\(id)" data-editorial="true">\
          Approve \(id) as an editorial change (\(words) words)</button></p>
          """)
      }
    }
    if view.review != nil {
      buttons.append(
        """
        <p>A periodic review confirms that revision \(view.entry.revision) is still right as it is.</p>
        <p><button type="button" class="sign" data-action="review" data-ids="\(id)">Confirm the review of \(id) \
        with my passkey</button></p>
        """)
    }
    if let acknowledgement = view.acknowledgement {
      buttons.append(
        """
        <p>Acknowledging records that you have read and understood revision \(acknowledgement.revision).</p>
        <p><button type="button" class="sign" data-action="acknowledge" data-ids="\(id)">I have read \(id) \
        revision \(acknowledgement.revision): sign with my passkey</button></p>
        """)
    }
    for (index, approval) in view.ownApprovals.enumerated() {
      buttons.append(
        """
        <p><label for="reason-\(index)">Why you revoke your approval of \(approval.time.prefix(10))</label>
        <input id="reason-\(index)" maxlength="500"></p>
        <p><button type="button" class="sign" data-action="revoke" data-approval="\(approval.commit)" \
        data-reason-input="reason-\(index)">Revoke my approval \(approval.commit.prefix(12))</button></p>
        """)
    }
    guard !buttons.isEmpty else { return "" }
    return """
      <section aria-labelledby="sign-heading">
      <h2 id="sign-heading">Sign</h2>
      <p>Your passkey asks for your fingerprint, face, PIN or a touch; it signs the commit that records this, \
      and nothing else.</p>
      \(buttons)
      </section>
      """
  }

  static func admin(_ preview: PolicyChangePreview, session: Session) -> Markup {
    guard preview.isPending else {
      return layout(title: "Policy changes", session: session, "<p>No change of sop.yml is waiting.</p>")
    }
    let changes = preview.changes.map { change -> Markup in "<li>\(change)</li>" }
    let signed = (preview.entry?.approvals ?? []).map { approval -> Markup in
      "<li>\(approval.name) (\(approval.role))</li>"
    }
    let button: Markup =
      preview.viewerMaySign
      ? """
      <p>Approving signs this sop.yml (blob <code>\((preview.entry?.blob ?? "").prefix(12))</code>); it takes \
      effect once enough admins have signed.</p>
      <p><button type="button" class="sign" data-action="approve" data-ids="POLICY">Approve the policy change with \
      my passkey</button></p>
      """
      : "<p>Only an admin who has not signed it yet can approve it.</p>"
    return layout(
      title: "Policy changes", session: session,
      """
      <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">What the pending sop.yml changes</h2>
      \(list(changes, empty: "Nothing about people, roles or keys."))
      <h3>Signed so far</h3>
      \(list(signed, empty: "Nobody yet."))
      \(button)
      </section>
      """)
  }

  private static func section(_ title: String, id: String, _ items: [Markup], empty: String) -> Markup {
    """
    <section aria-labelledby="\(id)">
    <h2 id="\(id)">\(title)</h2>
    \(list(items, empty: empty))
    </section>
    """
  }

  /// A list, or a sentence when it is empty. (A conditional inside a `Markup` literal would be a String, and
  /// be escaped: this keeps both branches `Markup`.)
  private static func list(_ items: [Markup], empty: String) -> Markup {
    items.isEmpty ? "<p>\(empty)</p>" : "<ul>\(items)</ul>"
  }

  private static func redline(_ block: DiffBlock) -> Markup {
    let pieces = block.pieces.map { piece -> Markup in
      let space: Markup = piece.spaced ? " " : ""
      switch piece.operation {
      case "insert": return "\(space)<ins>\(piece.text)</ins>"
      case "delete": return "\(space)<del>\(piece.text)</del>"
      default: return "\(space)\(piece.text)"
      }
    }
    let marker: Markup = block.marker.isEmpty ? "" : "\(block.marker) "
    return "<p class=\"\(block.kind)\">\(marker)\(pieces)</p>"
  }

  /// The date part of an ISO 8601 time.
  private static func day(_ time: String) -> String {
    String(time.prefix(10))
  }
}
