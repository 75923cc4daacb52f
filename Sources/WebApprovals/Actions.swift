import DocumentControl
import DocumentModel
import Foundation
import Signatures

/// What the browser asks the server to sign: the same four acts as `sop approve`, `sop review`,
/// `sop acknowledge` and `sop revoke`, with the same options.
struct ActionRequest: Codable, Sendable, Hashable {
  /// `approve`, `review`, `acknowledge` or `revoke`.
  var action: String
  /// Document ids (`POLICY` for the policy), for every action but `revoke`.
  var ids: [String]?
  /// The approval commit to revoke.
  var approval: String?
  /// Why it is revoked.
  var reason: String?
  /// `sop approve --editorial`.
  var editorial: Bool?
  /// `sop approve --no-retraining`.
  var noRetraining: Bool?

  enum Kind: String, Sendable {
    case approve, review, acknowledge, revoke
  }

  /// The kind, with the arguments it needs checked the way the CLI's parser checks them.
  func kind() throws(ControlError) -> Kind {
    guard let kind = Kind(rawValue: action) else {
      throw .invalidArgument("unknown action '\(action.prefix(40))'; use approve, review, acknowledge or revoke")
    }
    if kind == .revoke {
      guard let approval, !approval.isEmpty else { throw .invalidArgument("say which approval to revoke") }
      guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw .invalidArgument("say why the approval is revoked")
      }
    } else {
      guard let ids, !ids.isEmpty, ids.count <= 100 else { throw .invalidArgument("name the documents (1 to 100 ids)") }
    }
    return kind
  }

  /// What the signature means, in words, shown before the passkey is touched.
  var meaning: String {
    let names = (ids ?? []).joined(separator: ", ")
    switch Kind(rawValue: action) {
    case .approve:
      return (editorial == true ? "Approve the editorial change of " : "Approve ") + names
        + (noRetraining == true ? ", without retraining" : "")
    case .review: return "Confirm the periodic review of \(names): the content stays as it is"
    case .acknowledge: return "Confirm you have read and understood \(names)"
    case .revoke: return "Revoke your approval \(approval ?? "")"
    case nil: return action
    }
  }
}

/// What a finished action made.
struct ActionResult: Codable, Sendable {
  /// The commit written.
  var commit: String
  /// One line a document, for the page.
  var lines: [String]
}

extension ActionRequest {
  /// Runs the CLI's own workflow for this action as the holder of `keyLine`: every check the CLI makes runs
  /// here, with the same refusal. `signer` either captures the commit to sign or supplies the browser's
  /// signature; `time` is the commit time.
  func run(keyLine: String, time: Date, signer: any MessageSigner, on repository: DocumentRepository)
    throws(ControlError) -> ActionResult
  {
    let keyPath = "key::" + keyLine
    let makeSigner: (String) -> any MessageSigner = { _ in signer }
    switch try kind() {
    case .approve, .review:
      var request = ApprovalRequest(
        ids: ids ?? [], keyPath: keyPath, now: time, isReview: action == Kind.review.rawValue)
      request.isEditorial = editorial ?? false
      request.waivesRetraining = noRetraining ?? false
      // Two attempts: a branch that moved makes the second build a different commit, which the presigned
      // signer refuses with its own message.
      let outcome = try repository.approve(request, signer: makeSigner, maxAttempts: 2)
      return ActionResult(
        commit: outcome.commit,
        lines: outcome.documents.map { document in
          let missing = document.missing.isEmpty ? "" : "; still needed: " + document.missing.joined(separator: ", ")
          return "\(document.id) revision \(document.revision): \(document.state.rawValue)\(missing)"
        })
    case .acknowledge:
      let outcome = try repository.recordTraining(
        TrainingRequest(ids: ids ?? [], keyPath: keyPath, now: time), signer: makeSigner)
      return ActionResult(
        commit: outcome.commit,
        lines: outcome.records.map { "\($0.id) revision \($0.revision): acknowledged by \($0.email)" })
    case .revoke:
      let outcome = try repository.revoke(
        RevocationRequest(approval: approval ?? "", keyPath: keyPath, reason: reason ?? "", now: time),
        signer: makeSigner)
      return ActionResult(
        commit: outcome.commit,
        lines: ["approval \(outcome.approval.prefix(12)) revoked for \(outcome.documents.joined(separator: ", "))"])
    }
  }

  /// The commit object this action would sign now, found by running the workflow up to the signature.
  func prepare(keyLine: String, time: Date, on repository: DocumentRepository) throws(ControlError) -> Data {
    let capture = CapturingSigner()
    do {
      _ = try run(keyLine: keyLine, time: time, signer: capture, on: repository)
    } catch .signing(.awaitingExternalSignature) {
      if let message = capture.message { return message }
    }
    throw .refused("the action did not reach the point of signing")
  }
}
