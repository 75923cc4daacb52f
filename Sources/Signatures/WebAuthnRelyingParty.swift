import Crypto
import Foundation

/// Why a relying party refused a WebAuthn response: one sentence for the person at the browser.
public struct WebAuthnRefusal: Error, Equatable, CustomStringConvertible {
  /// What was wrong.
  public let reason: String

  /// Creates a refusal.
  public init(_ reason: String) {
    self.reason = reason
  }

  /// The reason.
  public var description: String { reason }
}

/// A passkey assertion as the browser returns it (`AuthenticatorAssertionResponse`).
public struct WebAuthnAssertionResponse: Sendable, Hashable {
  /// The authenticator data: SHA-256(rp id) ‖ flags ‖ counter ‖ extensions.
  public var authenticatorData: Data
  /// The exact client data bytes the browser hashed.
  public var clientDataJSON: Data
  /// The ES256 signature, DER (or raw r ‖ s).
  public var signature: Data

  /// Creates a response from its three byte strings.
  public init(authenticatorData: Data, clientDataJSON: Data, signature: Data) {
    self.authenticatorData = authenticatorData
    self.clientDataJSON = clientDataJSON
    self.signature = signature
  }
}

/// What a verified assertion says about the authenticator.
public struct WebAuthnAssertionFacts: Sendable, Equatable {
  /// The authenticator-data flags.
  public var flags: UInt8
  /// The signature counter (0 when the authenticator keeps none, as many passkeys do).
  public var counter: UInt32
  /// Whether the user was verified (fingerprint, face, PIN), not only present.
  public var userVerified: Bool { flags & WebAuthnRelyingParty.userVerifiedFlag != 0 }
}

/// The checks a relying party makes of every WebAuthn response (WebAuthn Level 2, §7.1 and §7.2), in one
/// place: `sop serve` uses them for enrolment, sign-in and every signature, before anything is written.
///
/// OpenSSH's own check of a `webauthn-sk-ecdsa` signature (`webauthn_check_prepare_hash`) looks at the form
/// of the client data but not at which origin it names; this is where the origin and relying party are
/// held to the configured ones, so an assertion made on another site never counts here.
public struct WebAuthnRelyingParty: Sendable, Hashable {
  /// The relying-party id, such as `sop.example` (the passkeys' SSH application).
  public let id: String
  /// The exact origin pages are served from, such as `https://sop.example`.
  public let origin: String

  /// The user-present flag (WebAuthn §6.1).
  public static let userPresentFlag: UInt8 = 0x01
  /// The user-verified flag (WebAuthn §6.1).
  public static let userVerifiedFlag: UInt8 = 0x04
  /// Client data longer than this is refused unread: browsers send about 200 bytes.
  public static let clientDataLimit = 8_192

  /// Creates the relying party for `id` served at `origin`.
  public init(id: String, origin: String) {
    self.id = id
    self.origin = origin
  }

  /// Checks a registration's client data (`navigator.credentials.create`): its type, challenge and origin.
  public func checkRegistration(clientDataJSON: Data, challenge: Data) throws(WebAuthnRefusal) {
    try checkClientData(clientDataJSON, type: "webauthn.create", challenge: challenge)
  }

