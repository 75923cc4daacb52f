import DocumentModel
import Foundation
import GitStore

extension DocumentRepository {
  /// Walks history from `commit` once and derives every document's revisions and every problem.
  public func ledger(at commit: ObjectID) throws(ControlError) -> ApprovalLedger {
    var builder = LedgerBuilder(repository: git)
    return try ledger(at: commit, builder: &builder)
  }

  /// Walks history from `commit` with `builder`, which keeps its state so a new commit can be appended.
  func ledger(at commit: ObjectID, builder: inout LedgerBuilder) throws(ControlError) -> ApprovalLedger {
    let pinned = try pinnedRoot()
    let ledger = try builder.build(from: commit, trustedRoot: pinned)
    if pinned == nil {
      // H1: trust on first use, only for a history with a single root (the builder refuses more).
      if (try? git.setConfigValue(Self.rootConfigKey, ledger.root.hex)) != nil {
        notify(
          "trusting root commit \(ledger.root.hex) from now on (first use; pinned as git config "
            + "\(Self.rootConfigKey)); compare it with the id your team recorded")
      }
    }
    return ledger
  }

  /// The git configuration key that pins the trusted root commit (H1 in docs/approvals.md).
  public static let rootConfigKey = "sop.root"

  /// The pinned root commit, or nil when nothing is pinned yet.
  public func pinnedRoot() throws(ControlError) -> ObjectID? {
    let value: String? = try viaGit { () throws(GitError) in try git.configValue(Self.rootConfigKey) }
    guard let value else { return nil }
    guard let id = ObjectID(hex: value.trimmingCharacters(in: .whitespaces)) else {
      throw .invalidArgument("git config \(Self.rootConfigKey) is '\(value)', not a 40-hex commit id")
    }
    return id
  }
}
