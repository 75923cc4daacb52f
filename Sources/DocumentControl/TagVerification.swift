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
    let tags = try snapshotTags()
    var problems: [VerificationProblem] = []
    var ledgers: [ObjectID: ApprovalLedger] = [ledger.tip: ledger]
    for tag in tags {
      func report(_ kind: ProblemKind, _ document: String, _ message: String) {
        problems.append(VerificationProblem(commit: tag.object.hex, document: document, kind: kind, message: message))
      }
      guard let signature = tag.signature else {
        report(.unsigned, tag.name, "the snapshot tag \(tag.name) is not signed")
        continue
      }
      let key: SSHPublicKey
      switch verifySSHSignature(armored: signature, message: Data(tag.payload), namespace: "git") {
      case .valid(let signingKey): key = signingKey
      case .wrongNamespace(let found):
        report(.badSignature, tag.name, "\(tag.name) is signed for namespace '\(found)', not 'git'")
        continue
      case .invalid(let reason):
        report(.badSignature, tag.name, "the signature of \(tag.name) does not verify: \(reason)")
        continue
      }
      // A snapshot is judged only inside the history being verified (a tag into an unrelated history with
      // its own root proves nothing about this one).
      guard ledger.policyAtCommit.keys.contains(tag.commit) else {
        report(
          .contentMismatch, tag.name,
          "\(tag.name) points at commit \(tag.commit.short), which is not in the history being verified")
        continue
      }
      let atTag: ApprovalLedger
      if let cached = ledgers[tag.commit] {
        atTag = cached
      } else {
        atTag = try self.ledger(at: tag.commit)
        ledgers[tag.commit] = atTag
      }
      guard let policy = atTag.effectivePolicy, let person = policy.person(for: key) else {
        report(.unknownKey, tag.name, "key \(key.fingerprint) is not registered in the sop.yml in effect at the tag")
        continue
      }
      guard person.roles.contains(where: policy.policy.publishRoles.contains) else {
        report(
          .notAuthorised, tag.name,
          "\(person.name) holds no publish role (\(policy.policy.publishRoles.joined(separator: ", ")))")
        continue
      }
      for entry in tag.entries {
        guard let id = DocumentID(entry.id), let blob = ObjectID(hex: entry.blob), atTag.isApproved(id, blob: blob)
        else {
          report(
            .contentMismatch, entry.id,
            "\(tag.name) lists \(entry.id) at blob \(entry.blob.prefix(12)), "
              + "which is not an approved content of \(entry.id) at the tagged commit")
          continue
        }
      }
    }
    return TagCheck(problems: problems, count: tags.count)
  }
}
