import Crypto
import Foundation

/// The WebAuthn part of a `webauthn-sk-ecdsa-sha2-nistp256@openssh.com` signature (OpenSSH PROTOCOL.u2f):
/// a browser's passkey signed `authenticatorData ‖ SHA-256(clientDataJSON)`, and OpenSSH rebuilds the
/// authenticator data from the key's application (the relying-party id), the flags, the counter and these
/// extensions.
public struct WebAuthnFields: Sendable, Hashable {
  /// The inner signature type OpenSSH gives a WebAuthn assertion.
  public static let signatureAlgorithm = "webauthn-sk-ecdsa-sha2-nistp256@openssh.com"

  /// The origin as the signature states it, such as `https://sop.example`; it must match the client data.
  public var origin: String { String(decoding: originBytes, as: UTF8.self) }
  /// The exact clientDataJSON bytes the browser hashed.
  public let clientDataJSON: Data
  /// The authenticator's extension bytes (CBOR) that follow the counter in the authenticator data.
  public let extensions: Data
  /// The origin's bytes as given: OpenSSH compares bytes, not text.
  let originBytes: [UInt8]

  /// Reads origin, client data and extensions after the flags and counter; the reader must then be at its end.
  init(reading reader: inout WireReader) throws(WireError) {
    // OpenSSH reads the origin as a C string: a NUL byte inside it makes the signature malformed.
    originBytes = try reader.readString("WebAuthn origin")
    guard !originBytes.contains(0) else { throw WireError(reason: "the WebAuthn origin contains a NUL byte") }
    clientDataJSON = Data(try reader.readString("WebAuthn client data"))
    extensions = Data(try reader.readString("WebAuthn extensions"))
  }

  /// The authenticator-data flag bits OpenSSH checks (WebAuthn §6.1).
  static let attestedDataFlag: UInt8 = 0x40
  static let extensionDataFlag: UInt8 = 0x80

  /// Nil when the client data and flags have the form OpenSSH's `webauthn_check_prepare_hash` accepts for
  /// `signedData` (the challenge), otherwise why not.
  func formFailure(flags: UInt8, signedData: Data) -> String? {
    if originBytes.contains(UInt8(ascii: "\"")) { return "the WebAuthn origin contains a quote" }
    if flags & Self.attestedDataFlag != 0 {
      return "the WebAuthn flags claim attested credential data, which only a registration carries"
    }
    if (flags & Self.extensionDataFlag != 0) == extensions.isEmpty {
      return "the WebAuthn extension flag does not match the extension data"
    }
    let prefix = Self.clientDataPrefix(challenge: signedData, origin: originBytes)
    guard clientDataJSON.count >= prefix.count, clientDataJSON.prefix(prefix.count).elementsEqual(prefix) else {
      return "the WebAuthn client data is not a webauthn.get assertion over this data from origin \(origin)"
    }
    return nil
  }

