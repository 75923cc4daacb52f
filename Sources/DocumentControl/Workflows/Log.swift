import DocumentModel
import Foundation
import GitStore

extension DocumentRepository {
  /// The change history of one document (or `POLICY`) as of `revision`.
  public func log(id text: String, at revision: String?) throws(ControlError) -> DocumentLog {
    let commit = try commit(revision)
    let ledger = try ledger(at: commit)
    if text == DocumentID.policy.rawValue {
      let revisions = ledger.policyVersions.map { version in
        RevisionLogEntry(
          revision: version.revision, blob: version.blob.hex, approvedAt: UTCTime.iso(version.time),
          approvals: version.approvals.map(SignatureEntry.init), reviews: [], changes: [], revoked: nil)
      }
      let committed: ObjectID? = try viaGit { () throws(GitError) in
        try git.blobID(at: Policy.fileName, inCommit: commit)
      }
      let inEffect = committed == ledger.effectivePolicy?.blob
      let pending = committed.flatMap { ledger.pendingPolicyApprovals[$0] } ?? []
      return DocumentLog(
        id: text, title: "Repository policy (sop.yml)", state: inEffect ? .approved : .draft,
        revisions: revisions, pendingChanges: [], pendingApprovals: pending.map(SignatureEntry.init))
    }
    let (policy, _) = try self.policy(at: commit, revisionName: revision ?? "HEAD")
    let inventory = try inventory(at: commit, policy: policy)
    guard let id = DocumentID(text), let stored = inventory.documents[id] else {
      throw missingDocument(text, inventory: inventory, policy: policy)
    }
    let history = ledger.documents[id] ?? DocumentHistory()
    let entry = statusEntry(
      stored, history: history, policy: ledger.effectivePolicy?.policy ?? policy, effective: ledger.effectivePolicy,
      now: Date())
    let training = Dictionary(grouping: history.training, by: \.revision)
    let revisions = history.revisions.map { revision in
      var entry = RevisionLogEntry(
        revision: revision.number, blob: revision.blob.hex, approvedAt: UTCTime.iso(revision.approvedAt),
        approvals: revision.approvals.map(SignatureEntry.init), reviews: revision.reviews.map(SignatureEntry.init),
        changes: revision.changes.map(ChangeEntry.init), revoked: revision.revocation.map(RevocationEntry.init),
        editorialWords: revision.isEditorial ? revision.changedWords : nil)
      entry.training = (training[revision.number] ?? []).map(TrainingLogEntry.init)
      entry.retraining = revision.carriesTrainingOver ? "not-required" : "required"
      return entry
    }
    return DocumentLog(
      id: id.rawValue, title: stored.document.frontMatter.title, state: entry.state, revisions: revisions,
      pendingChanges: entry.state == .draft ? history.changesSinceRevision.map(ChangeEntry.init) : [],
      pendingApprovals: entry.state == .draft ? (history.pending[stored.contentKey] ?? []).map(SignatureEntry.init) : []
    )
  }
}
