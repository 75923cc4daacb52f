import DocumentModel
import Foundation
import GitStore
import Signatures

/// What `sop revoke` is asked to do.
public struct RevocationRequest: Sendable {
  /// The approval commit to withdraw (any commit-ish).
  public var approval: String
  /// The signing key path; nil means git's `user.signingkey`.
  public var keyPath: String?
  /// Why, written into the commit message and shown by `sop log` and the published site.
  public var reason: String
  /// The revocation time.
  public var now: Date

  /// Creates a request.
  public init(approval: String, keyPath: String?, reason: String, now: Date) {
    self.approval = approval
    self.keyPath = keyPath
    self.reason = reason
    self.now = now
  }
}

/// The result of `sop revoke`.
public struct RevocationOutcome: Codable, Sendable {
  /// The revoking commit.
  public var commit: String
  /// The approval withdrawn.
  public var approval: String
  /// The documents (or `POLICY`) its trailers named.
  public var documents: [String]
}

extension DocumentRepository {
  /// Withdraws one's own approval with a signed, empty commit carrying `Revokes: <approval commit>`.
  ///
  /// Only the key that made the approval may revoke it (the ledger applies the same rule to commits made
  /// with stock git); revision numbers already given never change.
  public func revoke(_ request: RevocationRequest, signer makeSigner: (String) -> any MessageSigner)
    throws(ControlError) -> RevocationOutcome
  {
    let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !reason.isEmpty else { throw .invalidArgument("say why with --reason TEXT") }
    let keyPath = try resolveKeyPath(request.keyPath)
    defer { keyPath.cleanup() }
    let key: SSHPublicKey
    do {
      key = try publicKey(forKeyFile: keyPath.path)
    } catch {
      throw .signing(error)
    }
    let approval = try commit(request.approval)
    struct Plan: SignedCommitPlan {
      var message: String
      var signerIdentity: Person
      var documents: [String]
    }
    let (committed, _, plan, _) = try appendSignedCommit(
      signer: makeSigner(keyPath.path), now: request.now, maxAttempts: 30
    ) { head throws(ControlError) -> Plan in
      let ledger = try ledger(at: head)
      guard let effective = ledger.effectivePolicy else { throw .noPolicy(revision: "HEAD") }
      guard let person = effective.person(for: key) else { throw .unregisteredKey(fingerprint: key.fingerprint) }
      let (stored, signature) = try translatingErrors { () throws -> (Commit, StoredSignature?) in
        guard try git.isDescendant(head, of: approval) else {
          throw ControlError.invalidArgument("\(approval.short) is not in this branch's history")
        }
        return (try git.commit(approval), try git.signature(ofCommit: approval))
      }
      let documents = stored.trailers.filter { $0.key.lowercased() == "approves" }.map {
        String($0.value.split(separator: " ").first ?? "?")
      }
      guard !documents.isEmpty, let signature else {
        throw .invalidArgument("\(approval.short) is not a signed approval commit (no Approves: trailer)")
      }
      guard
        case .valid(let approvalKey) = verifySSHSignature(
          armored: signature.signature, message: Data(signature.signedData), namespace: "git"),
        approvalKey.blob == key.blob
      else {
        throw .refused("only the key that made approval \(approval.short) may revoke it; sign with that key")
      }
      let alreadyRevoked = ledger.documents.values.contains { history in
        history.revisions.contains { $0.revocation?.approval == approval }
      }
      if alreadyRevoked { throw .refused("approval \(approval.short) is already revoked") }
      let message =
        "Revoke approval \(approval.short) of \(documents.joined(separator: ", "))\n\n\(reason)\n\n"
        + "Revokes: \(approval.hex)\n"
      return Plan(message: message, signerIdentity: person, documents: documents)
    }
    return RevocationOutcome(commit: committed.hex, approval: approval.hex, documents: plan.documents)
  }
}
