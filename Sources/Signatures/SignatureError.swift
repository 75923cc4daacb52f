import Foundation

/// Everything that can go wrong while reading keys and signatures, signing, or reading allowed signers.
public enum SignatureError: Error, Equatable, CustomStringConvertible {
  /// An authorized-keys line or SSH key blob could not be read.
  case malformedPublicKey(reason: String)
  /// An armored SSH signature (SSHSIG) could not be read.
  case malformedSignature(reason: String)
  /// A key file could not be read from disk.
  case unreadableKeyFile(path: String, reason: String)
  /// A private key file is not one this module can sign with natively.
  case unsupportedPrivateKey(path: String, reason: String)
  /// A private key file is protected by a passphrase, so only ssh-keygen (or ssh-agent) can use it.
  case encryptedPrivateKey(path: String)
  /// The namespace given for signing is empty or contains characters SSHSIG cannot carry.
  case invalidNamespace(String)
  /// The ssh-keygen executable could not be found or started.
  case signerUnavailable(executable: String, reason: String)
  /// ssh-keygen ran but did not produce a signature.
  case signingFailed(keyPath: String, status: Int32, message: String)
  /// A line of an allowed-signers file could not be read.
  case malformedAllowedSigners(line: Int, reason: String)
  /// An allowed-signers entry has a field that the file format cannot represent.
  case invalidAllowedSigner(principal: String, reason: String)
  /// The signature is made outside this process (a passkey in a browser, `sop serve`): the data to sign is
  /// ready and no signature has been given yet.
  case awaitingExternalSignature
  /// A signature made outside this process covers other data than the commit that would be made now: the
  /// branch moved or the content changed after it was signed.
  case externalSignatureMismatch

  /// A sentence for the person reading the error.
  public var description: String {
    switch self {
    case .malformedPublicKey(let reason):
      return "the SSH public key cannot be read: \(reason)"
    case .malformedSignature(let reason):
      return "the signature is not armored SSHSIG: \(reason)"
    case .unreadableKeyFile(let path, let reason):
      return "key file \(path) cannot be read: \(reason)"
    case .unsupportedPrivateKey(let path, let reason):
      return "key file \(path) cannot be used for native signing: \(reason); use ssh-keygen signing instead"
    case .encryptedPrivateKey(let path):
      return "key file \(path) is encrypted; use ssh-keygen signing (agent) instead"
    case .invalidNamespace(let namespace):
      return "the signature namespace \"\(namespace)\" is not usable: it must be non-empty text without NUL bytes"
    case .signerUnavailable(let executable, let reason):
      return "cannot run \(executable) to sign: \(reason)"
    case .signingFailed(let keyPath, let status, let message):
      let detail = message.isEmpty ? "it printed no explanation" : message
      return "ssh-keygen could not sign with key \(keyPath) (exit status \(status)): \(detail)"
    case .malformedAllowedSigners(let line, let reason):
      return "allowed signers line \(line): \(reason)"
    case .invalidAllowedSigner(let principal, let reason):
      return "allowed signer \"\(principal)\" cannot be written: \(reason)"
    case .awaitingExternalSignature:
      return "the data to sign is ready and waits for the passkey's signature"
    case .externalSignatureMismatch:
      return
        "what was signed is no longer what would be committed: the branch moved or the content changed after "
        + "you signed; look at the document again and sign again"
    }
  }
}
