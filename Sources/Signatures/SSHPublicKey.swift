import Crypto
import Foundation

/// An SSH public key as it appears in `authorized_keys`, `*.pub` files and allowed-signers files.
///
/// Equality compares the comment too; compare `blob` when only the key matters.
public struct SSHPublicKey: Sendable, Hashable {
  /// The key type name, such as `ssh-ed25519` or `ecdsa-sha2-nistp256`.
  public let algorithm: String
  /// The key in SSH wire format (RFC 4253 §6.6), exactly the bytes that are base64-encoded on a key line.
  public let blob: Data
  /// The free-text comment after the key on a key line, if any.
  public let comment: String?

  /// Parses a key line such as `ssh-ed25519 AAAAC3Nza… alice@example.com`.
  public init(authorizedKey line: String) throws(SignatureError) {
    let fields = line.split(
      maxSplits: 2, omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\t" })
    guard fields.count >= 2 else {
      throw .malformedPublicKey(reason: "expected \"keytype base64 [comment]\", found \"\(line)\"")
    }
    let declared = String(fields[0])
    let encoded = String(fields[1]).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let blob = Data(base64Encoded: encoded) else {
      throw .malformedPublicKey(reason: "the \(declared) key is not valid base64")
    }
    let comment =
      fields.count > 2 ? String(fields[2]).trimmingCharacters(in: .whitespacesAndNewlines) : ""
    try self.init(blob: blob, comment: comment.isEmpty ? nil : comment)
    guard algorithm == declared else {
      throw .malformedPublicKey(
        reason: "the line says \(declared) but the key inside is \(algorithm)")
    }
  }

  /// Reads a key from its SSH wire-format blob, checking its structure for the key types we know.
  public init(blob: Data, comment: String? = nil) throws(SignatureError) {
    do throws(WireError) {
      self = try Self(wireBlob: blob, comment: comment)
    } catch {
      throw .malformedPublicKey(reason: error.reason)
    }
  }

  /// Wire-level parse shared with the signature parser, which reports its own error.
  init(wireBlob blob: Data, comment: String? = nil) throws(WireError) {
    self.algorithm = try KeyMaterial.parse(blob: [UInt8](blob)).algorithm
    self.blob = blob
    self.comment = comment
  }

  /// The fingerprint `ssh-keygen -lf` prints: `SHA256:` and unpadded base64 of the blob's SHA-256.
  public var fingerprint: String {
    let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
    // A byte filter rather than Foundation's replacingOccurrences, which was 2% of `sop verify` (a fingerprint
    // per approval); base64 is ASCII, so both drop exactly the padding.
    return "SHA256:" + String(decoding: digest.utf8.filter { $0 != UInt8(ascii: "=") }, as: UTF8.self)
  }

  /// The key as `keytype base64`, without the comment; the form used in allowed-signers files.
  public var openSSHString: String {
    "\(algorithm) \(blob.base64EncodedString())"
  }

  /// The key as `keytype base64 comment`, the form of a `*.pub` file.
  public var authorizedKeyLine: String {
    guard let comment, !comment.isEmpty else { return openSSHString }
    return "\(openSSHString) \(comment)"
  }
}

/// Encoded as the single string of its key line so configuration files stay readable and are re-validated.
extension SSHPublicKey: Codable {
  /// Decodes a key line such as `ssh-ed25519 AAAA… comment`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let line = try container.decode(String.self)
    do {
      try self.init(authorizedKey: line)
    } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
    }
  }

  /// Encodes the key line including the comment.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(authorizedKeyLine)
  }
}

/// The usable contents of a public key blob, so verification never re-parses bytes by hand.
enum KeyMaterial {
  case ed25519(Curve25519.Signing.PublicKey)
  case securityKeyEd25519(Curve25519.Signing.PublicKey, application: [UInt8])
  case ecdsaP256(P256.Signing.PublicKey)
  case ecdsaP384(P384.Signing.PublicKey)
  case ecdsaP521(P521.Signing.PublicKey)
  case securityKeyECDSAP256(P256.Signing.PublicKey, application: [UInt8])
  /// Big-endian modulus and exponent with leading zero bytes removed.
  case rsa(modulus: [UInt8], exponent: [UInt8])
  /// A key type we can carry around (e.g. in allowed signers) but not verify.
  case unsupported(String)

