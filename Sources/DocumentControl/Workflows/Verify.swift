import DocumentModel
import Foundation
import GitStore

extension DocumentRepository {
  /// Audits every approval commit reachable from HEAD (and `published/*` tags).
  public func verify(at revision: String? = nil) throws(ControlError) -> VerifyReport {
    let commit = try commit(revision)
    let ledger = try ledgerFromScratch(at: commit)
    var problems = ledger.problems
    if let effective = ledger.effectivePolicy {
      // H7: an id two files share at the tip is a problem, whichever of them a signer meant.
      let inventory = try inventory(at: commit, policy: effective.policy)
      for (id, paths) in inventory.ambiguous {
        problems.append(
          VerificationProblem(
            commit: commit.hex, document: id.rawValue, kind: .duplicateID,
            message: "\(paths.joined(separator: " and ")) all carry the id \(id); approve and publish refuse it"))
      }
    }
    if let lock = ledger.effectivePolicy.flatMap({ ApprovalRules.policyLock($0.policy) }) {
      problems.append(
        VerificationProblem(
          commit: commit.hex, document: DocumentID.policy.rawValue, kind: .policyLocked, message: lock))
    }
    let tagProblems = try verifyPublishedTags(ledger: ledger)
    problems.append(contentsOf: tagProblems.problems)
    problems.sort()
    return VerifyReport(
      ok: problems.isEmpty, problems: problems, checkedCommits: ledger.approvalCommits,
      checkedTags: tagProblems.count, root: ledger.root.hex)
  }
}
