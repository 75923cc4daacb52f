import Foundation
import Signatures
import Synchronization

/// A signer that signs nothing: it keeps the exact data a workflow asks to sign (the commit object) and stops
/// the workflow there, before anything is written. Every check of the workflow has run by then, so a refusal
/// reaches the browser with the CLI's words, and the data kept is what the passkey is asked to sign.
final class CapturingSigner: MessageSigner {
  private let captured = Mutex<Data?>(nil)

  /// The data the workflow asked to sign, once it did.
  var message: Data? { captured.withLock { $0 } }

  func sign(_ message: Data, namespace: String) throws(SignatureError) -> String {
    captured.withLock { $0 = message }
    throw .awaitingExternalSignature
  }
}

/// A signer that returns a signature made in the browser, but only for the data it was made over: when the
/// branch moved or the content changed, the workflow builds another commit and this refuses it.
struct PresignedSigner: MessageSigner {
  /// The data the passkey signed (the commit object prepared earlier).
  let signedMessage: Data
  /// The armored SSHSIG assembled from the assertion and verified against `signedMessage`.
  let armored: String

  func sign(_ message: Data, namespace: String) throws(SignatureError) -> String {
    guard namespace == "git", message == signedMessage else { throw .externalSignatureMismatch }
    return armored
  }
}
