import Foundation

/// The outer layer of an `openssh-key-v1` private key file (OpenSSH PROTOCOL.key).
///
/// The public key is stored in the clear even when the private part is encrypted.
struct OpenSSHPrivateKeyFile {
  let path: String
  let cipherName: String
  let publicKey: SSHPublicKey
  /// The private section, still encrypted unless `cipherName` is `none`.
  let privateSection: [UInt8]

  static let beginLine = "-----BEGIN OPENSSH PRIVATE KEY-----"
  static let endLine = "-----END OPENSSH PRIVATE KEY-----"
  static let magic: [UInt8] = Array("openssh-key-v1".utf8) + [0]

  init(text: String, path: String) throws(SignatureError) {
    self.path = path
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.hasPrefix(Self.beginLine) else {
      throw .unsupportedPrivateKey(path: path, reason: Self.describeForeignFormat(trimmed))
    }
    guard trimmed.hasSuffix(Self.endLine), trimmed.count >= Self.beginLine.count + Self.endLine.count
    else {
      throw .unsupportedPrivateKey(path: path, reason: "the END OPENSSH PRIVATE KEY line is missing")
    }
    let body = trimmed.dropFirst(Self.beginLine.count).dropLast(Self.endLine.count)
    guard let decoded = Data(base64Encoded: String(body.filter { !$0.isWhitespace })) else {
      throw .unsupportedPrivateKey(path: path, reason: "the key body is not valid base64")
    }
    do throws(WireError) {
      var reader = WireReader(decoded)
      guard try reader.readBytes(Self.magic.count, "file magic") == Self.magic else {
        throw WireError(reason: "it is not an openssh-key-v1 file")
      }
      cipherName = try reader.readText("cipher name")
      _ = try reader.readText("KDF name")
      _ = try reader.readString("KDF options")
      let keyCount = try reader.readUInt32("key count")
      guard keyCount == 1 else { throw WireError(reason: "it holds \(keyCount) keys; expected exactly 1") }
      publicKey = try SSHPublicKey(wireBlob: Data(try reader.readString("public key")))
      privateSection = try reader.readString("private section")
      try reader.expectEnd("the key file")
    } catch {
      throw .unsupportedPrivateKey(path: path, reason: error.reason)
    }
  }

  /// Names the format of a file that is not an OpenSSH private key so the user knows what they gave us.
  private static func describeForeignFormat(_ text: String) -> String {
    if text.hasPrefix("-----BEGIN "), let close = text.dropFirst(11).range(of: "-----") {
      let label = text.dropFirst(11)[..<close.lowerBound]
      return "it is a PEM \"\(label)\" file, not an OpenSSH-format private key"
    }
    if ["ssh-", "sk-", "ecdsa-"].contains(where: { text.hasPrefix($0) }) {
      return "it is a public key, not a private key"
    }
    return "it is not an OpenSSH private key (no BEGIN OPENSSH PRIVATE KEY line)"
  }
}
