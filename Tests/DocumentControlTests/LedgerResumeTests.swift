import DocumentModel
import Foundation
import GitStore
import Signatures
import TestSupport
import Testing

@testable import DocumentControl

/// A walk resumed from the ledger cache (`LedgerBuilder.resume(from:at:checkpoints:)`) judges only the new
/// commits, and gives exactly the ledger a walk of the whole history gives; where it cannot, it declines.
@Suite("Resuming a cached walk")
struct LedgerResumeTests {
  let alice = ("Alice Nguyen", "alice@acme.example")
  let bob = ("Bob Smith", "bob@acme.example")
  let cacheTests = LedgerCacheTests()

  /// What happens on top of the cached tip.
  enum Growth: String, CaseIterable, CustomTestStringConvertible {
    /// Bob completes the pending revision; Alice revokes her approval of revision 1, made before the cache.
    case approvalsAndRevocation
    /// A side branch from before the cached tip adds QP-002, approved there, and is merged.
    case mergedBranch
    /// sop.yml revokes Bob's key (flagging what it signed before the cache) and Alice approves the change.
    case policyChange
    /// The cached tip is dropped from the branch (reset and a new commit): no longer an ancestor.
    case rewrittenHistory
    /// A branch judged while the cache was written is merged: the old checkpoint now orders new commits.
    case judgedBranchMerged

    var testDescription: String { rawValue }
    /// Whether the walk can carry on from the cached one.
    var resumes: Bool { self != .rewrittenHistory && self != .judgedBranchMerged }
  }

  /// QP-002, a second procedure.
  static let secondDocument = "procedures/QP-002-storage.md"
  static var secondProcedure: String {
    ApprovalFixture.procedure(step: "Store dry.").replacingOccurrences(of: "id: QP-001", with: "id: QP-002")
  }

  func grow(_ fixture: ApprovalFixture, _ growth: Growth) throws {
    let scratch = fixture.scratch
    switch growth {
    case .approvalsAndRevocation:
      try fixture.gitApprove(key: fixture.bob.path, as: bob)
      let first = try scratch.git("log", "--format=%H", "--grep=Approve QP-001", "--reverse").split(separator: "\n")[0]
      scratch.identity = alice
      try scratch.signedEmptyCommit("Revoke\n\nSigned the wrong text.\n\nRevokes: \(first)", key: fixture.alice.path)
    case .mergedBranch:
      try scratch.git("checkout", "-q", "-b", "side", "HEAD~3")
      try scratch.write(Self.secondDocument, Self.secondProcedure)
      scratch.identity = ("Dana Author", "dana@acme.example")
      try scratch.commitAll("Add QP-002")
      let blob = try fixture.blob(Self.secondDocument)
      try fixture.gitApprove(key: fixture.alice.path, as: alice, id: "QP-002", blob: blob)
      try fixture.gitApprove(key: fixture.bob.path, as: bob, id: "QP-002", blob: blob)
      try scratch.git("checkout", "-q", "main")
      try scratch.git("merge", "-q", "--no-ff", "-m", "Merge side", "side")
      try fixture.gitApprove(key: fixture.bob.path, as: bob)
    case .policyChange:
      let policy = fixture.policy(extraPerson: nil).replacingOccurrences(
        of: "keys: [\"\(fixture.bob.publicKey)\"]",
        with:
          "keys:\n      - key: \"\(fixture.bob.publicKey)\"\n        revoked: {at: 2000-01-01T00:00:00Z, reason: lost}")
      try scratch.write("sop.yml", policy)
      scratch.identity = ("Dana Author", "dana@acme.example")
      try scratch.commitAll("Revoke Bob's key")
      try fixture.gitApprove(key: fixture.alice.path, as: alice, id: "POLICY", blob: try fixture.blob("sop.yml"))
      try fixture.gitApprove(key: fixture.bob.path, as: bob)
    case .rewrittenHistory:
      try scratch.git("reset", "-q", "--hard", "HEAD~1")
      try fixture.gitApprove(key: fixture.bob.path, as: bob)
    case .judgedBranchMerged:
      break
    }
  }

