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

  @Option(help: "The SSH key to sign with: a private key, or a public key whose private half is in ssh-agent.")
  var key: String?

  @Option(help: "A note added to the approval commit message.")
  var message: String?

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  func validate() throws {
    if ids.isEmpty { throw ValidationError("name at least one document id to approve") }
  }

  func run() throws {
    let repository = try global.open()
    let request = ApprovalRequest(ids: ids, keyPath: key, message: message, now: approvalTime())
    do {
      let outcome = try repository.approve(
        request, signer: { path in preferredSigner(forKeyFile: path) })
      if format == .json {
        print(jsonText(outcome))
        return
      }
      print("Approved by \(outcome.signer) (\(outcome.fingerprint)) in commit \(outcome.commit.prefix(12))")
      for document in outcome.documents {
        let state =
          document.state == .draft
          ? "draft, still needs \(document.missing.joined(separator: ", "))"
          : "\(document.state), revision \(document.revision)"
        print("  \(document.id): \(state)")
      }
    } catch {
      throw fail(repository.explained(error))
    }
  }
}
