import DocumentModel
import Foundation
import GitStore

extension DocumentRepository {
  /// Audits every approval commit reachable from HEAD (and `published/*` tags).
  public func verify(at revision: String? = nil) throws(ControlError) -> VerifyReport {
    let commit = try commit(revision)
    // The walk parses every changed document, those at the tip included; kept, that parse spares the
    // inventory reading and parsing them again (the policy in effect, which selects documents, is known only
    // after the walk, so every file at the tip is kept). A tree that cannot be read here is named by the walk,
    // or by the inventory after it, as before. The walk never reads the ledger cache.
    let files = try? git.files(inCommit: commit)
    var builder = LedgerBuilder(repository: git)
    builder.keepingParsed = Set((files ?? []).lazy.filter(\.isRegularFile).map(\.blob))
    let ledger = try ledger(at: commit, builder: &builder)
    var problems = ledger.problems
    if let effective = ledger.effectivePolicy {
      // H7: an id two files share at the tip is a problem, whichever of them a signer meant.
      let inventory =
        if let files {
          try inventory(of: files, policy: effective.policy, parsed: builder.parsedDocuments)
        } else {
          try inventory(at: commit, policy: effective.policy)
        }
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
