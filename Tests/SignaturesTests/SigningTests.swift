import Foundation
import Signatures
import Testing

@Suite("Signing")
struct SigningTests {
  @Test("Native ed25519 signatures are byte-identical to ssh-keygen's")
  func nativeMatchesKeygen() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.ed25519)
    let signer = try NativeEd25519Signer(privateKeyFile: keyPath)
    for namespace in ["git", "file", "sop-approval@example.com"] {
      for message in sampleMessages {
        let expected = try sandbox.keygenSignature(keyPath: keyPath, message: message, namespace: namespace)
        #expect(expected.hasSuffix("-----\n"))
        let native = try signer.sign(message, namespace: namespace)
        #expect(native == String(expected.dropLast()))
      }
    }
  }

  @Test("ssh-keygen -Y verify accepts native signatures with a rendered allowed-signers file")
  func keygenVerifiesNativeSignature() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.ed25519)
    let signer = try NativeEd25519Signer(privateKeyFile: keyPath)
    let otherKey = try publicKey(forKeyFile: try sandbox.generateKey(.ecdsa))
    let allowed = renderAllowedSigners([
      try AllowedSigner(principal: "alice@example.com", key: signer.publicKey, namespaces: ["git"]),
      try AllowedSigner(principal: "bob@example.com", key: otherKey, namespaces: ["git"]),
    ])
    let allowedPath = try sandbox.write(allowed, to: "allowed_signers")
    let message = Data("tree abc\n\nApproved.\n".utf8)
    let signaturePath = try sandbox.write(try signer.sign(message, namespace: "git"), to: "native.sig")

    let verify = try sandbox.run(
      "ssh-keygen",
      ["-Y", "verify", "-f", allowedPath, "-I", "alice@example.com", "-n", "git", "-s", signaturePath],
      input: message)
    #expect(verify.status == 0, "ssh-keygen said: \(verify.standardError)")
    #expect(verify.standardOutput.contains("Good \"git\" signature for alice@example.com"))

    // The same file must not let the signature pass for another principal or a changed message.
    let wrongPrincipal = try sandbox.run(
      "ssh-keygen",
      ["-Y", "verify", "-f", allowedPath, "-I", "bob@example.com", "-n", "git", "-s", signaturePath],
      input: message)
    #expect(wrongPrincipal.status != 0)
    let found = try sandbox.runChecked(
      "ssh-keygen", ["-Y", "find-principals", "-f", allowedPath, "-n", "git", "-s", signaturePath])
    #expect(found.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "alice@example.com")
  }

  @Test("Native signer exposes the key's public half")
  func nativePublicKey() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.ed25519)
    let signer = try NativeEd25519Signer(privateKeyFile: keyPath)
    #expect(signer.publicKey.blob == (try publicKey(forKeyFile: keyPath + ".pub")).blob)
    #expect(signer.publicKey.algorithm == "ssh-ed25519")
    #expect(canSignNatively(privateKeyFile: keyPath))
    #expect(preferredSigner(forKeyFile: keyPath) is NativeEd25519Signer)
  }

  @Test("Encrypted keys are refused by the native signer")
  func encryptedKeyRefused() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.ed25519, passphrase: "secret")
    #expect(throws: SignatureError.encryptedPrivateKey(path: keyPath)) {
      try NativeEd25519Signer(privateKeyFile: keyPath)
    }
    #expect(
      SignatureError.encryptedPrivateKey(path: keyPath).description
        == "key file \(keyPath) is encrypted; use ssh-keygen signing (agent) instead")
    #expect(!canSignNatively(privateKeyFile: keyPath))
    #expect(preferredSigner(forKeyFile: keyPath) is SSHKeygenSigner)
  }

  @Test("Non-ed25519 and non-OpenSSH private keys are refused with a reason")
  func otherKeysRefused() throws {
    let sandbox = try Sandbox()
    let ecdsa = try sandbox.generateKey(.ecdsa)
    do {
      _ = try NativeEd25519Signer(privateKeyFile: ecdsa)
      Issue.record("an ECDSA key was accepted")
    } catch {
      #expect(
        error
          == .unsupportedPrivateKey(
            path: ecdsa, reason: "it is a ecdsa-sha2-nistp256 key; only ssh-ed25519 is signed natively"))
    }
    let pem = try sandbox.generateKey(.rsa, name: "pem")
    try sandbox.runChecked("ssh-keygen", ["-q", "-p", "-m", "PEM", "-P", "", "-N", "", "-f", pem])
    #expect(
      throws: SignatureError.unsupportedPrivateKey(
        path: pem, reason: "it is a PEM \"RSA PRIVATE KEY\" file, not an OpenSSH-format private key")
    ) {
      try NativeEd25519Signer(privateKeyFile: pem)
    }
    #expect(throws: SignatureError.self) { try NativeEd25519Signer(privateKeyFile: ecdsa + ".pub") }
    #expect(!canSignNatively(privateKeyFile: sandbox.path("does-not-exist")))
  }

  @Test("Truncated or corrupted private key files throw instead of crashing")
  func corruptedPrivateKey() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.ed25519)
    let text = try String(contentsOfFile: keyPath, encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    let body = Data(base64Encoded: lines.dropFirst().dropLast().joined())!
    for length in stride(from: 0, to: body.count, by: 3) {
      let truncated = "\(lines.first!)\n\(body.prefix(length).base64EncodedString())\n\(lines.last!)\n"
      #expect(throws: SignatureError.self) { try NativeEd25519Signer(openSSHPrivateKey: truncated, path: "t") }
    }
    var flipped = [UInt8](body)
    flipped[flipped.count - 40] ^= 0xff  // inside the secret key: no longer matches the public key
    let corrupted = "\(lines.first!)\n\(Data(flipped).base64EncodedString())\n\(lines.last!)\n"
    #expect(throws: SignatureError.self) { try NativeEd25519Signer(openSSHPrivateKey: corrupted, path: "c") }
  }

  @Test("ssh-keygen signer output verifies natively and has no final newline", arguments: KeyKind.allCases)
  func keygenSignerVerifies(kind: KeyKind) throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(kind)
    let signer = SSHKeygenSigner(keyPath: keyPath, environment: sandbox.environment)
    let message = Data("signed by ssh-keygen\n".utf8)
    let armored = try signer.sign(message, namespace: "git")
    #expect(armored.hasSuffix("-----END SSH SIGNATURE-----"))
    let verdict = verifySSHSignature(armored: armored, message: message, namespace: "git")
    #expect(verdict == .valid(try SSHPublicKey(blob: (try publicKey(forKeyFile: keyPath)).blob)))
  }

  @Test("ssh-keygen signer works with a public key path whose private half is in ssh-agent")
  func keygenSignerUsesAgent() throws {
    let sandbox = try Sandbox()
    let keyPath = try sandbox.generateKey(.ed25519, passphrase: "")
    let socket = sandbox.path("agent.sock")
    // -D keeps the agent in the foreground as our own child, so the test can stop it by its process id.
    let agent = Process()
    agent.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    agent.arguments = ["ssh-agent", "-D", "-a", socket]
    agent.environment = sandbox.environment
    agent.standardInput = FileHandle.nullDevice
    agent.standardOutput = FileHandle.nullDevice
    agent.standardError = FileHandle.nullDevice
    try agent.run()
    defer {
      // SIGKILL, not terminate(): children spawned from Swift's worker threads inherit a mask that blocks SIGTERM.
      kill(agent.processIdentifier, SIGKILL)
      agent.waitUntilExit()
    }
    for _ in 0..<100 where !FileManager.default.fileExists(atPath: socket) {
      Thread.sleep(forTimeInterval: 0.05)
    }
    let agentEnvironment = ["SSH_AUTH_SOCK": socket]

    try sandbox.runChecked("ssh-add", ["-q", keyPath], environment: agentEnvironment)
    // Only the agent holds the private key now.
    try FileManager.default.removeItem(atPath: keyPath)
    let signer = SSHKeygenSigner(
      keyPath: keyPath + ".pub", environment: sandbox.environment.merging(agentEnvironment) { _, new in new })
    let message = Data("agent".utf8)
    let armored = try signer.sign(message, namespace: "git")
    #expect(verifySSHSignature(armored: armored, message: message, namespace: "git").isValid)
  }

  @Test("ssh-keygen failures carry its stderr in a sentence")
  func keygenSignerErrors() throws {
    let sandbox = try Sandbox()
    let missing = sandbox.path("no-such-key")
    let signer = SSHKeygenSigner(keyPath: missing, environment: sandbox.environment)
    do {
      _ = try signer.sign(Data("x".utf8), namespace: "git")
      Issue.record("signing with a missing key succeeded")
    } catch {
      guard case .signingFailed(let keyPath, let status, let message) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(keyPath == missing)
      #expect(status != 0)
      #expect(message.contains("no-such-key"))
      #expect(error.description.hasPrefix("ssh-keygen could not sign with key \(missing) (exit status"))
    }

    let absent = SSHKeygenSigner(keyPath: missing, executable: "no-such-ssh-keygen", environment: sandbox.environment)
    #expect(throws: SignatureError.self) { try absent.sign(Data(), namespace: "git") }
    #expect(throws: SignatureError.invalidNamespace("")) { try signer.sign(Data(), namespace: "") }
  }

  @Test("Empty namespaces are refused by the native signer")
  func emptyNamespace() throws {
    let sandbox = try Sandbox()
    let signer = try NativeEd25519Signer(privateKeyFile: try sandbox.generateKey(.ed25519))
    #expect(throws: SignatureError.invalidNamespace("")) { try signer.sign(Data("x".utf8), namespace: "") }
  }
}
