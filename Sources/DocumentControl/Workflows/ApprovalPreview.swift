import DocumentModel
import Foundation
import GitStore
import ProcedureLint

/// What one document of an approval is about to become, for the person signing (`sop approve` on a
/// terminal asks for confirmation after showing it).
public struct ApprovalPreviewItem: Codable, Sendable {
  /// The id.
  public var id: String
  /// The title.
  public var title: String
  /// What the signature makes: `revision 2`, or `periodic review of revision 1, next review by 2027-02-02`.
  public var becomes: String
  /// Words inserted and deleted since the revision in force.
  public var insertedWords: Int
  /// Words deleted since the revision in force.
  public var deletedWords: Int
  /// Who wrote the changes since the revision in force (names and emails).
  public var authors: [String]
  /// Lint warnings and suggestions on the content (`path:line:column: rule: message`).
  public var warnings: [String]
  /// Whether the new revision makes the people who must know it train again (docs/training.md), in words.
  public var retraining: String = ""
}

extension DocumentRepository {
  /// What signing `ids` means, document by document (`POLICY` is left out: its preview is `sop diff POLICY`).
  /// `waivesRetraining`: the signature about to be made says `Retraining: not-required`.
  public func approvalPreview(ids: [String], now: Date, waivesRetraining: Bool = false)
    throws(ControlError) -> [ApprovalPreviewItem]
  {
    let status = try status(at: nil, now: now)
    // One read of the ledger and inventory for every id: the policy in effect and who must know what.
    let state = try committedState(at: nil)
    let policy = state.ledger.effectivePolicy?.policy
    let matrix = policy.map { TrainingMatrix(ledger: state.ledger, inventory: state.inventory, policy: $0) }
    var items: [ApprovalPreviewItem] = []
    for id in ids where id != DocumentID.policy.rawValue {
      guard let entry = status.documents.first(where: { $0.id == id }) else { continue }
      let diff = try diff(id: id, from: nil, to: nil)
      var becomes: String
      if entry.state == .approved {
        let next = policy?.types[entry.type]?.reviewEvery.map { UTCTime.day($0.adding(to: now)) }
        becomes = "periodic review of revision \(entry.revision)" + (next.map { ", next review by \($0)" } ?? "")
      } else {
        becomes = "revision \(entry.revision + 1) (with the signatures it still needs)"
        if let editorial = entry.editorial {
          becomes +=
            "; an editorial change of \(editorial.words) words: sop approve --editorial needs only "
            + (editorial.missing.isEmpty ? "what is signed" : editorial.missing.joined(separator: ", "))
        }
      }
      var authors: [String] = []
      for change in diff.changes where !authors.contains("\(change.author) <\(change.email)>") {
        authors.append("\(change.author) <\(change.email)>")
      }
      let lint = try lint(paths: [entry.path], relativeTo: root)
      let warnings = lint.report.findings.filter { $0.severity != .error }.map {
        "\($0.path):\($0.line):\($0.column): \($0.rule): \($0.message)"
      }
      var item = ApprovalPreviewItem(
        id: id, title: entry.title, becomes: becomes, insertedWords: diff.insertedWords,
        deletedWords: diff.deletedWords, authors: authors, warnings: warnings)
      if entry.state != .approved {
        let people =
          DocumentID(id).map { document in
            (policy?.people ?? []).filter { matrix?.requiredDocuments(of: $0).contains(document) == true }.count
          } ?? 0
        let who = people == 1 ? "the 1 person who must know it" : "the \(people) people who must know it"
        item.retraining =
          waivesRetraining
          ? "training carries over if every approval says --no-retraining (this one does); otherwise "
            + "\(who) train again"
          : "\(who) train again on the new revision (sop approve --no-retraining for an editorial change)"
      }
      items.append(item)
    }
    return items
  }
}
