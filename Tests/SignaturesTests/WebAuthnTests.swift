import Crypto
import Foundation
import Signatures
import TestSupport
import Testing

/// One row of Fixtures/WebAuthn/cases.tsv, written by scripts/webauthn-vector.py.
struct WebAuthnCase: CustomTestStringConvertible, Sendable {
  let name: String
  let keygenAccepts: Bool
  let sopAccepts: Bool
  let flags: UInt8
  let summary: String

  var testDescription: String { name }

  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/WebAuthn")

  static func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

  static let all: [WebAuthnCase] = {
    guard let text = try? String(contentsOf: file("cases.tsv"), encoding: .utf8) else { return [] }
    return text.split(separator: "\n").dropFirst().compactMap { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 5, fields[3].hasPrefix("0x"), let flags = UInt8(fields[3].dropFirst(2), radix: 16)
      else { return nil }
      return WebAuthnCase(
        name: fields[0], keygenAccepts: fields[1] == "accepts", sopAccepts: fields[2] == "accepts", flags: flags,
        summary: fields[4])
    }
  }()

  var armored: String { (try? String(contentsOf: Self.file(name + ".sig"), encoding: .utf8)) ?? "" }
  static var message: Data { (try? Data(contentsOf: file("message.txt"))) ?? Data() }
}

@Suite("WebAuthn (passkey) signatures: webauthn-sk-ecdsa-sha2-nistp256@openssh.com")
struct WebAuthnTests {
  @Test("The fixtures are there")
  func fixturesPresent() {
    #expect(WebAuthnCase.all.count >= 20)
    #expect(WebAuthnCase.all.contains { $0.name == "good" && $0.sopAccepts })
  }

  @Test("Each fixture verifies natively exactly when cases.tsv says sop accepts it", arguments: WebAuthnCase.all)
  func fixtureVerdict(fixture: WebAuthnCase) throws {
    let verdict = verifySSHSignature(armored: fixture.armored, message: WebAuthnCase.message, namespace: "git")
    #expect(verdict.isValid == fixture.sopAccepts, "\(fixture.summary): \(verdict)")
    // sop is ssh-keygen less signatures without user presence.
    #expect(fixture.sopAccepts == (fixture.keygenAccepts && fixture.flags & 0x01 != 0))
    let signature = try SSHSignature(armored: fixture.armored)
    #expect(signature.signatureAlgorithm == WebAuthnFields.signatureAlgorithm)
    #expect(signature.securityKeyFlags == fixture.flags)
    #expect(signature.webAuthn != nil)
  }

  @Test(
    "ssh-keygen -Y verify agrees with cases.tsv, so native and ssh-keygen are compared", arguments: WebAuthnCase.all)
  func keygenVerdict(fixture: WebAuthnCase) throws {
    let sandbox = try Sandbox()
    let path = sandbox.path("check.sig")
    try Data(fixture.armored.utf8).write(to: URL(fileURLWithPath: path))
    let allowed = WebAuthnCase.file("allowed_signers").path
    let result = try sandbox.run(
      "ssh-keygen", ["-Y", "verify", "-n", "git", "-f", allowed, "-I", "person", "-s", path],
      input: WebAuthnCase.message)
    #expect((result.status == 0) == fixture.keygenAccepts, "\(fixture.name): \(result.standardError)")
    let native = verifySSHSignature(armored: fixture.armored, message: WebAuthnCase.message, namespace: "git")
    #expect(native.isValid == (result.status == 0 && fixture.flags & 0x01 != 0))
  }

  @Test("A signature from headless Chromium's virtual authenticator verifies natively and with ssh-keygen")
  func chromiumAssertion() throws {
    let folder = WebAuthnCase.file("chromium")
    let armored = try String(contentsOf: folder.appendingPathComponent("signature.sig"), encoding: .utf8)
    let message = try Data(contentsOf: folder.appendingPathComponent("message.txt"))
    let signature = try SSHSignature(armored: armored)
    #expect(signature.verify(message: message, namespace: "git").isValid)
    #expect(signature.securityKeyFlags == 0x05)
    #expect(signature.webAuthn?.origin.hasPrefix("http://localhost:") == true)
    #expect(!signature.verify(message: message + Data("x".utf8), namespace: "git").isValid)
    let sandbox = try Sandbox()
    let path = sandbox.path("chromium.sig")
    try Data(armored.utf8).write(to: URL(fileURLWithPath: path))
    let allowed = folder.appendingPathComponent("allowed_signers").path
    let result = try sandbox.run(
      "ssh-keygen", ["-Y", "verify", "-n", "git", "-f", allowed, "-I", "person", "-s", path], input: message)
    #expect(result.status == 0, "\(result.standardError)")
  }

