import DocumentControl
import Foundation
import Signatures
import TestSupport
import Testing

@Suite("Native and ssh-keygen signing")
struct SignerEquivalenceTests {
  @Test("sop approve gives the same approval commit, byte for byte, with the native signer and ssh-keygen")
  func sameCommit() throws {
    let keyHome = try ScratchRepository()  // Keeps the key files alive for the whole test.
    let key = try keyHome.makeKey("alice")
    func approvedCommit(_ makeSigner: (String) -> any MessageSigner) throws -> (String, String) {
      // Both repositories must be identical up to the approval, so the policy names only the shared key.
      let policy = """
        version: 1
        organisation: Acme
        people:
          - email: alice@acme.example
            name: Alice Nguyen
            roles: [quality, admin]
            keys: ["\(key.publicKey)"]
          - email: bob@acme.example
            name: Bob Smith
            roles: [operations]
        types:
          procedure:
            prefix: QP
            approvals: [quality]

        """
      let scratch = try ScratchRepository()
      try scratch.write("sop.yml", policy)
      let sections =
        "\n## Purpose\n\nKeep hands safe.\n\n## Scope\n\nAll sites.\n\n## Responsibilities\n\n"
        + "The supervisor checks.\n\n## Records\n\nNone.\n"
      try scratch.write(ApprovalFixture.document, ApprovalFixture.procedure(step: "Wear gloves.") + sections)
      scratch.identity = ("Dana Author", "dana@acme.example")
      try scratch.commitAll("Add QP-001")
      let repository = try DocumentRepository(discoveringFrom: scratch.url.path)
      let outcome = try repository.approve(
        ApprovalRequest(ids: ["QP-001"], keyPath: key.path, now: Date(timeIntervalSince1970: 1_750_000_000)),
        signer: makeSigner)
      return (outcome.commit, try scratch.git("cat-file", "commit", outcome.commit))
    }
    let native = try approvedCommit { try! NativeEd25519Signer(privateKeyFile: $0) }
    let keygen = try approvedCommit { SSHKeygenSigner(keyPath: $0) }
    #expect(native.0 == keygen.0)
    #expect(native.1 == keygen.1)
    #expect(native.1.contains("gpgsig -----BEGIN SSH SIGNATURE-----"))
  }
}
