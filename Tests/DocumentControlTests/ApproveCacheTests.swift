import DocumentModel
import Foundation
import GitStore
import Signatures
import TestSupport
import Testing

@testable import DocumentControl

/// `sop approve` starts from the ledger cache (`ledgerToAppend(at:builder:)`): with a cache that is current,
/// stale, damaged or of another root it writes the very commit, and refuses exactly what, it would without one;
/// a forged cache whose checksum matches changes neither what is signed nor what the signature counts for.
@Suite("sop approve and the ledger cache")
struct ApproveCacheTests {
  let alice = ("Alice Nguyen", "alice@acme.example")
  let now = Date(timeIntervalSince1970: 1_750_000_000)

  /// QP-001 with the sections lint asks for, judged by a status at that commit (its cache is `stale`), then
  /// approved by Alice with stock git and judged again (its cache is `current`). HEAD is Alice's approval; Bob,
  /// the owner, completes it.
  struct Scenario {
    let fixture: ApprovalFixture
    let repository: DocumentRepository
    let head: ObjectID
    let stale: Data
    let current: Data
    let checkpoints: Data

    var cacheFile: URL { fixture.scratch.url.appendingPathComponent(".git/sop/ledger-cache") }
    var checkpointFile: URL { fixture.scratch.url.appendingPathComponent(".git/sop/checkpoints") }
  }

  func scenario() throws -> Scenario {
    let fixture = try ApprovalFixture()
    let sections =
      "\n## Purpose\n\nKeep hands safe.\n\n## Scope\n\nAll sites.\n\n## Responsibilities\n\n"
      + "The supervisor checks.\n\n## Records\n\nNone.\n"
    try fixture.scratch.write(ApprovalFixture.document, ApprovalFixture.procedure(step: "Wear gloves.") + sections)
    fixture.scratch.identity = ("Dana Author", "dana@acme.example")
    try fixture.scratch.commitAll("Sections")
    let repository = try DocumentRepository(discoveringFrom: fixture.scratch.url.path)
    let cacheFile = fixture.scratch.url.appendingPathComponent(".git/sop/ledger-cache")
    _ = try fixture.status()
    let stale = try Data(contentsOf: cacheFile)
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    _ = try fixture.status()
    let checkpointFile = fixture.scratch.url.appendingPathComponent(".git/sop/checkpoints")
    return Scenario(
      fixture: fixture, repository: repository, head: try repository.commit(nil), stale: stale,
      current: try Data(contentsOf: cacheFile), checkpoints: try Data(contentsOf: checkpointFile))
  }

  /// What the cache holds when approve runs.
  enum CacheState: String, CaseIterable, CustomTestStringConvertible {
    /// The walk of HEAD itself: restored, not walked.
    case current
    /// The walk of HEAD's parent: carried on over Alice's approval.
    case stale
    /// One byte of the current cache flipped: not used.
    case corrupt
    /// The current walk, written under another pinned root: not used.
    case otherRoot

    var testDescription: String { rawValue }

    func bytes(_ scenario: Scenario) throws -> Data {
      switch self {
      case .current: return scenario.current
      case .stale: return scenario.stale
      case .corrupt:
        var bytes = scenario.current
        bytes[bytes.count / 2] ^= 0x40
        return bytes
      case .otherRoot:
        let root = try #require(try scenario.repository.pinnedRoot())
        let cached = try #require(scenario.repository.cachedWalk(root: root))
        let other = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        return LedgerCache.encode(
          cached.ledger, reachable: cached.reachable, root: other, checkpoints: scenario.repository.checkpoints(),
          state: cached.walk)
      }
    }
  }

  /// Puts the branch back on the scenario's HEAD with `cache` (none when nil) and the checkpoints of then, and
  /// approves QP-001 with `key`.
  func approve(_ scenario: Scenario, cache: Data?, key: String) throws -> ApprovalOutcome {
    try scenario.checkpoints.write(to: scenario.checkpointFile)
    if let cache {
      try cache.write(to: scenario.cacheFile)
    } else {
      try? FileManager.default.removeItem(at: scenario.cacheFile)
    }
    try scenario.fixture.scratch.git("update-ref", "refs/heads/main", scenario.head.hex)
    return try scenario.repository.approve(
      ApprovalRequest(ids: ["QP-001"], keyPath: key, now: now), signer: { try! NativeEd25519Signer(privateKeyFile: $0) }
    )
  }

