import Crypto
import Foundation
import _CryptoExtras

/// The outcome of checking an SSH signature against a message and the namespace the caller expects.
public enum SignatureVerdict: Sendable, Equatable {
  /// The signature is cryptographically valid for this key; whether the key is trusted is the caller's call.
  case valid(SSHPublicKey)
  /// The signature is genuine but was made for another purpose, so it must not count for this one.
  case wrongNamespace(found: String)
  /// The signature is malformed, uses an unsupported scheme, or does not match the message.
  case invalid(reason: String)

  /// True only for `.valid`.
  public var isValid: Bool {
    if case .valid = self { return true }
    return false
  }
}

/// Checks an armored SSHSIG signature natively, as `ssh-keygen -Y verify` would, without trusting the key.
public func verifySSHSignature(armored: String, message: Data, namespace: String) -> SignatureVerdict {
  do {
    return try SSHSignature(armored: armored).verify(message: message, namespace: namespace)
  } catch {
    return .invalid(reason: error.description)
  }
}

/// The user-presence bit of a security-key signature (PROTOCOL.u2f); ssh-keygen requires it by default.
private let userPresenceFlag: UInt8 = 0x01

extension SSHSignature {
  /// Checks this signature over `message`; a genuine signature for another namespace is `.wrongNamespace`.
  public func verify(message: Data, namespace expectedNamespace: String) -> SignatureVerdict {
    guard
      let signedData = Self.signedData(
        message: message, namespace: namespace, hashAlgorithm: hashAlgorithm)
    else {
      return .invalid(
        reason: "hash algorithm \"\(hashAlgorithm)\" is not supported; expected sha512 or sha256")
    }
    let material: KeyMaterial
    do throws(WireError) {
      material = try KeyMaterial.parse(blob: [UInt8](publicKey.blob)).material
    } catch {
      return .invalid(reason: "the signing key is unreadable: \(error.reason)")
    }
    if let failure = failureReason(material: material, signedData: signedData) {
      return .invalid(reason: failure)
    }
    // Checked after the cryptography so that wrongNamespace always means "genuine, but not for this".
    guard namespace == expectedNamespace else { return .wrongNamespace(found: namespace) }
    return .valid(publicKey)
  }

  /// Nil when the signature is valid for `signedData`, otherwise why not.
  private func failureReason(material: KeyMaterial, signedData: Data) -> String? {
    let mismatch = "the signature does not match the message and key"
    switch material {
    case .ed25519(let key):
      if let wrong = requireAlgorithm(publicKey.algorithm) { return wrong }
      return Ed25519Verification.isValid(signature, for: signedData, key: key) ? nil : mismatch

    case .ecdsaP256(let key):
      if let wrong = requireAlgorithm(publicKey.algorithm) { return wrong }
      guard let raw = Self.ecdsaRawSignature(signature, scalarSize: 32),
        let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: raw)
      else { return "the ECDSA signature is malformed" }
      return key.isValidSignature(parsed, for: signedData) ? nil : mismatch

    case .ecdsaP384(let key):
      if let wrong = requireAlgorithm(publicKey.algorithm) { return wrong }
      guard let raw = Self.ecdsaRawSignature(signature, scalarSize: 48),
        let parsed = try? P384.Signing.ECDSASignature(rawRepresentation: raw)
      else { return "the ECDSA signature is malformed" }
      return key.isValidSignature(parsed, for: signedData) ? nil : mismatch

    case .ecdsaP521(let key):
      if let wrong = requireAlgorithm(publicKey.algorithm) { return wrong }
      guard let raw = Self.ecdsaRawSignature(signature, scalarSize: 66),
        let parsed = try? P521.Signing.ECDSASignature(rawRepresentation: raw)
      else { return "the ECDSA signature is malformed" }
      return key.isValidSignature(parsed, for: signedData) ? nil : mismatch

    case .rsa(let modulus, let exponent):
      return rsaFailureReason(modulus: modulus, exponent: exponent, signedData: signedData)

    case .securityKeyEd25519(let key, let application):
      if let wrong = requireAlgorithm(publicKey.algorithm) { return wrong }
      guard let toVerify = securityKeySignedData(application: application, signedData: signedData)
      else { return "the security key did not confirm user presence for this signature" }
      return Ed25519Verification.isValid(signature, for: toVerify, key: key) ? nil : mismatch

    case .securityKeyECDSAP256(let key, let application):
      let toVerify: Data
      if let webAuthn, signatureAlgorithm == WebAuthnFields.signatureAlgorithm {
        // A passkey's assertion made in a browser (PROTOCOL.u2f, ssh-ecdsa-sk.c).
        guard let flags = securityKeyFlags, let counter = securityKeyCounter, flags & userPresenceFlag != 0
        else { return "the security key did not confirm user presence for this signature" }
        if let failure = webAuthn.formFailure(flags: flags, signedData: signedData) { return failure }
        toVerify = webAuthn.signedAssertion(application: application, flags: flags, counter: counter)
      } else {
        if let wrong = requireAlgorithm(publicKey.algorithm) { return wrong }
        guard let data = securityKeySignedData(application: application, signedData: signedData)
        else { return "the security key did not confirm user presence for this signature" }
        toVerify = data
      }
      guard let raw = Self.ecdsaRawSignature(signature, scalarSize: 32),
        let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: raw)
      else { return "the ECDSA signature is malformed" }
      return key.isValidSignature(parsed, for: toVerify) ? nil : mismatch

