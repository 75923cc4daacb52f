import ArgumentParser
import DocumentControl
import Foundation
import Signatures

/// `sop approve ID...`: a signed, empty approval commit naming each document's exact content.
struct ApproveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve",
    abstract: "Sign an approval of the committed content of one or more documents (or POLICY).",
    discussion: """
      The key defaults to git's user.signingkey. Unencrypted ed25519 key files are signed natively
      (byte-identical to ssh-keygen); other keys (encrypted, ssh-agent, FIDO) through ssh-keygen -Y sign.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Document ids, or POLICY to approve a change to sop.yml.")
  var ids: [String]

  @Flag(help: "Sign a small change on the type's editorial path (trailer Change: editorial).")
  var editorial = false

  @Flag(help: "Training on the previous revision carries over (trailer Retraining: not-required; docs/training.md).")
  var noRetraining = false

  @OptionGroup var signing: SigningOptions

  func validate() throws {
    if ids.isEmpty { throw ValidationError("name at least one document id to approve") }
  }

  func run() throws {
    try signApproval(
      ids: ids, isReview: false, isEditorial: editorial, waivesRetraining: noRetraining, global: global,
      signing: signing)
  }
}

/// `sop review ID...`: a periodic review of unchanged approved content (a signed commit like an approval).
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Sign a periodic review of approved documents whose content has not changed.",
    discussion: """
      The same signed, empty commit as an approval of content already in force: no new revision, and the
      review clock restarts. Refuses (exit 1) a document whose content changed since its approved revision.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Document ids.")
  var ids: [String]

  @OptionGroup var signing: SigningOptions

  func validate() throws {
    if ids.isEmpty { throw ValidationError("name at least one document id to review") }
  }

  func run() throws {
    try signApproval(
      ids: ids, isReview: true, isEditorial: false, waivesRetraining: false, global: global, signing: signing)
  }
}

/// The options `approve` and `review` share.
struct SigningOptions: ParsableArguments {
  @Option(help: "The SSH key to sign with: a private key, or a public key whose private half is in ssh-agent.")
  var key: String?

  @Option(help: "A note added to the commit message.")
  var message: String?

  @Flag(help: "Sign without showing what is about to be signed and asking (the default without a terminal).")
  var yes = false

  @Option(help: "text or json.")
  var format: OutputFormat = .text
}

/// Signs an approval or review and prints the outcome. On a terminal (unless `--yes`) it first shows what is
/// about to be signed and asks.
private func signApproval(
  ids: [String], isReview: Bool, isEditorial: Bool, waivesRetraining: Bool, global: GlobalOptions,
  signing: SigningOptions
) throws {
  var request = ApprovalRequest(
    ids: ids, keyPath: signing.key, message: signing.message, now: approvalTime(), isReview: isReview)
  request.isEditorial = isEditorial
  request.waivesRetraining = waivesRetraining
  let format = signing.format
  let confirm = !signing.yes
  let repository = try global.open()
  do {
    if confirm, isatty(0) == 1, isatty(1) == 1 {
      let preview = try repository.approvalPreview(
        ids: request.ids, now: request.now, waivesRetraining: request.waivesRetraining)
      for item in preview {
        print("\(item.id)  \(item.title)")
        print("  becomes \(item.becomes)")
        print("  \(item.insertedWords) word(s) inserted, \(item.deletedWords) deleted since the revision in force")
        if !item.authors.isEmpty { print("  changes by " + item.authors.joined(separator: ", ")) }
        if !item.retraining.isEmpty { print("  training: " + item.retraining) }
        for warning in item.warnings.prefix(5) { print("  lint: \(warning)") }
        if item.warnings.count > 5 { print("  lint: … and \(item.warnings.count - 5) more (sop lint)") }
      }
      print("Sign \(request.isReview ? "this review" : "this approval")? [y/N] ", terminator: "")
      let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
      guard answer == "y" || answer == "yes" else {
        printError("sop: nothing signed")
        throw ExitCode(1)
      }
    }
    let outcome = try repository.approve(request, signer: { path in preferredSigner(forKeyFile: path) })
    if format == .json {
      print(jsonText(outcome))
      return
    }
    print(
      "\(request.isReview ? "Reviewed" : "Approved") by \(outcome.signer) (\(outcome.fingerprint)) in commit "
        + "\(outcome.commit.prefix(12))")
    for document in outcome.documents {
      var state =
        document.state == .draft
        ? "draft, still needs \(document.missing.joined(separator: ", "))"
        : "\(document.state), revision \(document.revision)"
      if let next = document.nextReview, document.state == .approved { state += ", next review by \(next.prefix(10))" }
      print("  \(document.id): \(state)")
    }
  } catch let error as ControlError {
    throw fail(repository.explained(error))
  }
}

/// `sop revoke COMMIT`: the signer of an approval withdraws it.
struct RevokeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke",
    abstract: "Withdraw your own approval with a signed commit carrying Revokes: <commit>.",
    discussion: """
      Only the key that made the approval may revoke it. From the revoking commit on the approval counts for
      nothing; a revision it completed keeps its number, is shown as revoked in sop log, and leaves force.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The approval commit to withdraw.")
  var commit: String

  @Option(help: "The SSH key that made the approval.")
  var key: String?

  @Option(help: "Why the approval is withdrawn (required; shown in sop log).")
  var reason: String

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  func run() throws {
    let repository = try global.open()
    do {
      let outcome = try repository.revoke(
        RevocationRequest(approval: commit, keyPath: key, reason: reason, now: approvalTime()),
        signer: { path in preferredSigner(forKeyFile: path) })
      if format == .json {
        print(jsonText(outcome))
        return
      }
      print(
        "Revoked approval \(outcome.approval.prefix(12)) of \(outcome.documents.joined(separator: ", ")) in commit "
          + "\(outcome.commit.prefix(12))")
    } catch {
      throw fail(repository.explained(error))
    }
  }
}

/// `sop withdraw ID --reason TEXT`: marks a document obsolete and commits that change.
struct WithdrawCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "withdraw",
    abstract: "Set status: obsolete on a document and commit it; the withdrawal is then approved like a change.",
    discussion: """
      The commit is authored as git's user.name/user.email (GIT_AUTHOR_* when set) and signed with --key or
      user.signingkey when given, or when sop.yml says changes: signed. Prints who must approve it and the
      approved documents that still refer to it.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The document id.")
  var id: String

  @Option(help: "Why the document is withdrawn (required; the commit message says it).")
  var reason: String

  @Option(help: "An SSH key to sign the change with.")
  var key: String?

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  func run() throws {
    let repository = try global.open()
    do {
      let outcome = try repository.withdraw(
        WithdrawalRequest(id: id, reason: reason, keyPath: key, now: approvalTime()),
        signer: { path in preferredSigner(forKeyFile: path) })
      if format == .json {
        print(jsonText(outcome))
        return
      }
      print("Withdrew \(id) (\(outcome.path)) in commit \(outcome.commit.prefix(12)); it is a draft until approved.")
      for role in outcome.approvers {
        let people = role.people.isEmpty ? "nobody with a key holds it" : role.people.joined(separator: ", ")
        print("  needs \(role.role): \(people)")
      }
      if !outcome.referredToBy.isEmpty {
        printError(
          "sop: warning: approved documents still refer to \(id): "
            + outcome.referredToBy.joined(separator: ", ") + "; revise them before the withdrawal is approved")
      }
    } catch {
      throw fail(repository.explained(error))
    }
  }
}
