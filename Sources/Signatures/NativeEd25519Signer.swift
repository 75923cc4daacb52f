import Crypto
import Foundation

/// Signs in-process with an unencrypted OpenSSH ed25519 key, byte-identical to `ssh-keygen -Y sign`.
///
/// Ed25519 is deterministic on this platform's BoringSSL backend, so the signature (and any commit id that
/// includes it) is the same one ssh-keygen and `git commit -S` would produce; no process is spawned.
public struct NativeEd25519Signer: MessageSigner {
  /// The public half of the signing key, as it appears in the signature and in allowed signers.
  public let publicKey: SSHPublicKey
  private let privateKey: Curve25519.Signing.PrivateKey
  private let keyPath: String

  /// ssh-keygen's default message hash for SSHSIG.
  private static let hashAlgorithm = "sha512"

  /// Loads an unencrypted `openssh-key-v1` ed25519 private key; other keys are refused with a reason.
  public init(privateKeyFile path: String) throws(SignatureError) {
    try self.init(openSSHPrivateKey: try readKeyFile(path), path: path)
  }

  /// Loads the key from the text of a private key file; `path` is used only in error messages.
  public init(openSSHPrivateKey text: String, path: String) throws(SignatureError) {
    let file = try OpenSSHPrivateKeyFile(text: text, path: path)
    guard file.cipherName == "none" else { throw .encryptedPrivateKey(path: path) }
    guard file.publicKey.algorithm == KeyMaterial.ed25519Name else {
      throw .unsupportedPrivateKey(
        path: path, reason: "it is a \(file.publicKey.algorithm) key; only ssh-ed25519 is signed natively")
    }
    do throws(WireError) {
      var reader = WireReader(file.privateSection)
      // Equal check words are how OpenSSH detects a wrong passphrase or corruption.
      let firstCheck = try reader.readUInt32("check word")
      let secondCheck = try reader.readUInt32("check word")
      guard firstCheck == secondCheck else {
        throw WireError(reason: "its check words differ, so the private section is corrupt")
      }
      let type = try reader.readText("private key type")
      guard type == KeyMaterial.ed25519Name else {
        throw WireError(reason: "its private section holds a \(type) key")
      }
      let publicBytes = try reader.readString("Ed25519 public key")
      let secret = try reader.readString("Ed25519 private key")
      _ = try reader.readString("comment")
      let padding = try reader.readBytes(reader.remainingCount, "padding")
      guard padding.enumerated().allSatisfy({ UInt8(truncatingIfNeeded: $0.offset + 1) == $0.element })
      else { throw WireError(reason: "its padding is corrupt") }
      // OpenSSH stores seed ‖ public key; the seed alone determines the key.
      guard publicBytes.count == 32, secret.count == 64, Array(secret[32...]) == publicBytes else {
        throw WireError(reason: "its Ed25519 key material has the wrong size or does not match")
      }
      guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: secret[..<32]),
        Array(key.publicKey.rawRepresentation) == publicBytes,
        Array(file.publicKey.blob) == Self.publicBlob(publicBytes)
      else { throw WireError(reason: "its private key does not match its public key") }
      self.privateKey = key
    } catch {
      throw .unsupportedPrivateKey(path: path, reason: error.reason)
    }
    self.publicKey = file.publicKey
    self.keyPath = path
  }

  /// Signs `message` as `ssh-keygen -Y sign -n namespace` would, without the final newline.
  public func sign(_ message: Data, namespace: String) throws(SignatureError) -> String {
    try validateNamespace(namespace)
    guard
      let signedData = SSHSignature.signedData(
        message: message, namespace: namespace, hashAlgorithm: Self.hashAlgorithm)
    else { preconditionFailure("sha512 is always supported") }
    let rawSignature: Data
    do {
      rawSignature = try privateKey.signature(for: signedData)
    } catch {
      throw .unsupportedPrivateKey(path: keyPath, reason: "Ed25519 signing failed: \(error)")
    }
    var signature = WireWriter()
    signature.appendString(KeyMaterial.ed25519Name)
    signature.appendString(rawSignature)

    var blob = WireWriter()
    blob.appendRaw(SSHSignature.magic)
    blob.appendUInt32(1)
    blob.appendString(publicKey.blob)
    blob.appendString(namespace)
    blob.appendString([UInt8]())
    blob.appendString(Self.hashAlgorithm)
    blob.appendString(signature.bytes)
    return SignatureArmor.armor(blob.data)
  }

  private static func publicBlob(_ raw: [UInt8]) -> [UInt8] {
    var writer = WireWriter()
    writer.appendString(KeyMaterial.ed25519Name)
    writer.appendString(raw)
    return writer.bytes
  }
}
