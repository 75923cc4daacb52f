import Foundation
import TestSupport
import Testing

@Suite("sop approve, log, verify, keys")
struct ApproveCommandTests {
  let scratch: ScratchRepository
  let cli: CLIHarness
  let alice: (path: String, publicKey: String)
  let bob: (path: String, publicKey: String)
  let outsider: (path: String, publicKey: String)

  init() throws {
    let team = try TwoPersonRepository()
    (scratch, cli, alice, bob) = (team.scratch, team.cli, team.alice, team.bob)
    outsider = try scratch.makeKey("outsider")
  }

  struct Status: Decodable {
    struct Document: Decodable {
      let id, state: String
      let revision: Int
      let missing: [String]
    }
    let documents: [Document]
  }

  func state(_ id: String) throws -> Status.Document? {
    let result = try cli.sop("status", "--format", "json")
    return try JSONDecoder().decode(Status.self, from: Data(result.stdout.utf8)).documents.first { $0.id == id }
  }

  @Test("sop approve makes an empty signed commit that stock git verify-commit accepts")
  func approveAndGitVerify() throws {
    let head = try scratch.git("rev-parse", "HEAD")
    let result = try cli.sop("approve", "QP-001", "--key", alice.path, "--message", "Reviewed with the site team")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try scratch.git("rev-parse", "HEAD^") == head)
    #expect(try scratch.git("rev-parse", "HEAD^{tree}") == (try scratch.git("rev-parse", "HEAD^^{tree}")))
    let message = try scratch.git("log", "-1", "--format=%B")
    let blob = try scratch.git("rev-parse", "HEAD:procedures/QP-001.md")
    #expect(message.contains("Approves: QP-001 \(blob)"))
    #expect(message.contains("Reviewed with the site team"))
    #expect(try scratch.git("log", "-1", "--format=%an <%ae>") == "Alice Nguyen <alice@acme.example>")
    let keys = try cli.sop("keys")
    #expect(keys.stdout.contains("alice@acme.example namespaces=\"git\" ssh-ed25519 "))
    let signers = scratch.home.appendingPathComponent("allowed").path
    try Data(keys.stdout.utf8).write(to: URL(fileURLWithPath: signers))
    let verify = try runProcess(
      "git", ["-c", "gpg.ssh.allowedSignersFile=\(signers)", "verify-commit", "HEAD"], in: scratch.url,
      environment: scratch.environment)
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stderr.contains("Good \"git\" signature for alice@acme.example"))
    #expect(try scratch.git("status", "--porcelain").isEmpty)
    #expect(try state("QP-001")?.missing == ["owner"])
  }

  @Test("Quality and owner approvals make revision 1; log shows both signatures; verify is clean")
  func fullApproval() throws {
    #expect(try cli.sop("approve", "QP-001", "--key", alice.path).status == 0)
    #expect(try cli.sop("approve", "QP-001", "--key", bob.path).status == 0)
    let document = try #require(try state("QP-001"))
    #expect(document.state == "approved" && document.revision == 1)
    let log = try cli.sop("log", "QP-001", "--format", "json")
    #expect(log.status == 0)
    #expect(log.stdout.contains("\"revision\" : 1") && log.stdout.contains("\"meaning\" : \"Approved\""))
    #expect(log.stdout.contains("Alice Nguyen") && log.stdout.contains("SHA256:"))
    let text = try cli.sop("log", "QP-001")
    #expect(text.stdout.contains("Revision 1") && text.stdout.contains("Bob Smith"))
    let verify = try cli.sop("verify", "--format", "json")
    #expect(verify.status == 0 && verify.stdout.contains("\"ok\" : true"))
  }

  @Test("Refusals leave nothing committed: unknown id, unregistered key, missing role, self-approval")
  func refusals() throws {
    let head = try scratch.git("rev-parse", "HEAD")
    let unknown = try cli.sop("approve", "QP-404", "--key", alice.path)
    #expect(unknown.status == 2 && unknown.stderr.contains("QP-404"))
    let stranger = try cli.sop("approve", "QP-001", "--key", outsider.path)
    #expect(stranger.status == 1 && stranger.stderr.contains("not registered"))
    let carolKey = try scratch.makeKey("carol")
    _ = carolKey
    try scratch.write("procedures/QP-002.md", procedureText(id: "QP-002", step: "Wear boots."))
    scratch.identity = ("Alice Nguyen", "alice@acme.example")
    try scratch.commitAll("Alice edits QP-002")
    let afterEdit = try scratch.git("rev-parse", "HEAD")
    let selfApproval = try cli.sop("approve", "QP-002", "--key", alice.path)
    #expect(selfApproval.status == 1 && selfApproval.stderr.contains("self-approval"))
    #expect(try scratch.git("rev-parse", "HEAD") == afterEdit)
    _ = head
    let noKey = try cli.sop("approve", "QP-001")
    #expect(noKey.status == 2 && noKey.stderr.contains("signing key"))
  }

  @Test("A signer without any needed role is refused")
  func missingRole() throws {
    try scratch.write("procedures/QP-003.md", procedureText(id: "QP-003", owner: "alice@acme.example"))
    try scratch.commitAll("QP-003 owned by Alice")
    let result = try cli.sop("approve", "QP-003", "--key", bob.path)
    #expect(result.status == 1 && result.stderr.contains("holds none of the roles"))
  }

  @Test("Uncommitted edits and a detached HEAD are refused")
  func workTreeChecks() throws {
    try scratch.write("procedures/QP-001.md", procedureText(id: "QP-001", step: "Edited but not committed."))
    let dirty = try cli.sop("approve", "QP-001", "--key", alice.path)
    #expect(dirty.status == 1 && dirty.stderr.contains("uncommitted"))
    try scratch.git("checkout", "-q", "--", "procedures/QP-001.md")
    try scratch.git("checkout", "-q", "--detach", "HEAD")
    let detached = try cli.sop("approve", "QP-001", "--key", alice.path)
    #expect(detached.status == 1 && detached.stderr.contains("detached"))
    #expect(try scratch.git("log", "--all", "--format=%s").contains("Approve") == false)
  }

  @Test("user.signingkey from git config is the default key")
  func signingKeyFromConfig() throws {
    try scratch.git("config", "user.signingkey", alice.path)
    let result = try cli.sop("approve", "QP-001")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try state("QP-001")?.missing == ["owner"])
  }

  @Test("An encrypted key signs through ssh-keygen and counts")
  func encryptedKeyViaAgentPath() throws {
    // ssh-keygen reads the passphrase from SSH_ASKPASS when there is no terminal.
    let encrypted = scratch.home.appendingPathComponent("secret").path
    let made = try runProcess(
      "ssh-keygen", ["-q", "-t", "ed25519", "-N", "pass phrase", "-C", "enc", "-f", encrypted], in: scratch.home,
      environment: scratch.environment)
    #expect(made.status == 0)
    let askpass = scratch.home.appendingPathComponent("askpass.sh")
    try Data("#!/bin/sh\necho 'pass phrase'\n".utf8).write(to: askpass)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: askpass.path)
    let publicKey = try String(contentsOfFile: encrypted + ".pub", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    var policy = try String(contentsOf: scratch.url.appendingPathComponent("sop.yml"), encoding: .utf8)
    policy = policy.replacingOccurrences(of: "keys: [\"\(alice.publicKey)\"]", with: "keys: [\"\(publicKey)\"]")
    let fresh = try ScratchRepository()
    try fresh.write("sop.yml", policy)
    try fresh.write("procedures/QP-001.md", procedureText(id: "QP-001"))
    fresh.identity = ("Dana Author", "dana@acme.example")
    try fresh.commitAll("Docs")
    let result = try CLIHarness(scratch: fresh).sop(
      "approve", "QP-001", "--key", encrypted,
      environment: ["SSH_ASKPASS": askpass.path, "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"])
    #expect(result.status == 0, "\(result.stderr)")
    let verify = try CLIHarness(scratch: fresh).sop("verify")
    #expect(verify.status == 0, "\(verify.stdout)")
  }

  @Test("Concurrent sop approve processes all land: compare-and-swap with retry loses none")
  func concurrentApprovals() throws {
    final class Statuses: @unchecked Sendable {
      let lock = NSLock()
      var values: [Int: Int32] = [:]
    }
    let base = try scratch.git("rev-parse", "HEAD")
    let statuses = Statuses()
    let cli = self.cli
    let jobs = [("QP-001", alice.path), ("QP-002", bob.path), ("QP-001", bob.path), ("QP-002", alice.path)]
    DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
      let outcome = try? cli.sop("approve", jobs[index].0, "--key", jobs[index].1)
      statuses.lock.lock()
      statuses.values[index] = outcome?.status ?? -1
      statuses.lock.unlock()
    }
    #expect(statuses.values == [0: 0, 1: 0, 2: 0, 3: 0])
    #expect(try scratch.git("rev-list", "--count", "\(base)..HEAD") == "4")
    #expect(try state("QP-001")?.state == "approved")
    #expect(try state("QP-002")?.state == "approved")
    #expect(try cli.sop("verify").status == 0)
  }
}