    case .unsupported(let type):
      return "unsupported key type \(type)"
    }
  }

  private func requireAlgorithm(_ expected: String) -> String? {
    guard signatureAlgorithm == expected else {
      return "a \(publicKey.algorithm) key cannot make a \(signatureAlgorithm) signature"
    }
    return nil
  }

  private func rsaFailureReason(modulus: [UInt8], exponent: [UInt8], signedData: Data) -> String? {
    let digest: any Digest
    switch signatureAlgorithm {
    case "rsa-sha2-512": digest = SHA512.hash(data: signedData)
    case "rsa-sha2-256": digest = SHA256.hash(data: signedData)
    case "ssh-rsa":
      return "ssh-rsa signatures use SHA-1 and are refused; re-sign with rsa-sha2-512"
    default:
      return "an RSA key cannot make a \(signatureAlgorithm) signature"
    }
    let bits = modulus.count * 8 - (modulus.first.map { $0.leadingZeroBitCount } ?? 0)
    guard bits >= 2048 else {
      return "the RSA key has \(bits) bits; at least 2048 are required"
    }
    guard let key = try? _RSA.Signing.PublicKey(n: modulus, e: exponent) else {
      return "the RSA public key is not usable"
    }
    // OpenSSH may drop leading zero bytes of the signature; BoringSSL wants exactly the modulus length.
    guard signature.count <= modulus.count else { return "the RSA signature is longer than the key" }
    let padded = Data(repeating: 0, count: modulus.count - signature.count) + signature
    let parsed = _RSA.Signing.RSASignature(rawRepresentation: padded)
    let isValid: Bool
    if let digest = digest as? SHA512Digest {
      isValid = key.isValidSignature(parsed, for: digest, padding: .insecurePKCS1v1_5)
    } else if let digest = digest as? SHA256Digest {
      isValid = key.isValidSignature(parsed, for: digest, padding: .insecurePKCS1v1_5)
    } else {
      isValid = false
    }
    return isValid ? nil : "the signature does not match the message and key"
  }

  /// PROTOCOL.u2f: SHA256(application) ‖ flags ‖ counter ‖ SHA256(data); nil without user presence.
  private func securityKeySignedData(application: [UInt8], signedData: Data) -> Data? {
    guard let flags = securityKeyFlags, let counter = securityKeyCounter,
      flags & userPresenceFlag != 0
    else { return nil }
    var writer = WireWriter()
    writer.appendRaw(SHA256.hash(data: application))
    writer.appendUInt8(flags)
    writer.appendUInt32(counter)
    writer.appendRaw(SHA256.hash(data: signedData))
    return writer.data
  }

  /// Converts SSH's `string(mpint r ‖ mpint s)` into the fixed-width r ‖ s that swift-crypto expects.
  static func ecdsaRawSignature(_ encoded: Data, scalarSize: Int) -> Data? {
    var reader = WireReader(encoded)
    guard let r = try? KeyMaterial.readPositiveMPInt(&reader, "r"),
      let s = try? KeyMaterial.readPositiveMPInt(&reader, "s"),
      reader.isAtEnd, r.count <= scalarSize, s.count <= scalarSize
    else { return nil }
    var raw = Data(repeating: 0, count: scalarSize - r.count) + r
    raw += Data(repeating: 0, count: scalarSize - s.count) + s
    return raw
  }
}
