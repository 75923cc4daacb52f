import DocumentModel
import Foundation
import GitStore
import Signatures
import TestSupport
import Testing

@testable import DocumentControl

/// The ledger cache (`.git/sop/ledger-cache`): a warm run answers as a walk does, a bad cache is walked past
/// and rewritten, and `verify` and `guard` never read it.
@Suite("The ledger cache")
struct LedgerCacheTests {
  let alice = ("Alice Nguyen", "alice@acme.example")
  let bob = ("Bob Smith", "bob@acme.example")

  /// QP-001 approved, then changed, signed again by Alice (pending) and by Mallory (an unknown key): HEAD is
  /// Mallory's approval.
  func scenario() throws -> (ApprovalFixture, DocumentRepository) {
    let fixture = try ApprovalFixture()
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    try fixture.scratch.write(ApprovalFixture.document, ApprovalFixture.procedure(step: "Wear boots."))
    fixture.scratch.identity = ("Dana Author", "dana@acme.example")
    try fixture.scratch.commitAll("Boots")
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    try fixture.gitApprove(key: fixture.mallory.path, as: ("Mallory", "mallory@evil.example"))
    return (fixture, try DocumentRepository(discoveringFrom: fixture.scratch.url.path))
  }

  func cacheFile(_ fixture: ApprovalFixture) -> URL {
    fixture.scratch.url.appendingPathComponent(".git/sop/ledger-cache")
  }

