import DocumentModel
import Foundation
import GitStore
import Signatures

/// Problems found in `published/*` tags, and how many tags were checked.
struct TagCheck {
  var problems: [VerificationProblem]
  var count: Int
}

extension DocumentRepository {
  /// Checks every `published/*` tag: a valid signature, a publisher's role, and every listed blob
  /// approved for its document at the tagged commit.
  func verifyPublishedTags(ledger: ApprovalLedger) throws(ControlError) -> TagCheck {
    let references = try snapshotReferences()
    let tags = try snapshotTags(from: references)
    var problems = chainProblems(of: tags, tagObjects: references)
    var ledgers: [ObjectID: ApprovalLedger] = [ledger.tip: ledger]
    for tag in tags {
      problems += try verify(tag, in: ledger, ledgers: &ledgers)
    }
    return TagCheck(problems: problems, count: references.count)
  }

  /// What the set of `published/N` references says on its own: references that are no signed snapshot of a
  /// commit, replayed snapshots (the inner name differs), gaps (a deleted snapshot) and broken `Previous:`
  /// links (a replaced one).
  func chainProblems(of tags: [SnapshotTag], tagObjects: [(name: String, object: ObjectID)])
    -> [VerificationProblem]
  {
    var problems: [VerificationProblem] = []
    func report(_ object: ObjectID, _ name: String, _ message: String) {
      problems.append(VerificationProblem(commit: object.hex, document: name, kind: .snapshotChain, message: message))
    }
    let parsed = Set(tags.map(\.name))
    for reference in tagObjects where !parsed.contains(reference.name) {
      report(
        reference.object, reference.name,
        "\(reference.name) is not a snapshot: a published/N tag must be an annotated, signed tag of a commit "
          + "with N a whole number from 1")
    }
    var byNumber: [Int: SnapshotTag] = [:]
    for tag in tags { byNumber[tag.number] = tag }
    for tag in tags {
      if tag.innerName != tag.name {
        report(
          tag.object, tag.name,
          "\(tag.name) is the snapshot '\(tag.innerName)' under another name (a replayed snapshot)")
      }
      guard tag.number > 1 else { continue }
      guard let before = byNumber[tag.number - 1] else {
        report(tag.object, tag.name, "published/\(tag.number - 1) is missing: a snapshot was deleted")
        continue
      }
      if let previous = tag.previous, previous != before.object {
        report(
          tag.object, tag.name,
          "\(tag.name) follows snapshot \(previous.short), but published/\(tag.number - 1) is "
            + "\(before.object.short): a snapshot was replaced")
      } else if tag.previous == nil, before.previous != nil {
        report(
          tag.object, tag.name, "\(tag.name) names no previous snapshot, although published/\(before.number) does")
      }
    }
    return problems
  }

  /// The problems of one snapshot tag, judged inside the history of `ledger` (`ledgers` caches the ledgers
  /// at tagged commits; `known`, parses of blobs read from git that a walk need not read again).
  func verify(
    _ tag: SnapshotTag, in ledger: ApprovalLedger, ledgers: inout [ObjectID: ApprovalLedger],
    known: [ObjectID: ParsedDocument] = [:]
  ) throws(ControlError) -> [VerificationProblem] {
    var problems: [VerificationProblem] = []
    func report(_ kind: ProblemKind, _ document: String, _ message: String) {
      problems.append(VerificationProblem(commit: tag.object.hex, document: document, kind: kind, message: message))
    }
    guard let signature = tag.signature else {
      report(.unsigned, tag.name, "the snapshot tag \(tag.name) is not signed")
      return problems
    }
    let key: SSHPublicKey
    switch verifySSHSignature(armored: signature, message: Data(tag.payload), namespace: "git") {
    case .valid(let signingKey): key = signingKey
    case .wrongNamespace(let found):
      report(.badSignature, tag.name, "\(tag.name) is signed for namespace '\(found)', not 'git'")
      return problems
    case .invalid(let reason):
      report(.badSignature, tag.name, "the signature of \(tag.name) does not verify: \(reason)")
      return problems
    }
    // A snapshot is judged only inside the history being verified (a tag into an unrelated history with
    // its own root proves nothing about this one).
    guard ledger.policyAtCommit.keys.contains(tag.commit) else {
      report(
        .contentMismatch, tag.name,
        "\(tag.name) points at commit \(tag.commit.short), which is not in the history being verified")
      return problems
    }
    let atTag: ApprovalLedger
    if let cached = ledgers[tag.commit] {
      atTag = cached
    } else {
      atTag = try ledgerFromScratch(at: tag.commit, known: known)
      ledgers[tag.commit] = atTag
    }
    guard let policy = atTag.effectivePolicy, let person = policy.person(for: key) else {
      report(.unknownKey, tag.name, "key \(key.fingerprint) is not registered in the sop.yml in effect at the tag")
      return problems
    }
    guard person.roles.contains(where: policy.policy.publishRoles.contains) else {
      report(
        .notAuthorised, tag.name,
        "\(person.name) holds no publish role (\(policy.policy.publishRoles.joined(separator: ", ")))")
      return problems
    }
    for entry in tag.entries {
      guard let id = DocumentID(entry.id), let blob = ObjectID(hex: entry.blob), atTag.isApproved(id, blob: blob)
      else {
        report(
          .contentMismatch, entry.id,
          "\(tag.name) lists '\(entry.line)', which is not an approved content of \(entry.id) at the tagged commit")
        continue
      }
    }
    return problems
  }
}
