import DocumentModel
import Foundation
import GitStore

extension DocumentRepository {
  /// Walks history from `commit` once and derives every document's revisions and every problem.
  public func ledger(at commit: ObjectID) throws(ControlError) -> ApprovalLedger {
    var builder = LedgerBuilder(repository: git)
    return try ledger(at: commit, builder: &builder)
  }

  /// The ledger a fresh clone computes: no checkpoints, the tip's own first-parent order (H13).
  func ledgerAsFreshClone(at commit: ObjectID) throws(ControlError) -> ApprovalLedger {
    var builder = LedgerBuilder(repository: git)
    return try builder.build(from: commit, trustedRoot: try pinnedRoot())
  }

  /// Walks history from `commit` with `builder`, which keeps its state so a new commit can be appended.
  func ledger(at commit: ObjectID, builder: inout LedgerBuilder) throws(ControlError) -> ApprovalLedger {
    let pinned = try pinnedRoot()
    let branch = (try? git.currentBranch()) ?? nil
    let checkpoints = self.checkpoints()
    let ledger = try builder.build(from: commit, trustedRoot: pinned, checkpoints: checkpoints)
    if let branch, commit == ((try? git.referenceTarget(branch)) ?? nil) {
      recordCheckpoint(commit, of: branch, known: self.checkpoints(of: branch), reachable: ledger.policyAtCommit)
    }
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

  /// Where the tips judged before are kept, one `<branch> <commit>` line each, oldest first (H13).
  var checkpointFile: URL { URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("sop/checkpoints") }

  /// The tips this repository judged before, oldest first, of `branch` or of every branch (the history being
  /// judged keeps those it contains).
  func checkpoints(of branch: String? = nil) -> [ObjectID] {
    guard let text = try? String(contentsOf: checkpointFile, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: " ")
      guard parts.count == 2, branch == nil || parts[0] == branch! else { return nil }
      return ObjectID(hex: String(parts[1]))
    }
  }

  /// Remembers `tip` as judged for `branch`; a tip the last checkpoint does not lead to (a rewritten branch)
  /// is said, since what was judged before no longer orders this history.
  func recordCheckpoint(_ tip: ObjectID, of branch: String, known: [ObjectID], reachable: [ObjectID: Int]) {
    guard known.last != tip else { return }
    if let last = known.last, reachable[last] == nil {
      notify(
        "\(branch) no longer contains \(last.hex), which sop judged before: its history was rewritten "
          + "(run sop verify, and ask who force-pushed)")
    }
    let line = "\(branch) \(tip.hex)\n"
    let folder = checkpointFile.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    if let handle = try? FileHandle(forWritingTo: checkpointFile) {
      defer { try? handle.close() }
      _ = try? handle.seekToEnd()
      try? handle.write(contentsOf: Data(line.utf8))
    } else {
      try? Data(line.utf8).write(to: checkpointFile)
    }
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
