import DocumentControl
import Foundation
import TestSupport

/// A repository with a policy, three registered people, an outsider's key and one procedure.
///
/// Approvals in these tests are made with stock git and ssh-keygen, so the tests do not trust sop's writer.
final class ApprovalFixture: @unchecked Sendable {
  let scratch: ScratchRepository
  let alice: (path: String, publicKey: String)  // quality, admin
  let bob: (path: String, publicKey: String)  // operations; owns QP-001
  let carol: (path: String, publicKey: String)  // no approval role
  let mallory: (path: String, publicKey: String)  // not in the policy

  static let document = "procedures/QP-001-handling.md"

  init(selfApproval: Bool = false) throws {
    scratch = try ScratchRepository()
    alice = try scratch.makeKey("alice")
    bob = try scratch.makeKey("bob")
    carol = try scratch.makeKey("carol")
    mallory = try scratch.makeKey("mallory")
    try scratch.write("sop.yml", policy(extraPerson: nil, selfApproval: selfApproval))
    try scratch.write(Self.document, Self.procedure(step: "Wear gloves."))
    scratch.identity = ("Dana Author", "dana@acme.example")
    try scratch.commitAll("Add QP-001")
  }

  func policy(extraPerson: String?, selfApproval: Bool = false) -> String {
    var text = """
      version: 1
      organisation: Acme
      self-approval: \(selfApproval)
      people:
        - email: alice@acme.example
          name: Alice Nguyen
          roles: [quality, admin]
          keys: ["\(alice.publicKey)"]
        - email: bob@acme.example
          name: Bob Smith
          roles: [operations]
          keys: ["\(bob.publicKey)"]
        - email: carol@acme.example
          name: Carol Jones
          roles: [site]
          keys: ["\(carol.publicKey)"]
        - email: dana@acme.example
          name: Dana Author
          roles: [author]

      """
    if let extraPerson { text += extraPerson }
    text += """
      types:
        procedure:
          prefix: QP
          approvals: [quality, owner]
          review-every: 12 months

      """
    return text
  }

  static func procedure(step: String) -> String {
    """
    ---
    id: QP-001
    title: Handling of materials
    type: procedure
    owner: bob@acme.example
    ---

    # Handling of materials

    ## Procedure

    1. \(step)
    2. Lift with your legs.

    """
  }

  /// The blob of a path at HEAD.
  func blob(_ path: String = ApprovalFixture.document) throws -> String {
    try scratch.git("rev-parse", "HEAD:\(path)")
  }

  /// An empty commit signed by stock `git commit -S`, with an `Approves:` trailer.
  @discardableResult
  func gitApprove(
    key: String, as identity: (String, String), id: String = "QP-001", blob: String? = nil
  ) throws -> String {
    scratch.identity = identity
    let content = try blob ?? self.blob()
    return try scratch.signedEmptyCommit("Approve \(id)\n\nApproves: \(id) \(content)", key: key)
  }

  /// The derived state of QP-001 (and the report).
  func status(now: Date = Date(timeIntervalSince1970: 1_700_500_000)) throws -> StatusReport {
    try DocumentRepository(discoveringFrom: scratch.url.path).status(at: nil, now: now)
  }

  func verify() throws -> VerifyReport {
    try DocumentRepository(discoveringFrom: scratch.url.path).verify()
  }

  /// Rewrites HEAD's commit object with `transform` applied to its raw text, and moves main to it.
  @discardableResult
  func rewriteHead(_ transform: (String) -> String) throws -> String {
    let raw = try scratch.git("cat-file", "commit", "HEAD") + "\n"
    let file = scratch.home.appendingPathComponent("raw-\(UUID().uuidString)")
    try Data(transform(raw).utf8).write(to: file)
    let id = try scratch.git("hash-object", "-t", "commit", "-w", file.path)
    try scratch.git("update-ref", "refs/heads/main", id)
    return id
  }

  /// Signs arbitrary bytes with ssh-keygen for a namespace and returns the armored text.
  func sshSign(_ text: String, key: String, namespace: String) throws -> String {
    let file = scratch.home.appendingPathComponent("payload-\(UUID().uuidString)")
    try Data(text.utf8).write(to: file)
    let result = try runProcess(
      "ssh-keygen", ["-Y", "sign", "-n", namespace, "-f", key, file.path], in: scratch.home,
      environment: scratch.environment)
    guard result.status == 0 else { throw ScratchError(message: result.stderr) }
    return try String(contentsOfFile: file.path + ".sig", encoding: .utf8)
  }

  /// The allowed-signers file for stock git, listing the three registered people.
  func allowedSignersFile() throws -> String {
    let path = scratch.home.appendingPathComponent("allowed_signers").path
    let lines = [("alice@acme.example", alice), ("bob@acme.example", bob), ("carol@acme.example", carol)]
      .map { "\($0.0) namespaces=\"git\" \($0.1.publicKey)" }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    return path
  }
}
