import Crypto
import Foundation

/// A parsed SSHSIG signature (OpenSSH PROTOCOL.sshsig), as made by `ssh-keygen -Y sign` and stored by git.
public struct SSHSignature: Sendable, Hashable {
  /// The SSHSIG format version; only version 1 exists.
  public let version: UInt32
  /// The key that claims to have made the signature; trust in it must come from elsewhere.
  public let publicKey: SSHPublicKey
  /// The purpose the signature was made for, such as `git` or `file`.
  public let namespace: String
  /// The reserved field, empty in every signature OpenSSH writes.
  public let reserved: Data
  /// The hash applied to the message before signing: `sha512` or `sha256`.
  public let hashAlgorithm: String
  /// The signature scheme, such as `ssh-ed25519` or `rsa-sha2-512`.
  public let signatureAlgorithm: String
  /// The raw signature bytes for that scheme (for ECDSA, the SSH encoding of the mpints r and s).
  public let signature: Data
  /// Security-key (FIDO) flags such as user presence; present only for `sk-` keys.
  public let securityKeyFlags: UInt8?
  /// Security-key signature counter; present only for `sk-` keys.
  public let securityKeyCounter: UInt32?
  /// What a browser's passkey signed besides the flags and counter; present only for
  /// `webauthn-sk-ecdsa-sha2-nistp256@openssh.com` signatures.
  public let webAuthn: WebAuthnFields?

  static let magic: [UInt8] = Array("SSHSIG".utf8)
  static let supportedHashAlgorithms: Set<String> = ["sha256", "sha512"]

  /// Parses an armored `-----BEGIN SSH SIGNATURE-----` block; surrounding whitespace is ignored.
  public init(armored: String) throws(SignatureError) {
    try self.init(blob: SignatureArmor.dearmor(armored))
  }

  /// Parses the binary SSHSIG blob that the armor wraps.
  public init(blob: Data) throws(SignatureError) {
    do throws(WireError) {
      var reader = WireReader(blob)
      guard try reader.readBytes(6, "SSHSIG preamble") == Self.magic else {
        throw WireError(reason: "the SSHSIG preamble is missing")
      }
      version = try reader.readUInt32("version")
      guard version == 1 else { throw WireError(reason: "SSHSIG version \(version) is not supported") }
      let keyBlob = try reader.readString("public key")
      do throws(WireError) {
        publicKey = try SSHPublicKey(wireBlob: Data(keyBlob))
      } catch {
        throw WireError(reason: "its public key is unreadable: \(error.reason)")
      }
      namespace = try reader.readText("namespace")
      reserved = Data(try reader.readString("reserved"))
      hashAlgorithm = try reader.readText("hash algorithm")
      let inner = try reader.readString("signature")
      try reader.expectEnd("the SSHSIG blob")

      var sigReader = WireReader(inner)
      signatureAlgorithm = try sigReader.readText("signature algorithm")
      signature = Data(try sigReader.readString("signature bytes"))
      // PROTOCOL.u2f: security-key signatures append the authenticator's flags and counter, and
      // WebAuthn ones then the origin, the client data and the authenticator's extensions.
      if signatureAlgorithm.hasPrefix("sk-") || signatureAlgorithm == WebAuthnFields.signatureAlgorithm {
        securityKeyFlags = try sigReader.readUInt8("security key flags")
        securityKeyCounter = try sigReader.readUInt32("security key counter")
      } else {
        securityKeyFlags = nil
        securityKeyCounter = nil
      }
      webAuthn =
        signatureAlgorithm == WebAuthnFields.signatureAlgorithm
        ? try WebAuthnFields(reading: &sigReader) : nil
      try sigReader.expectEnd("the signature")
    } catch {
      throw .malformedSignature(reason: error.reason)
    }
  }

  /// The SSHSIG data the key actually signs for `message` (ssh-keygen always writes an empty reserved field).
  static func signedData(message: Data, namespace: String, hashAlgorithm: String) -> Data? {
    let digest: [UInt8]
    switch hashAlgorithm {
    case "sha512": digest = Array(SHA512.hash(data: message))
    case "sha256": digest = Array(SHA256.hash(data: message))
    default: return nil
    }
    var writer = WireWriter()
    writer.appendRaw(magic)
    writer.appendString(namespace)
    writer.appendString([UInt8]())
    writer.appendString(hashAlgorithm)
    writer.appendString(digest)
    return writer.data
  }
}
