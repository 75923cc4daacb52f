import Foundation
import Signatures
import Testing

@Suite("Allowed signers files")
struct AllowedSignersTests {
  private func keys() throws -> (SSHPublicKey, SSHPublicKey) {
    let sandbox = try Sandbox()
    return (
      try publicKey(forKeyFile: try sandbox.generateKey(.ed25519)),
      try publicKey(forKeyFile: try sandbox.generateKey(.ecdsa))
    )
  }

  @Test("Rendering sorts by principal then key and ends with a newline")
  func render() throws {
    let (ed, ec) = try keys()
    let text = renderAllowedSigners([
      try AllowedSigner(principal: "zoe@example.com", key: ed, namespaces: ["git"]),
      try AllowedSigner(principal: "alice@example.com", key: ed, namespaces: ["git"]),
      try AllowedSigner(principal: "alice@example.com", key: ec, namespaces: ["git", "file"]),
    ])
    #expect(
      text == """
        alice@example.com namespaces="git,file" \(ec.openSSHString)
        alice@example.com namespaces="git" \(ed.openSSHString)
        zoe@example.com namespaces="git" \(ed.openSSHString)

        """)
    #expect(renderAllowedSigners([]) == "")
  }

  @Test("Render then parse gives the same entries")
  func roundTrip() throws {
    let (ed, ec) = try keys()
    let entries = [
      try AllowedSigner(principal: "alice@example.com", key: ed, namespaces: ["git"]),
      try AllowedSigner(principal: "Bob Smith", key: ec),
      try AllowedSigner(
        principal: "#ca", key: ec, namespaces: ["git", "file"], validAfter: "20240101",
        validBefore: "20250101Z", isCertificateAuthority: true),
    ]
    let text = renderAllowedSigners(entries)
    #expect(text.contains("\"Bob Smith\" \(ec.openSSHString)"))
    #expect(
      text.contains(
        "\"#ca\" cert-authority,namespaces=\"git,file\",valid-after=\"20240101\",valid-before=\"20250101Z\" "))
    #expect(Set(try parseAllowedSigners(text)) == Set(entries))
    #expect(renderAllowedSigners(try parseAllowedSigners(text)) == text)
  }

  @Test("Parsing handles comments, blank lines, quoted options and key comments")
  func parseVariants() throws {
    let (ed, ec) = try keys()
    let text = """
      # team keys

        alice@example.com,alice@corp.example NAMESPACES="git,file" \(ed.openSSHString) laptop key
      "carol q" \(ec.openSSHString)\r
      dave@example.com valid-before="20300101",cert-authority \(ed.openSSHString)
      """
    let entries = try parseAllowedSigners(text)
    #expect(entries.count == 3)
    #expect(entries[0].principal == "alice@example.com,alice@corp.example")
    #expect(entries[0].namespaces == ["git", "file"])
    #expect(entries[0].key == (try SSHPublicKey(blob: ed.blob)))
    #expect(entries[1].principal == "carol q")
    #expect(entries[1].namespaces == nil)
    #expect(entries[1].key.blob == ec.blob)
    #expect(entries[2].validBefore == "20300101")
    #expect(entries[2].isCertificateAuthority)
  }

  @Test(
    "Errors name the line",
    arguments: [
      ("a@x namespaces=git KEY", 1, "the value of option namespaces must be in double quotes"),
      ("\n\na@x bogus=\"1\" KEY", 3, "unknown option \"bogus\""),
      ("# c\na@x namespaces=\"git\"", 2, "the key is missing"),
      ("\"a@x KEY", 1, "the quoted principal has no closing quote"),
      ("a@x valid-after=\"2024\" KEY", 1, "valid-after \"2024\" is not YYYYMMDD[HHMM[SS]][Z]"),
      ("a@x namespaces=\"git KEY", 1, "the value of option namespaces has no closing quote"),
      (
        "a@x namespaces=\"git, file\" KEY", 1,
        "namespace \" file\" must be non-empty, without spaces, quotes or commas"
      ),
    ])
  func errorsNameTheLine(line: String, number: Int, reason: String) throws {
    let (ed, _) = try keys()
    let text = line.replacingOccurrences(of: "KEY", with: ed.openSSHString)
    #expect(throws: SignatureError.malformedAllowedSigners(line: number, reason: reason)) {
      try parseAllowedSigners(text)
    }
  }

  @Test("A broken key is reported with its line number")
  func brokenKey() throws {
    do {
      _ = try parseAllowedSigners("ok@x ssh-ed25519 AAAA\n")
      Issue.record("a truncated key was accepted")
    } catch {
      guard case .malformedAllowedSigners(let line, let reason) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(line == 1)
      #expect(reason.hasPrefix("the key cannot be read"))
      #expect(error.description.hasPrefix("allowed signers line 1: "))
    }
  }

  @Test("Fields that could inject extra lines are refused")
  func refusesInjection() throws {
    let (ed, ec) = try keys()
    #expect(throws: SignatureError.self) {
      try AllowedSigner(principal: "a@x\nevil@x \(ec.openSSHString)", key: ed)
    }
    #expect(throws: SignatureError.self) { try AllowedSigner(principal: "a\"b", key: ed) }
    #expect(throws: SignatureError.self) { try AllowedSigner(principal: "", key: ed) }
    #expect(throws: SignatureError.self) { try AllowedSigner(principal: "a", key: ed, namespaces: ["git\" x"]) }
    #expect(throws: SignatureError.self) { try AllowedSigner(principal: "a", key: ed, namespaces: []) }
  }
}