  static let ed25519Name = "ssh-ed25519"
  static let securityKeyEd25519Name = "sk-ssh-ed25519@openssh.com"
  static let securityKeyECDSAP256Name = "sk-ecdsa-sha2-nistp256@openssh.com"
  static let rsaName = "ssh-rsa"

  static func parse(blob: [UInt8]) throws(WireError) -> (algorithm: String, material: KeyMaterial) {
    var reader = WireReader(blob)
    let algorithm = try reader.readText("key type")
    guard !algorithm.isEmpty else { throw WireError(reason: "the key type is empty") }
    let material: KeyMaterial
    switch algorithm {
    case ed25519Name:
      material = .ed25519(try readEd25519(&reader))
    case securityKeyEd25519Name:
      let key = try readEd25519(&reader)
      material = .securityKeyEd25519(key, application: try reader.readString("application"))
    case "ecdsa-sha2-nistp256":
      material = .ecdsaP256(
        try readPoint(&reader, curve: "nistp256") { bytes throws in
          try P256.Signing.PublicKey(x963Representation: bytes)
        })
    case "ecdsa-sha2-nistp384":
      material = .ecdsaP384(
        try readPoint(&reader, curve: "nistp384") { bytes throws in
          try P384.Signing.PublicKey(x963Representation: bytes)
        })
    case "ecdsa-sha2-nistp521":
      material = .ecdsaP521(
        try readPoint(&reader, curve: "nistp521") { bytes throws in
          try P521.Signing.PublicKey(x963Representation: bytes)
        })
    case securityKeyECDSAP256Name:
      let key = try readPoint(&reader, curve: "nistp256") { bytes throws in
        try P256.Signing.PublicKey(x963Representation: bytes)
      }
      material = .securityKeyECDSAP256(key, application: try reader.readString("application"))
    case rsaName:
      let exponent = try readPositiveMPInt(&reader, "RSA exponent")
      let modulus = try readPositiveMPInt(&reader, "RSA modulus")
      guard !exponent.isEmpty, !modulus.isEmpty else {
        throw WireError(reason: "the RSA key has a zero exponent or modulus")
      }
      material = .rsa(modulus: modulus, exponent: exponent)
    default:
      // Unknown types keep their bytes as given; verification reports them as unsupported.
      return (algorithm, .unsupported(algorithm))
    }
    try reader.expectEnd("the \(algorithm) key")
    return (algorithm, material)
  }

  private static func readEd25519(_ reader: inout WireReader) throws(WireError)
    -> Curve25519.Signing.PublicKey
  {
    let raw = try reader.readString("Ed25519 public key")
    guard raw.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
      throw WireError(reason: "the Ed25519 public key must be 32 bytes, found \(raw.count)")
    }
    return key
  }

  private static func readPoint<Key>(
    _ reader: inout WireReader, curve: String, make: ([UInt8]) throws -> Key
  ) throws(WireError) -> Key {
    let name = try reader.readText("curve name")
    guard name == curve else {
      throw WireError(reason: "the curve name is \(name) but the key type needs \(curve)")
    }
    let point = try reader.readString("curve point")
    guard let key = try? make(point) else {
      throw WireError(reason: "the \(curve) public point is not on the curve")
    }
    return key
  }

  /// Reads an SSH `mpint` that must not be negative, returning its magnitude without leading zeros.
  static func readPositiveMPInt(_ reader: inout WireReader, _ field: String) throws(WireError)
    -> [UInt8]
  {
    let raw = try reader.readString(field)
    if let first = raw.first, first & 0x80 != 0 {
      throw WireError(reason: "\(field) is negative")
    }
    return Array(raw.drop(while: { $0 == 0 }))
  }
}