  @Test("A resumed walk is the walk of the whole history, down to its state", arguments: Growth.allCases)
  func resumedEqualsWalked(_ growth: Growth) throws {
    let (fixture, repository) = try cacheTests.scenario()
    _ = try cacheTests.statusJSON(fixture)
    let root = try #require(try repository.pinnedRoot())
    if growth == .judgedBranchMerged {
      // Judged on a branch of its own (its tip becomes a checkpoint), then main is judged again.
      try fixture.scratch.git("checkout", "-q", "-b", "side", "HEAD~2")
      try fixture.scratch.write(Self.secondDocument, Self.secondProcedure)
      fixture.scratch.identity = ("Dana Author", "dana@acme.example")
      try fixture.scratch.commitAll("Add QP-002")
      _ = try cacheTests.statusJSON(fixture)
      try fixture.scratch.git("checkout", "-q", "main")
    }
    _ = try cacheTests.statusJSON(fixture)
    let cachedTip = try repository.commit(nil)
    let saved = try Data(contentsOf: cacheTests.cacheFile(fixture))
    if growth == .judgedBranchMerged {
      try fixture.scratch.git("merge", "-q", "--no-ff", "-m", "Merge side", "side")
    } else {
      try grow(fixture, growth)
    }
    let head = try repository.commit(nil)
    let checkpoints = repository.checkpoints()
    let cached = try #require(repository.cachedWalk(root: root))
    #expect(cached.key.tip == cachedTip)

    var resuming = LedgerBuilder(repository: repository.git)
    let resumed = try resuming.resume(from: cached, at: head, checkpoints: checkpoints)
    var walking = LedgerBuilder(repository: repository.git)
    let walked = try walking.build(from: head, trustedRoot: root, checkpoints: checkpoints)
    #expect((resumed != nil) == growth.resumes)
    if let resumed {
      // Every stored property, of the ledger and of what a later walk would carry on from.
      #expect(LedgerCacheTests.dump(resumed) == LedgerCacheTests.dump(walked))
      #expect(LedgerCacheTests.dump(resuming.walkState) == LedgerCacheTests.dump(walking.walkState))
      #expect(Set(resuming.reachableCommits) == Set(walking.reachableCommits))
      #expect(resuming.reachableCommits.count == walking.reachableCommits.count)
    }

    // Through status: from the old cache, then from none, the same report; the cache is the new tip's walk.
    let fromCache = try cacheTests.statusJSON(fixture)
    let stored = try #require(repository.cachedWalk(root: root))
    #expect(stored.key.tip == head)
    #expect(LedgerCacheTests.dump(stored.ledger) == LedgerCacheTests.dump(walked))
    try FileManager.default.removeItem(at: cacheTests.cacheFile(fixture))
    #expect(try cacheTests.statusJSON(fixture) == fromCache)
    #expect(try Data(contentsOf: cacheTests.cacheFile(fixture)) != saved)
  }

  /// The cache tests' scenario after one status: its pinned root and the walk the cache now holds.
  func judgedScenario() throws -> (ApprovalFixture, DocumentRepository, root: ObjectID, LedgerCache.Cached) {
    let (fixture, repository) = try cacheTests.scenario()
    _ = try cacheTests.statusJSON(fixture)
    let root = try #require(try repository.pinnedRoot())
    return (fixture, repository, root, try #require(repository.cachedWalk(root: root)))
  }

  @Test("A cache written without a walk's state is not carried on; status walks, as without a cache")
  func cacheWithoutStateIsNotResumed() throws {
    let (fixture, repository, root, written) = try judgedScenario()
    try LedgerCache.encode(
      written.ledger, reachable: written.reachable, root: root, checkpoints: repository.checkpoints()
    ).write(to: cacheTests.cacheFile(fixture))
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    let head = try repository.commit(nil)
    let cached = try #require(repository.cachedWalk(root: root))
    #expect(cached.walk == nil)
    var builder = LedgerBuilder(repository: repository.git)
    #expect(try builder.resume(from: cached, at: head, checkpoints: repository.checkpoints()) == nil)
    let fromStale = try cacheTests.statusJSON(fixture)
    #expect(try #require(repository.cachedWalk(root: root)).walk != nil)
    try FileManager.default.removeItem(at: cacheTests.cacheFile(fixture))
    #expect(try cacheTests.statusJSON(fixture) == fromStale)
  }

  @Test("A forged cache of an older tip is carried on by status, and never read by verify or guard")
  func verifyAndGuardNeverResume() throws {
    let (fixture, repository, root, honest) = try judgedScenario()
    let forgery = LedgerCache.encode(
      try cacheTests.forged(honest.ledger), reachable: honest.reachable, root: root,
      checkpoints: repository.checkpoints(), state: honest.walk)
    let tip = try repository.commit(nil)
    // Mallory signs again on top: a new commit, so status resumes from the cached tip.
    try fixture.gitApprove(key: fixture.mallory.path, as: ("Mallory", "mallory@evil.example"))
    try FileManager.default.removeItem(at: cacheTests.cacheFile(fixture))
    let truth = try fixture.verify()
    #expect(truth.problems.filter { $0.kind == .unknownKey }.count == 2)
    let honestStatus = try cacheTests.statusJSON(fixture)
    try forgery.write(to: cacheTests.cacheFile(fixture))
    #expect(try #require(repository.cachedWalk(root: root)).key.tip == tip)
    // Status believes the forgery it carried on from (which is why nothing that judges reads the cache).
    #expect(try cacheTests.statusJSON(fixture) != honestStatus)
    try forgery.write(to: cacheTests.cacheFile(fixture))
    #expect(try fixture.verify().problems == truth.problems)
    let head = try repository.commit(nil)
    let update = try #require(ReferenceUpdate(hookLine: "\(tip.hex) \(head.hex) refs/heads/main"))
    #expect(try repository.guardPush([update]).contains { $0.reason.contains("unknown-key") })
  }
}
