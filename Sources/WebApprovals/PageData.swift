import DocumentControl
import DocumentModel
import Foundation
import GitStore
import Signatures

/// Everything the page of one document shows, read in one visit to the repository with the CLI's own
/// workflows: `status` (who signed, who is still needed), `approvalPreview` (what a signature makes, who wrote
/// the changes, lint findings), `diff` (the word-level redline against the revision in force), `todo` (what
/// the viewer may do now) and `show` (the committed text).
struct DocumentView: Sendable {
  var entry: DocumentStatusEntry
  var preview: ApprovalPreviewItem?
  var diff: DocumentDiff?
  var body: String
  /// The viewer may sign it now, for these roles.
  var approval: TodoApproval?
  /// The viewer owns it and its periodic review is due.
  var review: TodoReview?
  /// The viewer must read and acknowledge its revision in force.
  var acknowledgement: TodoAcknowledgement?
  /// The viewer's own approvals of the content at the tip, which they may revoke.
  var ownApprovals: [ApprovalEntry]

  init(repository: DocumentRepository, id: String, viewer: String?, now: Date) throws(ControlError) {
    let status = try repository.status(at: nil, now: now)
    guard let entry = status.documents.first(where: { $0.id == id }) else { throw .unknownDocument(id: id) }
    self.entry = entry
    preview = try repository.approvalPreview(ids: [id], now: now).first
    diff = try? repository.diff(id: id, from: nil, to: nil)
    let bytes = try repository.show(id: id, at: nil)
    body =
      (try? ParsedDocument(path: entry.path, data: Data(bytes)))?.text.body ?? String(decoding: bytes, as: UTF8.self)
    if let viewer {
      let todo = try repository.todo(for: .email(viewer), now: now)
      approval = todo.approve.first { $0.id == id }
      review = todo.review.first { $0.id == id }
      acknowledgement = todo.acknowledge.first { $0.id == id }
      ownApprovals = entry.approvals.filter { $0.email.lowercased() == viewer.lowercased() }
    } else {
      ownApprovals = []
    }
  }
}

/// What a pending `sop.yml` change changes, for the admin page: people, roles and keys, in words.
struct PolicyChangePreview: Sendable {
  var entry: PolicyStatusEntry?
  /// Whether the committed `sop.yml` differs from the one in effect.
  var isPending: Bool
  /// One sentence a change, people first.
  var changes: [String]
  /// Whether the viewer is an admin who has not signed it yet.
  var viewerMaySign: Bool

  init(repository: DocumentRepository, now: Date, viewer: String) throws(ControlError) {
    let head = try repository.commit(nil)
    let status = try repository.status(at: nil, now: now)
    entry = status.policy
    let committed = try repository.policy(at: head).policy
    let effective = try repository.ledger(at: head).effectivePolicy?.policy
    isPending = entry.map { $0.blob != $0.effectiveBlob } ?? true
    changes = isPending ? Self.changes(from: effective, to: committed) : []
    viewerMaySign = !(try repository.todo(for: .email(viewer), now: now).policy.isEmpty)
  }

  static func changes(from old: Policy?, to new: Policy) -> [String] {
    var lines: [String] = []
    let before = Dictionary((old?.people ?? []).map { ($0.email.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    let after = Dictionary(new.people.map { ($0.email.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    for email in Set(before.keys).union(after.keys).sorted() {
      let was = before[email]
      let now = after[email]
      let name = "\(now?.name ?? was?.name ?? email) <\(email)>"
      switch (was, now) {
      case (nil, let person?):
        let roles = person.roles.isEmpty ? "no roles" : "roles " + person.roles.joined(separator: ", ")
        lines.append("Adds \(name) with \(roles)")
      case (_?, nil):
        lines.append("Removes \(name)")
      default:
        break
      }
      let oldRoles = Set(was?.roles ?? [])
      let newRoles = Set(now?.roles ?? [])
      if was != nil && now != nil {
        for role in newRoles.subtracting(oldRoles).sorted() { lines.append("\(name) gains role \(role)") }
        for role in oldRoles.subtracting(newRoles).sorted() { lines.append("\(name) loses role \(role)") }
      }
      let oldKeys = Set((was?.keys ?? []).map(Self.keyName))
      let newKeys = Set((now?.keys ?? []).map(Self.keyName))
      // Anyone can enrol under any email: a key added beside keys the person already has may be someone
      // else's, so the admin is told to ask.
      let caution =
        oldKeys.isEmpty ? "" : " (they already sign with another key: ask them whether they enrolled this one)"
      for key in newKeys.subtracting(oldKeys).sorted() { lines.append("\(name): adds key \(key)\(caution)") }
      for key in oldKeys.subtracting(newKeys).sorted() { lines.append("\(name): removes key \(key)") }
    }
    let others = Self.settingsChanged(from: old, to: new)
    if !others.isEmpty { lines.append("Other settings change: " + others.joined(separator: ", ")) }
    return lines
  }

  /// A key as an admin compares it: its type and SHA-256 fingerprint (the line itself is too long to read).
  static func keyName(_ line: String) -> String {
    guard let key = try? SSHPublicKey(authorizedKey: line) else { return line.prefix(40) + "…" }
    let kind = key.algorithm == SSHPublicKey.passkeyAlgorithm ? "passkey" : key.algorithm
    return "\(kind) \(key.fingerprint)"
  }

  /// The top-level `sop.yml` keys other than `people` whose values differ.
  static func settingsChanged(from old: Policy?, to new: Policy) -> [String] {
    func settings(_ policy: Policy?) -> [String: String] {
      guard let policy, let data = try? JSONEncoder().encode(policy),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { return [:] }
      var result: [String: String] = [:]
      for (key, value) in object where key != "people" {
        let encoded = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        result[key] = encoded.map { String(decoding: $0, as: UTF8.self) } ?? ""
      }
      return result
    }
    let before = settings(old)
    let after = settings(new)
    return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
  }
}