  /// Checks an assertion (`navigator.credentials.get`) over `challenge` by `key`: the client data's type,
  /// challenge and origin, the relying party, user presence (and verification when `requireUserVerification`),
  /// and the ES256 signature over `authenticatorData ‖ SHA-256(clientDataJSON)`.
  public func checkAssertion(
    _ response: WebAuthnAssertionResponse, challenge: Data, key: SSHPublicKey, requireUserVerification: Bool
  ) throws(WebAuthnRefusal) -> WebAuthnAssertionFacts {
    let material: KeyMaterial
    do throws(WireError) {
      material = try KeyMaterial.parse(blob: [UInt8](key.blob)).material
    } catch {
      throw WebAuthnRefusal("the passkey's public key is unreadable: \(error.reason)")
    }
    guard case .securityKeyECDSAP256(let point, let application) = material else {
      throw WebAuthnRefusal("a \(key.algorithm) key is not a passkey of this server")
    }
    guard application.elementsEqual(id.utf8) else {
      throw WebAuthnRefusal(
        "the passkey belongs to relying party \"\(String(decoding: application, as: UTF8.self))\", not \"\(id)\"")
    }
    try checkClientData(response.clientDataJSON, type: "webauthn.get", challenge: challenge)
    let data = [UInt8](response.authenticatorData)
    guard data.count >= 37 else {
      throw WebAuthnRefusal("the authenticator data has \(data.count) bytes, at least 37 are needed")
    }
    guard data[0..<32].elementsEqual(SHA256.hash(data: Array(id.utf8))) else {
      throw WebAuthnRefusal("the assertion was made for another relying party than \"\(id)\"")
    }
    let flags = data[32]
    guard flags & Self.userPresentFlag != 0 else {
      throw WebAuthnRefusal("the authenticator did not confirm that a person was present (no user-presence flag)")
    }
    if requireUserVerification && flags & Self.userVerifiedFlag == 0 {
      throw WebAuthnRefusal("sop.yml requires user verification (PIN or biometrics) and the passkey did not do it")
    }
    guard let parsed = WebAuthnAssertion.es256Signature(response.signature) else {
      throw WebAuthnRefusal("the assertion's signature is neither DER nor raw P-256 ECDSA")
    }
    var signed = response.authenticatorData
    signed.append(contentsOf: SHA256.hash(data: response.clientDataJSON))
    guard point.isValidSignature(parsed, for: signed) else {
      throw WebAuthnRefusal("the passkey's signature does not match this key and data")
    }
    return WebAuthnAssertionFacts(flags: flags, counter: WebAuthnAssertion.authenticatorCounter(data))
  }

  /// The members every ceremony checks (§7.1 steps 7–10, §7.2 steps 11–14): type, challenge, origin, and no
  /// cross-origin use.
  private func checkClientData(_ bytes: Data, type: String, challenge: Data) throws(WebAuthnRefusal) {
    guard bytes.count <= Self.clientDataLimit else {
      throw WebAuthnRefusal("the client data is \(bytes.count) bytes; at most \(Self.clientDataLimit) are read")
    }
    guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
      throw WebAuthnRefusal("the client data is not a JSON object")
    }
    guard object["type"] as? String == type else {
      throw WebAuthnRefusal("the client data is not a \(type) response")
    }
    guard let text = object["challenge"] as? String, let given = Self.base64URLDecoded(text), given == challenge
    else {
      throw WebAuthnRefusal("the response answers another challenge than the one this server issued")
    }
    guard object["origin"] as? String == origin else {
      let named = object["origin"] as? String ?? "none"
      throw WebAuthnRefusal("the response was made on origin \(named), not \(origin)")
    }
    if let crossOrigin = object["crossOrigin"], (crossOrigin as? Bool) != false {
      throw WebAuthnRefusal("the response was made in a frame of another site (crossOrigin)")
    }
  }

  /// Base64url without padding (RFC 4648 §5), as WebAuthn and `sop serve`'s pages encode bytes.
  public static func base64URL(_ data: Data) -> String {
    WebAuthnFields.base64URL(data)
  }

  /// Decodes base64url with or without padding; nil for any other character.
  public static func base64URLDecoded(_ text: String) -> Data? {
    guard text.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x5F || $0 == 0x3D || isAlphanumeric($0) }) else { return nil }
    var standard = String(text.filter { $0 != "=" }.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
    while standard.utf8.count % 4 != 0 { standard += "=" }
    return Data(base64Encoded: standard)
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }
}

extension SSHPublicKey {
  /// The key type of a passkey: `sk-ecdsa-sha2-nistp256@openssh.com`.
  public static let passkeyAlgorithm = KeyMaterial.securityKeyECDSAP256Name

  /// The application of a security key (`sk-`) public key (for a passkey, the relying-party id), or nil for
  /// other keys and unreadable blobs.
  public var securityKeyApplication: String? {
    switch try? KeyMaterial.parse(blob: [UInt8](blob)).material {
    case .securityKeyECDSAP256(_, let application), .securityKeyEd25519(_, let application):
      return String(bytes: application, encoding: .utf8)
    default:
      return nil
    }
  }
}
