import DocumentModel
import Foundation
import GitStore
import Signatures

/// What a signed, empty commit says and who makes it: approvals, reviews and revocations share one writer.
protocol SignedCommitPlan {
  /// The whole commit message.
  var message: String { get }
  /// The signer, from the policy in effect (author and committer of the commit).
  var signerIdentity: Person { get }
}

extension DocumentRepository {
  /// Signs an empty commit on the current branch's tip and moves the branch with compare-and-swap. When
  /// another commit landed first, `plan` is asked again on the new tip (it refuses when what was reviewed
  /// changed), up to `maxAttempts` times.
  func appendSignedCommit<Plan: SignedCommitPlan>(
    signer: any MessageSigner, now: Date, maxAttempts: Int,
    plan make: (ObjectID) throws(ControlError) -> Plan
  ) throws(ControlError) -> (commit: ObjectID, head: ObjectID, plan: Plan, retries: Int) {
    let currentBranch: String? = try viaGit { () throws(GitError) in try git.currentBranch() }
    guard let branch = currentBranch else { throw .detachedHead }
    let time = try unixSeconds(now)
    for attempt in 0..<maxAttempts {
      let head = try commit(nil)
      let plan = try make(head)
      do {
        let tree = try git.commit(head).tree
        let identity = GitSignature(name: plan.signerIdentity.name, email: plan.signerIdentity.email, time: time)
        let buffer = try git.commitBuffer(
          tree: tree, parents: [head], author: identity, committer: identity, message: plan.message)
        let signature = try signForGit(buffer, with: signer)
        let committed = try git.createCommit(buffer: buffer, signature: signature)
        try git.updateReference(
          branch, to: committed, expected: head, logMessage: "sop: \(plan.message.prefix { $0 != "\n" })")
        return (committed, head, plan, attempt)
      } catch let error as GitError where error.isModified || error.isLocked {
        // A lock no live process holds is named, never mistaken for a moving branch.
        if error.isLocked, let stale = git.staleLock(for: branch) { throw .git(stale) }
        // Another signer landed first: back off a little and rebuild on the new tip.
        usleep(UInt32.random(in: 2_000...20_000) * UInt32(min(attempt + 1, 5)))
        continue
      } catch let error as GitError {
        throw .git(error)
      } catch let error as ControlError {
        throw error
      } catch {
        throw .refused("\(error)")
      }
    }
    throw .contention(attempts: maxAttempts)
  }
}