  func json(_ outcome: ApprovalOutcome) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(outcome), as: UTF8.self)
  }

  @Test("approve writes the commit, reports and caches what it does without a cache", arguments: CacheState.allCases)
  func sameCommitAsWithoutCache(_ state: CacheState) throws {
    let scenario = try scenario()
    let bob = scenario.fixture.bob.path
    let reference = try approve(scenario, cache: nil, key: bob)
    let referenceCommit = try scenario.fixture.scratch.git("cat-file", "commit", reference.commit)
    let outcome = try approve(scenario, cache: try state.bytes(scenario), key: bob)
    // The same bytes: the same parent, tree, message and signature (ed25519 signatures are deterministic).
    #expect(outcome.commit == reference.commit)
    #expect(try scenario.fixture.scratch.git("cat-file", "commit", outcome.commit) == referenceCommit)
    #expect(try json(outcome) == json(reference))
    #expect(outcome.documents.first?.state == .approved)
    // The cache approve leaves is the walk of its commit, every stored property.
    let root = try #require(try scenario.repository.pinnedRoot())
    let commit = try #require(ObjectID(hex: outcome.commit))
    let cached = try #require(scenario.repository.cachedWalk(root: root))
    #expect(cached.key.tip == commit)
    #expect(
      LedgerCacheTests.dump(cached.ledger)
        == LedgerCacheTests.dump(try scenario.repository.ledgerFromScratch(at: commit)))
  }

  @Test("An unregistered key is refused, and nothing written, whatever the cache holds", arguments: CacheState.allCases)
  func unregisteredKeyIsRefused(_ state: CacheState) throws {
    let scenario = try scenario()
    for cache in [nil, try state.bytes(scenario)] {
      let error = #expect(throws: ControlError.self) {
        try approve(scenario, cache: cache, key: scenario.fixture.mallory.path)
      }
      guard case .unregisteredKey = error else {
        Issue.record("expected the unregistered key to be refused, got \(String(describing: error))")
        continue
      }
      #expect(try scenario.repository.commit(nil) == scenario.head)
    }
  }

  /// The current cache, forged with a valid checksum: the policy in effect is a `sop.yml` (written to the object
  /// database, never committed or approved) that registers Mallory's key as quality and owner.
  func plantPolicyForgery(_ scenario: Scenario) throws -> Data {
    let fixture = scenario.fixture
    let mallory = """
        - email: mallory@evil.example
          name: Mallory
          roles: [quality, operations]
          keys: ["\(fixture.mallory.publicKey)"]

      """
    let file = fixture.scratch.home.appendingPathComponent("forged-sop.yml")
    try Data(fixture.policy(extraPerson: mallory).utf8).write(to: file)
    let blob = try #require(ObjectID(hex: try fixture.scratch.git("hash-object", "-w", file.path)))
    let root = try #require(try scenario.repository.pinnedRoot())
    let cached = try #require(scenario.repository.cachedWalk(root: root))
    var ledger = cached.ledger
    let honest = try #require(ledger.effectivePolicy)
    // Built anew: the policy's key table is derived when it is made.
    let effective = EffectivePolicy(
      policy: try #require(Policy.decodedIfValid(try scenario.repository.git.blob(blob))), blob: blob,
      revision: honest.revision, approvals: honest.approvals, since: honest.since, time: honest.time)
    ledger.policyVersions[ledger.policyVersions.count - 1] = effective
    ledger.effectivePolicy = effective
    return LedgerCache.encode(
      ledger, reachable: cached.reachable, root: root, checkpoints: scenario.repository.checkpoints(),
      state: cached.walk)
  }

  @Test("A forged cache that registers a key changes neither what is signed nor what the signature counts for")
  func forgedCacheSignsOnlyHeadContent() throws {
    let scenario = try scenario()
    let forged = try plantPolicyForgery(scenario)
    let truth = try scenario.repository.ledgerFromScratch(at: scenario.head)
    // Only a reader that trusts the cache believes it: approve does, as status does (docs/architecture.md).
    let outcome = try approve(scenario, cache: forged, key: scenario.fixture.mallory.path)
    let commit = try #require(ObjectID(hex: outcome.commit))
    let written = try scenario.repository.git.commit(commit)
    // What was signed: HEAD's tree, on HEAD, approving the content of QP-001 at HEAD, read from git.
    #expect(written.parents == [scenario.head])
    #expect(written.tree == (try scenario.repository.git.commit(scenario.head)).tree)
    #expect(written.message.contains("Approves: QP-001 \(try scenario.fixture.blob())"))
    // What it counts for, judged from scratch by verify: nothing.
    let judged = try scenario.repository.ledgerFromScratch(at: commit)
    #expect(LedgerCacheTests.dump(judged.documents) == LedgerCacheTests.dump(truth.documents))
    #expect(LedgerCacheTests.dump(judged.effectivePolicy) == LedgerCacheTests.dump(truth.effectivePolicy))
    #expect(judged.problems.contains { $0.commit == commit.hex && $0.kind == .unknownKey })
    #expect(try scenario.fixture.verify().problems.contains { $0.commit == commit.hex && $0.kind == .unknownKey })
  }
}