  /// The status report as JSON, as `sop status --format json` would print it.
  func statusJSON(_ fixture: ApprovalFixture) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(try fixture.status()), as: UTF8.self)
  }

  /// The ledger the cache holds now, whatever key it was built under.
  func cachedLedger(_ fixture: ApprovalFixture, _ repository: DocumentRepository) throws -> ApprovalLedger {
    let head = try repository.commit(nil)
    let root = try #require(try repository.pinnedRoot())
    return try #require(
      repository.cachedLedger(at: head, root: root, checkpoints: repository.checkpoints()))
  }

  /// `ledger` with QP-001's pending content claimed approved and every problem gone.
  func forged(_ ledger: ApprovalLedger) throws -> ApprovalLedger {
    var ledger = ledger
    let id = try #require(DocumentID("QP-001"))
    var history = try #require(ledger.documents[id])
    let pending = try #require(history.pending.keys.first)
    var revision = try #require(history.revisions.last)
    revision.number += 1
    revision.blob = pending
    revision.attachments = [:]
    history.revisions.append(revision)
    history.pending = [:]
    ledger.documents[id] = history
    ledger.problems = []
    return ledger
  }

  /// A forged cache whose checksum matches its payload: only a reader that trusts the cache believes it.
  func plantForgery(_ fixture: ApprovalFixture, _ repository: DocumentRepository) throws {
    let ledger = try forged(try cachedLedger(fixture, repository))
    let root = try #require(try repository.pinnedRoot())
    try LedgerCache.encode(ledger, reachable: [ObjectID](), root: root, checkpoints: repository.checkpoints()).write(
      to: cacheFile(fixture))
  }

  /// Every stored property of `value`, recursively, dictionaries and sets in a fixed order.
  static func dump(_ value: Any) -> String {
    if let data = value as? Data { return data.base64EncodedString() }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct, .class, .tuple, .enum:
      if mirror.children.isEmpty { return String(describing: value) }
      let fields = mirror.children.map { "\($0.label ?? "_")=\(dump($0.value))" }
      return "\(mirror.subjectType)(\(fields.joined(separator: ",")))"
    case .optional:
      return mirror.children.first.map { dump($0.value) } ?? "nil"
    case .collection:
      return "[" + mirror.children.map { dump($0.value) }.joined(separator: ",") + "]"
    case .dictionary, .set:
      return "{" + mirror.children.map { dump($0.value) }.sorted().joined(separator: ",") + "}"
    default:
      return String(describing: value)
    }
  }

  @Test("A warm run reads the cache and gives what a walk gives")
  func warmEqualsCold() throws {
    let (fixture, repository) = try scenario()
    try? FileManager.default.removeItem(at: cacheFile(fixture))
    let cold = try statusJSON(fixture)
    let written = try Data(contentsOf: cacheFile(fixture))
    let head = try repository.commit(nil)
    let root = try #require(try repository.pinnedRoot())
    let cached = try cachedLedger(fixture, repository)
    let walked = try repository.ledgerFromScratch(at: head)
    #expect(
      LedgerCache.encode(cached, reachable: [ObjectID](), root: root, checkpoints: [])
        == LedgerCache.encode(walked, reachable: [ObjectID](), root: root, checkpoints: []))
    // Every stored property, found by reflection: a field added to the ledger and forgotten by the cache fails.
    #expect(Self.dump(cached) == Self.dump(walked))
    #expect(cached.effectivePolicy?.person(for: try SSHPublicKey(authorizedKey: fixture.alice.publicKey)) != nil)
    #expect(try statusJSON(fixture) == cold)
    // A run that used the cache leaves it as it was.
    #expect(try Data(contentsOf: cacheFile(fixture)) == written)
  }

  enum Damage: String, CaseIterable, CustomTestStringConvertible {
    case flippedByte, truncated, empty, otherTip, otherVersion, otherRoot, otherCheckpoints, editedPayload
    var testDescription: String { rawValue }
  }

  @Test(
    "A damaged, stale or edited cache is walked past and rewritten; the output is the same", arguments: Damage.allCases)
  func badCacheIsRebuilt(_ damage: Damage) throws {
    let (fixture, repository) = try scenario()
    try? FileManager.default.removeItem(at: cacheFile(fixture))
    let reference = try statusJSON(fixture)
    let good = try Data(contentsOf: cacheFile(fixture))
    let root = try #require(try repository.pinnedRoot())
    let head = try repository.commit(nil)
    var bad = good
    switch damage {
    case .flippedByte: bad[bad.count / 2] ^= 0x40
    case .truncated: bad = good.prefix(good.count - 7)
    case .empty: bad = Data()
    case .otherTip:
      let parent = try #require(ObjectID(hex: try fixture.scratch.git("rev-parse", "HEAD~1")))
      bad = LedgerCache.encode(
        try repository.ledgerFromScratch(at: parent), reachable: [ObjectID](), root: root, checkpoints: [])
    case .otherVersion: bad[LedgerCache.magic.count] &+= 1
    case .otherRoot:
      let other = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
      bad = LedgerCache.encode(
        try cachedLedger(fixture, repository), reachable: [ObjectID](), root: other, checkpoints: [])
    case .otherCheckpoints:
      let parent = try #require(ObjectID(hex: try fixture.scratch.git("rev-parse", "HEAD~2")))
      bad = LedgerCache.encode(
        try cachedLedger(fixture, repository), reachable: [ObjectID](), root: root, checkpoints: [parent, head])
    case .editedPayload:
      // The payload claims QP-001 approved and history clean; the checksum is the honest one.
      bad = LedgerCache.encode(
        try forged(try cachedLedger(fixture, repository)), reachable: [ObjectID](), root: root, checkpoints: [])
      let sum = (LedgerCache.headerSize - 32)..<LedgerCache.headerSize
      bad.replaceSubrange(sum, with: good[sum])
    }
    try bad.write(to: cacheFile(fixture))
    let key = LedgerCache.Key(tip: head, root: root, checkpoints: repository.checkpoints())
    #expect(
      LedgerCache.decode(bad, key: key) { blob in (try? repository.git.blob(blob)).flatMap(Policy.decodedIfValid) }
        == nil)
    #expect(try statusJSON(fixture) == reference)
    #expect(try Data(contentsOf: cacheFile(fixture)) == good)
  }

  @Test("A commit of the cached history that is now missing is an error, as without a cache")
  func missingCommitIsNotHidden() throws {
    let (fixture, _) = try scenario()
    _ = try statusJSON(fixture)
    let id = try fixture.scratch.git("rev-parse", "HEAD~2")
    try FileManager.default.removeItem(
      at: fixture.scratch.url.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))"))
    #expect(throws: ControlError.self) { try fixture.status() }
  }

  @Test("An approval appended to a walk (sop approve) is the ledger a walk gives, and is cached as one")
  func appendedLedgerIsCached() throws {
    let (fixture, repository) = try scenario()
    let signers = [
      (fixture.bob.path, bob), (fixture.mallory.path, ("Mallory", "mallory@evil.example")),
      (fixture.alice.path, alice),
    ]
    for (key, who) in signers {
      let head = try repository.commit(nil)
      var builder = LedgerBuilder(repository: repository.git)
      let before = try repository.ledger(at: head, builder: &builder)
      let approval = try #require(ObjectID(hex: try fixture.gitApprove(key: key, as: who)))
      let appended = try #require(try builder.appending(approval, onto: head))
      #expect(Self.dump(appended) != Self.dump(before))
      try? FileManager.default.removeItem(at: cacheFile(fixture))
      repository.storeAppendedLedger(appended, builder: builder)
      let cached = try cachedLedger(fixture, repository)
      let walked = try repository.ledgerFromScratch(at: approval)
      #expect(Self.dump(appended) == Self.dump(walked))
      #expect(Self.dump(cached) == Self.dump(walked))
    }
  }

  @Test("A cache that cannot be written changes nothing")
  func unwritableCache() throws {
    let (fixture, _) = try scenario()
    let reference = try statusJSON(fixture)
    try FileManager.default.removeItem(at: cacheFile(fixture))
    // A folder where the file should be: reading and renaming onto it both fail.
    try FileManager.default.createDirectory(
      at: cacheFile(fixture).appendingPathComponent("blocked"), withIntermediateDirectories: true)
    #expect(try statusJSON(fixture) == reference)
    #expect(try statusJSON(fixture) == reference)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: cacheFile(fixture).deletingLastPathComponent().path)
    #expect(leftovers.sorted() == ["checkpoints", "ledger-cache"])
  }

  @Test("A temporary file a killed run left is removed by the next write once it is old")
  func oldTemporaryFilesAreRemoved() throws {
    let (fixture, _) = try scenario()
    let folder = cacheFile(fixture).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let old = folder.appendingPathComponent(".ledger-cache.1.2")
    let young = folder.appendingPathComponent(".ledger-cache.3.4")
    try Data("x".utf8).write(to: old)
    try Data("y".utf8).write(to: young)
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: old.path)
    _ = try statusJSON(fixture)
    #expect(!FileManager.default.fileExists(atPath: old.path))
    #expect(FileManager.default.fileExists(atPath: young.path))
    #expect(FileManager.default.fileExists(atPath: cacheFile(fixture).path))
  }

  @Test("verify and guard never read the cache, even one whose checksum matches")
  func verifyAndGuardIgnoreTheCache() throws {
    let (fixture, repository) = try scenario()
    let truth = try fixture.verify()
    #expect(truth.problems.contains { $0.kind == .unknownKey })
    let honest = try statusJSON(fixture)
    try plantForgery(fixture, repository)
    // The forgery is where status reads: it believes it (which is why nothing that judges trusts it).
    #expect(try statusJSON(fixture) != honest)
    #expect(try fixture.verify().problems == truth.problems)
    let parent = try fixture.scratch.git("rev-parse", "HEAD~1")
    let head = try repository.commit(nil)
    let update = try #require(ReferenceUpdate(hookLine: "\(parent) \(head.hex) refs/heads/main"))
    let rejections = try repository.guardPush([update])
    #expect(rejections.contains { $0.reason.contains("unknown-key") })
  }
}