  /// `{"type":"webauthn.get","challenge":"<base64url, no padding>","origin":"<origin>"`: what the client data
  /// must start with, in this order and without spaces (ssh-ecdsa-sk.c). Later members are not checked.
  static func clientDataPrefix(challenge: Data, origin: [UInt8]) -> [UInt8] {
    Array(#"{"type":"webauthn.get","challenge":""#.utf8) + Array(base64URL(challenge).utf8)
      + Array(#"","origin":""#.utf8) + origin + [UInt8(ascii: "\"")]
  }

  /// Base64url without padding (RFC 4648 §5), as WebAuthn encodes the challenge.
  static func base64URL(_ data: Data) -> String {
    var text = data.base64EncodedString()
    while text.hasSuffix("=") { text.removeLast() }
    return String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
  }

  /// What the passkey signed: SHA-256(application) ‖ flags ‖ counter ‖ extensions ‖ SHA-256(client data).
  func signedAssertion(application: [UInt8], flags: UInt8, counter: UInt32) -> Data {
    var writer = WireWriter()
    writer.appendRaw(SHA256.hash(data: application))
    writer.appendUInt8(flags)
    writer.appendUInt32(counter)
    writer.appendRaw(extensions)
    writer.appendRaw(SHA256.hash(data: clientDataJSON))
    return writer.data
  }
}

/// Turning a browser's passkey assertion into a signature git and ssh-keygen verify (for `sop serve`).
public enum WebAuthnAssertion {
  /// The WebAuthn challenge for `message`: the SSHSIG to-be-signed data (PROTOCOL.sshsig) for `namespace`.
  public static func challenge(message: Data, namespace: String = "git", hashAlgorithm: String = "sha512")
    -> Data?
  {
    SSHSignature.signedData(message: message, namespace: namespace, hashAlgorithm: hashAlgorithm)
  }

  /// The `sk-ecdsa-sha2-nistp256@openssh.com` key for a passkey: its ES256 public key as the SubjectPublicKeyInfo
  /// DER that `AuthenticatorAttestationResponse.getPublicKey()` returns, with the relying-party id as application.
  public static func publicKey(subjectPublicKeyInfo der: Data, rpID: String, comment: String? = nil)
    throws(SignatureError) -> SSHPublicKey
  {
    guard let key = try? P256.Signing.PublicKey(derRepresentation: der) else {
      throw .malformedPublicKey(reason: "the passkey's public key is not a P-256 SubjectPublicKeyInfo")
    }
    guard !rpID.isEmpty, !rpID.utf8.contains(0) else {
      throw .malformedPublicKey(reason: "the relying-party id must be non-empty text without NUL bytes")
    }
    var blob = WireWriter()
    blob.appendString(KeyMaterial.securityKeyECDSAP256Name)
    blob.appendString("nistp256")
    blob.appendString(key.x963Representation)
    blob.appendString(rpID)
    return try SSHPublicKey(blob: blob.data, comment: comment)
  }

  /// Wraps an ES256 assertion as an armored SSHSIG (without the final newline, as git stores it) whose inner
  /// signature is `webauthn-sk-ecdsa-sha2-nistp256@openssh.com`. Nothing is verified here: verify the result
  /// with `SSHSignature.verify` before using it.
  ///
  /// - Parameters:
  ///   - publicKey: the passkey as an `sk-ecdsa-sha2-nistp256@openssh.com` key whose application is the rp id.
  ///   - authenticatorData: the assertion's authenticatorData (rp id hash, flags, counter, extensions).
  ///   - clientDataJSON: the assertion's clientDataJSON bytes, unchanged.
  ///   - signature: the assertion's signature, DER as browsers return it (or raw r ‖ s, 64 bytes).
  ///   - origin: the origin the client data names, such as `https://sop.example`.
  public static func armoredSignature(
    publicKey: SSHPublicKey, namespace: String = "git", hashAlgorithm: String = "sha512",
    authenticatorData: Data, clientDataJSON: Data, signature: Data, origin: String
  ) throws(SignatureError) -> String {
    guard publicKey.algorithm == KeyMaterial.securityKeyECDSAP256Name else {
      throw .malformedSignature(reason: "a WebAuthn assertion needs a \(KeyMaterial.securityKeyECDSAP256Name) key")
    }
    let bytes = [UInt8](authenticatorData)
    guard bytes.count >= 37 else {
      throw .malformedSignature(reason: "the authenticator data has \(bytes.count) bytes, at least 37 are needed")
    }
    let flags = bytes[32]
    let counter = authenticatorCounter(bytes)
    guard let parsed = es256Signature(signature) else {
      throw .malformedSignature(reason: "the assertion's signature is neither DER nor raw P-256 ECDSA")
    }
    let raw = [UInt8](parsed.rawRepresentation)
    var ecdsa = WireWriter()
    ecdsa.appendString(positiveMPInt(raw[0..<32]))
    ecdsa.appendString(positiveMPInt(raw[32..<64]))
    var inner = WireWriter()
    inner.appendString(WebAuthnFields.signatureAlgorithm)
    inner.appendString(ecdsa.bytes)
    inner.appendUInt8(flags)
    inner.appendUInt32(counter)
    inner.appendString(origin)
    inner.appendString([UInt8](clientDataJSON))
    inner.appendString(bytes[37...])
    var blob = WireWriter()
    blob.appendRaw(SSHSignature.magic)
    blob.appendUInt32(1)
    blob.appendString([UInt8](publicKey.blob))
    blob.appendString(namespace)
    blob.appendString([UInt8]())
    blob.appendString(hashAlgorithm)
    blob.appendString(inner.bytes)
    return SignatureArmor.armor(blob.data)
  }

  /// An ES256 signature as browsers return it (DER), or raw r ‖ s (64 bytes); nil for anything else.
  static func es256Signature(_ bytes: Data) -> P256.Signing.ECDSASignature? {
    if let der = try? P256.Signing.ECDSASignature(derRepresentation: bytes) { return der }
    guard bytes.count == 64 else { return nil }
    return try? P256.Signing.ECDSASignature(rawRepresentation: bytes)
  }

  /// The signature counter of authenticator data (bytes 33–36, big-endian); 0 when the data is too short.
  public static func authenticatorCounter<Bytes: Collection<UInt8>>(_ data: Bytes) -> UInt32 {
    let bytes = Array(data)
    guard bytes.count >= 37 else { return 0 }
    return bytes[33..<37].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
  }

  /// The SSH `mpint` body of a non-negative big-endian number: no leading zeros, one added if the top bit is set.
  private static func positiveMPInt(_ magnitude: ArraySlice<UInt8>) -> [UInt8] {
    let trimmed = Array(magnitude.drop(while: { $0 == 0 }))
    guard let first = trimmed.first, first & 0x80 != 0 else { return trimmed }
    return [0] + trimmed
  }
}
