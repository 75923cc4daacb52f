import Foundation
import Signatures
import Testing

@Suite("Malformed input never crashes")
struct MalformedInputTests {
  @Test(
    "Garbage is invalid with a readable reason",
    arguments: [
      ("", "missing BEGIN line"),
      ("hello", "missing BEGIN line"),
      ("-----BEGIN SSH SIGNATURE-----\nAAAA", "missing END line"),
      (
        "-----BEGIN SSH SIGNATURE-----\n-----END SSH SIGNATURE-----", "there is nothing between the BEGIN and END lines"
      ),
      ("-----BEGIN SSH SIGNATURE-----\n@@@@\n-----END SSH SIGNATURE-----", "the body is not valid base64"),
      // The lines overlap: "-----" ends the one and begins the other.
      ("-----BEGIN SSH SIGNATURE-----END SSH SIGNATURE-----", "missing END line"),
      (
        "\r\n\t-----BEGIN SSH SIGNATURE-----\r\n \r\n-----END SSH SIGNATURE-----\u{0B}\u{0C}",
        "there is nothing between the BEGIN and END lines"
      ),
      // Not ASCII: read by Foundation's trimming and Characters (a no-break space trims, an accent joins the "-").
      (
        "\u{A0}-----BEGIN SSH SIGNATURE-----\n@@@@\n-----END SSH SIGNATURE-----\u{2028}", "the body is not valid base64"
      ),
      ("-----BEGIN SSH SIGNATURE-----\u{301}\nAAAA\n-----END SSH SIGNATURE-----", "missing BEGIN line"),
      (
        "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----",
        "version is truncated (needs 4 bytes, 0 left)"
      ),
      ("-----BEGIN SSH SIGNATURE-----\nAAAAAAAA\n-----END SSH SIGNATURE-----", "the SSHSIG preamble is missing"),
    ])
  func garbage(input: String, reason: String) {
    let verdict = verifySSHSignature(armored: input, message: Data(), namespace: "git")
    #expect(verdict == .invalid(reason: "the signature is not armored SSHSIG: \(reason)"))
  }

  @Test("Every truncation and every flipped byte of a real signature is rejected")
  func truncatedAndFlipped() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.ed25519)
    let message = Data("fuzz".utf8)
    let armored = try sandbox.keygenSignature(keyPath: keyPath, message: message)
    let blob = try dearmorFixture(armored)
    #expect(verifySSHSignature(armored: armorFixture(blob), message: message, namespace: "git").isValid)
    for length in 0..<blob.count {
      let verdict = verifySSHSignature(
        armored: armorFixture(Array(blob.prefix(length))), message: message, namespace: "git")
      #expect(!verdict.isValid && verdict != .wrongNamespace(found: "git"), "prefix \(length) was accepted")
    }
    for index in blob.indices {
      var flipped = blob
      flipped[index] ^= 0x01
      let verdict = verifySSHSignature(armored: armorFixture(flipped), message: message, namespace: "git")
      #expect(!verdict.isValid, "flipping byte \(index) was accepted")
    }
    // Cutting the base64 text (not the blob) mid-way must not crash either.
    let lines = armored.split(separator: "\n")
    let cut = lines.dropLast(2).joined(separator: "\n") + "\n-----END SSH SIGNATURE-----\n"
    #expect(!verifySSHSignature(armored: cut, message: message, namespace: "git").isValid)
  }

  @Test("Truncated and mutated signatures of every key type are rejected", arguments: [KeyKind.ecdsa, .rsa])
  func otherKeyTypes(kind: KeyKind) throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(kind)
    let message = Data("fuzz".utf8)
    let blob = try dearmorFixture(try sandbox.keygenSignature(keyPath: keyPath, message: message))
    for length in stride(from: 0, to: blob.count, by: 7) {
      #expect(
        !verifySSHSignature(armored: armorFixture(Array(blob.prefix(length))), message: message, namespace: "git")
          .isValid)
    }
    for index in stride(from: 0, to: blob.count, by: 5) {
      var flipped = blob
      flipped[index] ^= 0x80
      #expect(!verifySSHSignature(armored: armorFixture(flipped), message: message, namespace: "git").isValid)
    }
  }

  @Test("Length fields larger than the data are rejected, not trusted")
  func hugeLengths() {
    var writer = FixtureWriter()
    writer.raw(Array("SSHSIG".utf8))
    writer.uint32(1)
    writer.uint32(0xFFFF_FFFF)
    writer.raw([1, 2, 3])
    let verdict = verifySSHSignature(armored: armorFixture(writer.bytes), message: Data(), namespace: "git")
    #expect(
      verdict
        == .invalid(reason: "the signature is not armored SSHSIG: public key claims 4294967295 bytes but only 3 remain")
    )
    #expect(throws: SignatureError.self) { try SSHPublicKey(blob: Data([0xff, 0xff, 0xff, 0xff])) }
    #expect(throws: SignatureError.self) { try SSHPublicKey(blob: Data()) }
  }

  @Test("Unknown key types parse but do not verify")
  func unknownKeyType() throws {
    var key = FixtureWriter()
    key.string("ssh-dss")
    key.string([1, 2, 3])
    var inner = FixtureWriter()
    inner.string("ssh-dss")
    inner.string([0])
    let armored = armorFixture(
      sshsigBlob(publicKey: key.bytes, namespace: "git", hash: "sha512", signature: inner.bytes))
    #expect(
      verifySSHSignature(armored: armored, message: Data(), namespace: "git")
        == .invalid(reason: "unsupported key type ssh-dss"))
  }

  @Test("Malformed ECDSA points and mismatched signature algorithms are invalid")
  func mismatchedAlgorithms() throws {
    var badPoint = FixtureWriter()
    badPoint.string("ecdsa-sha2-nistp256")
    badPoint.string("nistp256")
    badPoint.string([4] + [UInt8](repeating: 1, count: 64))
    #expect(throws: SignatureError.self) { try SSHPublicKey(blob: Data(badPoint.bytes)) }

    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.ed25519)
    let key = try publicKey(forKeyFile: keyPath)
    let original = try SSHSignature(armored: try sandbox.keygenSignature(keyPath: keyPath, message: Data()))
    var inner = FixtureWriter()
    inner.string("ecdsa-sha2-nistp256")
    inner.string(original.signature)
    let armored = armorFixture(
      sshsigBlob(publicKey: Array(key.blob), namespace: "git", hash: "sha512", signature: inner.bytes))
    #expect(
      verifySSHSignature(armored: armored, message: Data(), namespace: "git")
        == .invalid(reason: "a ssh-ed25519 key cannot make a ecdsa-sha2-nistp256 signature"))

    var unknownHash = FixtureWriter()
    unknownHash.string("ssh-ed25519")
    unknownHash.string(original.signature)
    let md5 = armorFixture(
      sshsigBlob(publicKey: Array(key.blob), namespace: "git", hash: "md5", signature: unknownHash.bytes))
    #expect(
      verifySSHSignature(armored: md5, message: Data(), namespace: "git")
        == .invalid(reason: "hash algorithm \"md5\" is not supported; expected sha512 or sha256"))
  }
}
