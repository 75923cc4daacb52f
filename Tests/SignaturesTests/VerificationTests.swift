import Crypto
import Foundation
import Signatures
import Testing
import _CryptoExtras

@Suite("Native verification of SSHSIG signatures")
struct VerificationTests {
  @Test("ssh-keygen signatures verify natively", arguments: KeyKind.allCases)
  func keygenSignaturesVerify(kind: KeyKind) throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(kind)
    let key = try publicKey(forKeyFile: keyPath + ".pub")
    // Several messages so ECDSA meets both r/s with and without a leading zero byte.
    for message in sampleMessages {
      let armored = try sandbox.keygenSignature(keyPath: keyPath, message: message)
      let verdict = verifySSHSignature(armored: armored, message: message, namespace: "git")
      #expect(verdict == .valid(try SSHPublicKey(blob: key.blob)))
      // git hands us the signature without the final newline; that must not matter.
      let trimmed = String(armored.dropLast())
      #expect(verifySSHSignature(armored: trimmed, message: message, namespace: "git").isValid)
    }
  }

  @Test("sha256 message hashing (-O hashalg=sha256) verifies", arguments: KeyKind.allCases)
  func sha256HashVerifies(kind: KeyKind) throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(kind)
    let message = Data("hashed with sha256\n".utf8)
    let armored = try sandbox.keygenSignature(
      keyPath: keyPath, message: message, extraOptions: ["-O", "hashalg=sha256"])
    let signature = try SSHSignature(armored: armored)
    #expect(signature.hashAlgorithm == "sha256")
    #expect(signature.verify(message: message, namespace: "git").isValid)
  }

  @Test("Parsed fields match what ssh-keygen wrote")
  func parsedFields() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.rsa)
    let armored = try sandbox.keygenSignature(keyPath: keyPath, message: Data("x".utf8), namespace: "file")
    let signature = try SSHSignature(armored: armored)
    #expect(signature.version == 1)
    #expect(signature.namespace == "file")
    #expect(signature.reserved.isEmpty)
    #expect(signature.hashAlgorithm == "sha512")
    #expect(signature.signatureAlgorithm == "rsa-sha2-512")
    #expect(signature.signature.count == 384)
    #expect(signature.securityKeyFlags == nil)
    #expect(signature.publicKey.blob == (try publicKey(forKeyFile: keyPath)).blob)
  }

  @Test("A tampered message is invalid", arguments: KeyKind.allCases)
  func tamperedMessage(kind: KeyKind) throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(kind)
    let message = Data("approve SOP-001 rev 3\n".utf8)
    let armored = try sandbox.keygenSignature(keyPath: keyPath, message: message)
    let tampered = Data("approve SOP-001 rev 4\n".utf8)
    guard case .invalid = verifySSHSignature(armored: armored, message: tampered, namespace: "git") else {
      Issue.record("a signature over another message was accepted")
      return
    }
  }

  @Test("A genuine signature for namespace \"file\" is wrongNamespace when \"git\" is expected")
  func wrongNamespace() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.ed25519)
    let message = Data("commit body".utf8)
    let armored = try sandbox.keygenSignature(keyPath: keyPath, message: message, namespace: "file")
    #expect(verifySSHSignature(armored: armored, message: message, namespace: "git") == .wrongNamespace(found: "file"))
    #expect(verifySSHSignature(armored: armored, message: message, namespace: "file").isValid)
  }

  @Test("A signature re-labelled with another key is invalid")
  func swappedKey() throws {
    let sandbox = try Sandbox()
    let signer = try sandbox.generateKey(.ed25519, name: "signer")
    let other = try publicKey(forKeyFile: try sandbox.generateKey(.ed25519, name: "other"))
    let message = Data("m".utf8)
    let original = try SSHSignature(armored: try sandbox.keygenSignature(keyPath: signer, message: message))
    var inner = FixtureWriter()
    inner.string(original.signatureAlgorithm)
    inner.string(original.signature)
    let forged = armorFixture(
      sshsigBlob(publicKey: Array(other.blob), namespace: "git", hash: "sha512", signature: inner.bytes))
    #expect(!verifySSHSignature(armored: forged, message: message, namespace: "git").isValid)
  }

  @Test("rsa-sha2-256 verifies and SHA-1 ssh-rsa is refused")
  func rsaSignatureAlgorithms() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.rsa)
    let key = try publicKey(forKeyFile: keyPath)
    // A PKCS#1 PEM copy of the same key lets the test sign with swift-crypto.
    try FileManager.default.copyItem(atPath: keyPath, toPath: keyPath + "-pem")
    try sandbox.runChecked("ssh-keygen", ["-q", "-p", "-m", "PEM", "-P", "", "-N", "", "-f", keyPath + "-pem"])
    let privateKey = try _RSA.Signing.PrivateKey(
      pemRepresentation: try String(contentsOfFile: keyPath + "-pem", encoding: .utf8))
    let message = Data("rsa message".utf8)
    let signed = Data(sshsigSignedData(message: message, namespace: "git", hash: "sha512"))

    func armored(_ algorithm: String, _ raw: Data) -> String {
      var inner = FixtureWriter()
      inner.string(algorithm)
      inner.string(raw)
      return armorFixture(
        sshsigBlob(publicKey: Array(key.blob), namespace: "git", hash: "sha512", signature: inner.bytes))
    }

    let sha256 = try privateKey.signature(for: SHA256.hash(data: signed), padding: .insecurePKCS1v1_5)
    #expect(
      verifySSHSignature(armored: armored("rsa-sha2-256", sha256.rawRepresentation), message: message, namespace: "git")
        .isValid)
    // The same bytes labelled as the other hash must fail: the label selects the digest.
    #expect(
      !verifySSHSignature(
        armored: armored("rsa-sha2-512", sha256.rawRepresentation), message: message, namespace: "git"
      ).isValid)

    let sha1Label = verifySSHSignature(
      armored: armored("ssh-rsa", sha256.rawRepresentation), message: message, namespace: "git")
    guard case .invalid(let reason) = sha1Label else {
      Issue.record("ssh-rsa was not refused: \(sha1Label)")
      return
    }
    #expect(reason.contains("SHA-1"))
  }

  @Test("RSA keys under 2048 bits are refused")
  func smallRSAKeyRefused() throws {
    let sandbox = try Sandbox()
    let keyPath = sandbox.path("small")
    try sandbox.runChecked("ssh-keygen", ["-q", "-t", "rsa", "-b", "1024", "-N", "", "-f", keyPath])
    let message = Data("small".utf8)
    let armored = try sandbox.keygenSignature(keyPath: keyPath, message: message)
    let verdict = verifySSHSignature(armored: armored, message: message, namespace: "git")
    #expect(verdict == .invalid(reason: "the RSA key has 1024 bits; at least 2048 are required"))
  }

  @Test("sk-ssh-ed25519 signatures verify and need user presence")
  func securityKeyEd25519() throws {
    let privateKey = Curve25519.Signing.PrivateKey()
    var keyBlob = FixtureWriter()
    keyBlob.string("sk-ssh-ed25519@openssh.com")
    keyBlob.string(privateKey.publicKey.rawRepresentation)
    keyBlob.string("ssh:")
    let message = Data("fido".utf8)

    func armored(flags: UInt8, counter: UInt32, claimedCounter: UInt32? = nil) throws -> String {
      let signed = sshsigSignedData(message: message, namespace: "git", hash: "sha512")
      var toSign = FixtureWriter()
      toSign.raw(Array(SHA256.hash(data: Data("ssh:".utf8))))
      toSign.raw([flags])
      toSign.uint32(counter)
      toSign.raw(Array(SHA256.hash(data: Data(signed))))
      let raw = try privateKey.signature(for: Data(toSign.bytes))
      var inner = FixtureWriter()
      inner.string("sk-ssh-ed25519@openssh.com")
      inner.string(raw)
      inner.raw([flags])
      inner.uint32(claimedCounter ?? counter)
      return armorFixture(
        sshsigBlob(publicKey: keyBlob.bytes, namespace: "git", hash: "sha512", signature: inner.bytes))
    }

    let good = try armored(flags: 0x01, counter: 7)
    #expect(
      verifySSHSignature(armored: good, message: message, namespace: "git")
        == .valid(try SSHPublicKey(blob: Data(keyBlob.bytes))))
    #expect(try SSHSignature(armored: good).securityKeyCounter == 7)
    #expect(
      !verifySSHSignature(armored: try armored(flags: 0x00, counter: 7), message: message, namespace: "git").isValid)
    #expect(
      !verifySSHSignature(
        armored: try armored(flags: 0x01, counter: 7, claimedCounter: 8), message: message, namespace: "git"
      ).isValid)
  }

  @Test("sk-ecdsa-sha2-nistp256 signatures verify")
  func securityKeyECDSA() throws {
    let privateKey = P256.Signing.PrivateKey()
    var keyBlob = FixtureWriter()
    keyBlob.string("sk-ecdsa-sha2-nistp256@openssh.com")
    keyBlob.string("nistp256")
    keyBlob.string(privateKey.publicKey.x963Representation)
    keyBlob.string("ssh:")
    let message = Data("fido ecdsa".utf8)
    let signed = sshsigSignedData(message: message, namespace: "git", hash: "sha512")
    var toSign = FixtureWriter()
    toSign.raw(Array(SHA256.hash(data: Data("ssh:".utf8))))
    toSign.raw([0x05])
    toSign.uint32(1)
    toSign.raw(Array(SHA256.hash(data: Data(signed))))
    let raw = Array(try privateKey.signature(for: Data(toSign.bytes)).rawRepresentation)
    var mpints = FixtureWriter()
    mpints.mpint(Array(raw[..<32]))
    mpints.mpint(Array(raw[32...]))
    var inner = FixtureWriter()
    inner.string("sk-ecdsa-sha2-nistp256@openssh.com")
    inner.string(mpints.bytes)
    inner.raw([0x05])
    inner.uint32(1)
    let armored = armorFixture(
      sshsigBlob(publicKey: keyBlob.bytes, namespace: "git", hash: "sha512", signature: inner.bytes))
    #expect(verifySSHSignature(armored: armored, message: message, namespace: "git").isValid)
    #expect(!verifySSHSignature(armored: armored, message: message + Data([0]), namespace: "git").isValid)
  }
}