  @Test("Flags are reported: user presence always, user verification when the passkey verified the user")
  func flagsReported() throws {
    let both = try SSHSignature(armored: WebAuthnCase(fileNamed: "good").armored)
    #expect(both.securityKeyFlags == 0x05)
    #expect(both.webAuthn?.origin == "https://sop.example")
    let touch = try SSHSignature(armored: WebAuthnCase(fileNamed: "good-presence-only").armored)
    #expect(touch.securityKeyFlags == 0x01)
    #expect(touch.securityKeyCounter == 7)
  }

  @Test("The Swift passkey is the script's key, and its assertions wrap into signatures ssh-keygen accepts")
  func assembledSignatureVerifies() throws {
    let passkey = try SoftwarePasskey()
    let line = try String(contentsOf: WebAuthnCase.file("passkey.pub"), encoding: .utf8)
    #expect(passkey.publicKey == (try SSHPublicKey(authorizedKey: line.trimmingCharacters(in: .newlines))))
    let message = Data("Approve QP-002\n\nApproves: QP-002 abc\n".utf8)
    let armored = try passkey.sign(message, flags: 0x01, counter: 42)
    let signature = try SSHSignature(armored: armored)
    #expect(
      signature.verify(message: message, namespace: "git") == .valid(try SSHPublicKey(blob: passkey.publicKey.blob)))
    #expect(signature.securityKeyFlags == 0x01)
    #expect(signature.securityKeyCounter == 42)
    #expect(!signature.verify(message: message + Data("x".utf8), namespace: "git").isValid)
    let sandbox = try Sandbox()
    let path = sandbox.path("assembled.sig")
    try Data(armored.utf8).write(to: URL(fileURLWithPath: path))
    let result = try sandbox.run(
      "ssh-keygen",
      ["-Y", "verify", "-n", "git", "-f", WebAuthnCase.file("allowed_signers").path, "-I", "person", "-s", path],
      input: message)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("Good \"git\" signature for person"))
  }

  @Test("A passkey's SubjectPublicKeyInfo becomes its sk-ecdsa key line with the rp id as application")
  func publicKeyFromRegistration() throws {
    let passkey = try SoftwarePasskey()
    let der = passkey.subjectPublicKeyInfo
    let key = try WebAuthnAssertion.publicKey(
      subjectPublicKeyInfo: der, rpID: "sop.example", comment: "passkey@sop.example")
    #expect(key == passkey.publicKey)
    let line = try String(contentsOf: WebAuthnCase.file("passkey.pub"), encoding: .utf8)
    #expect(key.authorizedKeyLine + "\n" == line)
    #expect(throws: SignatureError.self) {
      try WebAuthnAssertion.publicKey(subjectPublicKeyInfo: Data([0x30, 0x00]), rpID: "sop.example")
    }
    #expect(throws: SignatureError.self) {
      try WebAuthnAssertion.publicKey(subjectPublicKeyInfo: der, rpID: "")
    }
  }

  @Test("Assembling refuses what cannot be a P-256 passkey assertion")
  func assemblyRefusesMalformed() throws {
    let passkey = try SoftwarePasskey()
    let authenticatorData = Data(repeating: 1, count: 37)
    #expect(throws: SignatureError.self) {
      try WebAuthnAssertion.armoredSignature(
        publicKey: passkey.publicKey, authenticatorData: authenticatorData.prefix(36), clientDataJSON: Data(),
        signature: Data(repeating: 1, count: 64), origin: "https://sop.example")
    }
    #expect(throws: SignatureError.self) {
      try WebAuthnAssertion.armoredSignature(
        publicKey: passkey.publicKey, authenticatorData: authenticatorData, clientDataJSON: Data(),
        signature: Data([0x30, 0x02, 0x01]), origin: "https://sop.example")
    }
    let ed25519 = try SSHPublicKey(
      authorizedKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBr0V4GeWFD5VtyCCrOs7ZudAvXDqBPFaBKq+Zz0UbrD")
    #expect(throws: SignatureError.self) {
      try WebAuthnAssertion.armoredSignature(
        publicKey: ed25519, authenticatorData: authenticatorData, clientDataJSON: Data(),
        signature: Data(repeating: 1, count: 64), origin: "https://sop.example")
    }
  }

  @Test("A WebAuthn signature for another key type is refused")
  func webAuthnForOtherKey() throws {
    // The good signature with its key swapped for an ordinary ECDSA P-256 key: the scheme does not fit it.
    let good = try SSHSignature(armored: WebAuthnCase(fileNamed: "good").armored)
    let passkey = try SoftwarePasskey()
    #expect(good.publicKey.blob == passkey.publicKey.blob)
    let p256 = P256.Signing.PrivateKey().publicKey
    var plainKey = FixtureWriter()
    plainKey.string("ecdsa-sha2-nistp256")
    plainKey.string("nistp256")
    plainKey.string(p256.x963Representation)
    var wrapped = FixtureWriter()
    wrapped.string(plainKey.bytes)
    let blob = try SignatureArmorForTests.blob(of: WebAuthnCase(fileNamed: "good").armored)
    let keyStart = 6 + 4
    let oldLength = Int(blob[keyStart..<keyStart + 4].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) })
    let swapped = blob.prefix(keyStart) + wrapped.bytes + blob.dropFirst(keyStart + 4 + oldLength)
    let verdict = try SSHSignature(blob: Data(swapped)).verify(message: WebAuthnCase.message, namespace: "git")
    #expect(!verdict.isValid)
  }

  @Test("Truncated and bit-flipped WebAuthn signatures never trap and never verify")
  func hostileBytes() throws {
    let blob = try SignatureArmorForTests.blob(of: WebAuthnCase(fileNamed: "good").armored)
    let message = WebAuthnCase.message
    for length in 0..<blob.count {
      let parsed = try? SSHSignature(blob: Data(blob.prefix(length)))
      #expect(parsed?.verify(message: message, namespace: "git").isValid != true)
    }
    for index in stride(from: 0, to: blob.count, by: 3) {
      var flipped = blob
      flipped[index] ^= 0x20
      if let parsed = try? SSHSignature(blob: Data(flipped)) {
        // Every byte is bound: even the client data after the checked prefix is hashed into what was signed.
        #expect(!parsed.verify(message: message, namespace: "git").isValid, "byte \(index)")
      }
    }
  }

  @Test("git verify-commit accepts the commit fixture, and its gpgsig verifies natively")
  func commitFixture() throws {
    let raw = try Data(contentsOf: WebAuthnCase.file("commit.txt"))
    let text = String(decoding: raw, as: UTF8.self)
    let header = text.prefix(upTo: text.range(of: "\n\n")!.lowerBound)
    var signature: [String] = []
    var unsigned: [String] = []
    var inSignature = false
    for line in header.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("gpgsig ") {
        inSignature = true
        signature.append(String(line.dropFirst(7)))
      } else if inSignature, line.hasPrefix(" ") {
        signature.append(String(line.dropFirst()))
      } else {
        inSignature = false
        unsigned.append(String(line))
      }
    }
    let payload = Data((unsigned.joined(separator: "\n") + text.suffix(from: text.range(of: "\n\n")!.lowerBound)).utf8)
    let verdict = verifySSHSignature(armored: signature.joined(separator: "\n"), message: payload, namespace: "git")
    #expect(verdict.isValid, "\(verdict)")

    let sandbox = try Sandbox()
    let repo = sandbox.path("repo")
    try sandbox.runChecked("git", ["init", "-q", repo])
    let commit = try sandbox.runChecked(
      "git", ["-C", repo, "hash-object", "-t", "commit", "-w", WebAuthnCase.file("commit.txt").path]
    ).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    let result = try sandbox.run(
      "git",
      [
        "-C", repo, "-c", "gpg.format=ssh", "-c",
        "gpg.ssh.allowedSignersFile=\(WebAuthnCase.file("allowed_signers").path)",
        "verify-commit", commit,
      ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("Good \"git\" signature for person with ECDSA-SK key"))
  }
}

extension WebAuthnCase {
  init(fileNamed name: String) {
    self = WebAuthnCase(name: name, keygenAccepts: true, sopAccepts: true, flags: 0, summary: name)
  }
}

/// The armor's base64 body, decoded, for tests that edit blob bytes.
enum SignatureArmorForTests {
  static func blob(of armored: String) throws -> [UInt8] {
    let body = armored.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    guard let data = Data(base64Encoded: body) else { throw SetupFailure(description: "fixture is not base64") }
    return [UInt8](data)
  }
}
