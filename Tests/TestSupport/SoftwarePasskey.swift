import Crypto
import Foundation
import Signatures

/// The fixture passkey of scripts/webauthn-vector.py, signing as a browser's passkey would. Its P-256 scalar is
/// SHA-256 of the script's seed plus one and its relying party is `sop.example`, so its key line is the one in
/// Tests/SignaturesTests/Fixtures/WebAuthn/passkey.pub.
public struct SoftwarePasskey: Sendable {
  /// The relying-party id: the key's application string.
  public static let rpID = "sop.example"
  /// The origin the client data names.
  public static let origin = "https://sop.example"
  /// The folder of the WebAuthn fixtures.
  public static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("SignaturesTests/Fixtures/WebAuthn")

  let key: P256.Signing.PrivateKey
  /// The key as `sk-ecdsa-sha2-nistp256@openssh.com` with application `sop.example`.
  public let publicKey: SSHPublicKey

  /// Derives the fixture key; another `seed` gives another passkey of the same relying party.
  public init(seed: String = "sop WebAuthn fixture key (test only)") throws {
    var scalar = Array(SHA256.hash(data: Data(seed.utf8)))
    if let last = scalar.lastIndex(where: { $0 != 0xFF }) {
      scalar[last] += 1
      for index in scalar.indices where index > last { scalar[index] = 0 }
    }
    key = try P256.Signing.PrivateKey(rawRepresentation: scalar)
    var blob: [UInt8] = []
    for field in [
      Array("sk-ecdsa-sha2-nistp256@openssh.com".utf8), Array("nistp256".utf8),
      Array(key.publicKey.x963Representation), Array(Self.rpID.utf8),
    ] {
      blob += withUnsafeBytes(of: UInt32(field.count).bigEndian, Array.init) + field
    }
    publicKey = try SSHPublicKey(blob: Data(blob), comment: "passkey@sop.example")
  }

  /// The public key as a browser reports it at registration (`getPublicKey()`: SubjectPublicKeyInfo DER).
  public var subjectPublicKeyInfo: Data { key.publicKey.derRepresentation }

  /// Signs `message` for namespace git as a browser answers `navigator.credentials.get` whose challenge is the
  /// SSHSIG to-be-signed data; returns the armored SSHSIG. `editClientData` changes the client data after
  /// signing (a tampering test).
  public func sign(
    _ message: Data, flags: UInt8 = 0x05, counter: UInt32 = 1, editClientData: (Data) -> Data = { $0 }
  ) throws -> String {
    guard let challenge = WebAuthnAssertion.challenge(message: message) else {
      throw ScratchError(message: "no SSHSIG challenge")
    }
    let encoded = challenge.base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
    let clientData = Data(
      #"{"type":"webauthn.get","challenge":"\#(encoded)","origin":"\#(Self.origin)","crossOrigin":false}"#.utf8)
    let authenticatorData =
      Data(SHA256.hash(data: Data(Self.rpID.utf8))) + [flags] + withUnsafeBytes(of: counter.bigEndian) { Data($0) }
    let signature = try key.signature(for: authenticatorData + Data(SHA256.hash(data: clientData)))
    return try WebAuthnAssertion.armoredSignature(
      publicKey: publicKey, authenticatorData: authenticatorData, clientDataJSON: editClientData(clientData),
      signature: signature.derRepresentation, origin: Self.origin)
  }
}

extension SoftwarePasskey {
  /// The three byte strings a browser returns from `navigator.credentials.get` (base64url, as `sop serve`'s
  /// pages post them), for any challenge; every field can be made wrong for an attack test.
  public func assertion(
    challenge: Data, origin: String = SoftwarePasskey.origin, rpID: String = SoftwarePasskey.rpID,
    type: String = "webauthn.get", flags: UInt8 = 0x05, counter: UInt32 = 1
  ) throws -> (authenticatorData: String, clientDataJSON: String, signature: String) {
    let clientData = Data(
      #"{"type":"\#(type)","challenge":"\#(Self.base64URL(challenge))","origin":"\#(origin)","crossOrigin":false}"#.utf8
    )
    let authenticatorData =
      Data(SHA256.hash(data: Data(rpID.utf8))) + [flags] + withUnsafeBytes(of: counter.bigEndian) { Data($0) }
    let signature = try key.signature(for: authenticatorData + Data(SHA256.hash(data: clientData)))
    return (Self.base64URL(authenticatorData), Self.base64URL(clientData), Self.base64URL(signature.derRepresentation))
  }

  /// The client data of `navigator.credentials.create` for `challenge` (base64url).
  public static func registrationClientData(challenge: Data, origin: String = SoftwarePasskey.origin) -> String {
    base64URL(
      Data(
        #"{"type":"webauthn.create","challenge":"\#(base64URL(challenge))","origin":"\#(origin)","crossOrigin":false}"#
          .utf8))
  }

  /// Base64url without padding.
  public static func base64URL(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }
}
