import Foundation
import Signatures
import Testing

@Suite("SSH public keys")
struct PublicKeyTests {
  @Test("Key lines from ssh-keygen parse with type, blob and comment", arguments: KeyKind.allCases)
  func parsesGeneratedKeys(kind: KeyKind) throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(kind)
    let line = try String(contentsOfFile: keyPath + ".pub", encoding: .utf8)
    let key = try SSHPublicKey(authorizedKey: line)
    let fields = line.split(separator: " ")
    #expect(key.algorithm == kind.algorithm)
    #expect(key.comment == "tester@example.com")
    #expect(key.openSSHString == "\(fields[0]) \(fields[1])")
    #expect(key.blob.base64EncodedString() == String(fields[1]))
    #expect(try SSHPublicKey(blob: key.blob).algorithm == kind.algorithm)
  }

  @Test("Fingerprint matches ssh-keygen -lf", arguments: KeyKind.allCases)
  func fingerprintMatchesKeygen(kind: KeyKind) throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(kind)
    let output = try sandbox.runChecked("ssh-keygen", ["-l", "-E", "sha256", "-f", keyPath + ".pub"])
    let expected = output.standardOutput.split(separator: " ")[1]
    let key = try publicKey(forKeyFile: keyPath + ".pub")
    #expect(key.fingerprint == String(expected))
  }

  @Test("A line whose declared type differs from the blob's inner type is refused")
  func refusesTypeMismatch() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.ed25519)
    let line = try String(contentsOfFile: keyPath + ".pub", encoding: .utf8)
    let forged = line.replacingOccurrences(of: "ssh-ed25519", with: "ssh-rsa")
    #expect(throws: SignatureError.self) { try SSHPublicKey(authorizedKey: forged) }
    #expect(throws: SignatureError.self) { try SSHPublicKey(authorizedKey: "ssh-ed25519") }
    #expect(throws: SignatureError.self) { try SSHPublicKey(authorizedKey: "ssh-ed25519 !!!notbase64") }
    // A blob with trailing bytes after the key is malformed even though the type is right.
    let key = try SSHPublicKey(authorizedKey: line)
    #expect(throws: SignatureError.self) { try SSHPublicKey(blob: key.blob + Data([0])) }
  }

  @Test("Keys encode as their key line and decode back")
  func codableRoundTrip() throws {
    let sandbox = try Sandbox()
    let key = try publicKey(forKeyFile: try sandbox.generateKey(.ecdsa))
    let json = try JSONEncoder().encode([key])
    #expect(String(decoding: json, as: UTF8.self).contains("ecdsa-sha2-nistp256 AAAA"))
    #expect(try JSONDecoder().decode([SSHPublicKey].self, from: json) == [key])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([SSHPublicKey].self, from: Data(#"["ssh-ed25519 AAAA"]"#.utf8))
    }
  }

  @Test("publicKey(forKeyFile:) reads .pub files, neighbours and the private key itself")
  func publicKeyForKeyFile() throws {
    let sandbox = try Sandbox()
    let plain = try sandbox.generateKey(.ed25519, name: "plain")
    let expected = try SSHPublicKey(
      authorizedKey: try String(contentsOfFile: plain + ".pub", encoding: .utf8))
    #expect(try publicKey(forKeyFile: plain + ".pub") == expected)
    #expect(try publicKey(forKeyFile: plain) == expected)

    // Without the .pub file the key comes from the clear-text header of the private key file.
    try FileManager.default.removeItem(atPath: plain + ".pub")
    #expect(try publicKey(forKeyFile: plain).blob == expected.blob)

    let encrypted = try sandbox.generateKey(.ecdsa, name: "encrypted", passphrase: "secret")
    let encryptedPublic = try publicKey(forKeyFile: encrypted + ".pub")
    try FileManager.default.removeItem(atPath: encrypted + ".pub")
    #expect(try publicKey(forKeyFile: encrypted).blob == encryptedPublic.blob)

    // A public key file without the .pub suffix is recognised by its content.
    let copied = try sandbox.write(expected.authorizedKeyLine + "\n", to: "signing-key")
    #expect(try publicKey(forKeyFile: copied) == expected)

    #expect(throws: SignatureError.unreadableKeyFile(path: sandbox.path("missing"), reason: "no such file")) {
      try publicKey(forKeyFile: sandbox.path("missing"))
    }
  }
}
