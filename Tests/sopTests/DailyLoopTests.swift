import Foundation
import TestSupport
import Testing

/// Issue 10's dead ends: owners who write their own documents, documents nobody can complete, a policy
/// nobody can change. Repositories and approvals are made with stock git and ssh-keygen.
@Suite("A small team's first week")
struct DailyLoopTests {
  /// The team's policy with `self-approval` replaced (nil: the key left out, so the default applies).
  func policy(_ team: AttackTeam, selfApproval: String?, people: [Member]? = nil, procedureApprovals: String? = nil)
    -> String
  {
    var text = team.policy(people: people)
    text = text.replacingOccurrences(
      of: "self-approval: false\n", with: selfApproval.map { "self-approval: \($0)\n" } ?? "")
    if let procedureApprovals {
      text = text.replacingOccurrences(of: "approvals: [quality, owner]", with: "approvals: \(procedureApprovals)")
    }
    return text
  }

  /// A team whose sop.yml is `text`, with QP-001 (owned by Bob) then rewritten by `author`.
  func team(policy make: (AttackTeam) -> String, author: (name: String, email: String)) throws -> AttackTeam {
    let team = try AttackTeam()
    try team.scratch.write("sop.yml", make(team))
    try team.scratch.git("add", "-A")
    try team.scratch.git("commit", "-q", "--amend", "-m", "Documents")
    try team.commit([AttackTeam.document: procedureText(id: "QP-001", step: "Wear thick gloves.")], as: author, "Edit")
    return team
  }

  @Test("Default (as-owner): the owner who wrote the procedure signs as owner; a colleague signs as quality")
  func ownerAuthor() throws {
    let team = try team(policy: { self.policy($0, selfApproval: nil) }, author: AttackTeam.bobID)
    let bob = try team.cli.sop("approve", "QP-001", "--key", team.bob.path)
    #expect(bob.status == 0, "\(bob.stderr)")
    #expect(try team.qp001()?.missing == ["quality"])
    #expect(try team.cli.sop("approve", "QP-001", "--key", team.alice.path).status == 0)
    #expect(try team.qp001()?.state == "approved")
    #expect(try team.verify().result.status == 0)
  }

  @Test("as-owner: an author holding another role may not sign in it; the refusal says why")
  func authorOnlyAsOwner() throws {
    let team = try team(policy: { self.policy($0, selfApproval: "as-owner") }, author: AttackTeam.aliceID)
    let alice = try team.cli.sop("approve", "QP-001", "--key", team.alice.path)
    #expect(alice.status == 1 && alice.stderr.contains("self-approval"), "\(alice.stderr)")
    // A stock-git approval of hers is a verify problem with the same reason.
    let commit = try team.approve(key: team.alice, as: AttackTeam.aliceID)
    #expect(try team.verify().json?.kinds(of: commit) == ["self-approval"])
  }

  @Test(
    "as-owner: an owner-author alone on an owner-only type needs an independent signer: stuck, and approve says why")
  func ownerAloneIsStuck() throws {
    let team = try team(
      policy: { self.policy($0, selfApproval: nil, procedureApprovals: "[owner]") }, author: AttackTeam.bobID)
    // Only Bob holds the owner role, and he wrote the change.
    try team.approve(key: team.bob, as: AttackTeam.bobID)
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft" && entry.missing == ["independent"])
    let status = try team.cli.sop("status")
    #expect(status.stdout.contains("STUCK"), "\(status.stdout)")
  }

  @Test("A role nobody can fill is reported by status and refused by approve with the same reason")
  func stuckRole() throws {
    let team = try team(
      policy: { self.policy($0, selfApproval: "never", procedureApprovals: "[quality, owner, hse]") },
      author: AttackTeam.danaID)
    let status = try team.cli.sop(["status", "--format", "json"])
    #expect(status.stdout.contains("nobody in the sop.yml in effect holds the role hse"), "\(status.stdout)")
    let approve = try team.cli.sop("approve", "QP-001", "--key", team.alice.path)
    #expect(approve.status == 1 && approve.stderr.contains("holds the role hse"), "\(approve.stderr)")
    #expect(try team.scratch.git("log", "-1", "--format=%s") == "Edit")
  }

  @Test("The boolean spellings stay accepted: true lets an author sign in any role, false in none")
  func booleanSpellings() throws {
    let always = try team(policy: { self.policy($0, selfApproval: "true") }, author: AttackTeam.aliceID)
    #expect(try always.cli.sop("approve", "QP-001", "--key", always.alice.path).status == 0)
    let never = try team(policy: { self.policy($0, selfApproval: "false") }, author: AttackTeam.bobID)
    #expect(try never.cli.sop("approve", "QP-001", "--key", never.bob.path).status == 1)
  }

  @Test("A policy with fewer admins with keys than policy-approvals is reported as policy-locked")
  func policyLocked() throws {
    let team = try AttackTeam(policyApprovals: 4)
    let status = try team.cli.sop("status")
    #expect(status.status == 1 && status.stdout.contains("policy-locked"), "\(status.stdout)")
    let verify = try team.verify()
    #expect(verify.json?.problems.contains { $0.kind == "policy-locked" && $0.document == "POLICY" } == true)
  }

  @Test("An approve refused for uncommitted edits says how to discard them and what committing means")
  func uncommittedEdits() throws {
    let team = try AttackTeam()
    try team.scratch.write(AttackTeam.document, procedureText(id: "QP-001", step: "Changed."))
    let result = try team.cli.sop("approve", "QP-001", "--key", team.alice.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("git restore") && result.stderr.contains("author"), "\(result.stderr)")
  }
}
