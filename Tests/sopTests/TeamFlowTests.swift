import Foundation
import TestSupport
import Testing

/// docs/team.md's flow, end to end: a bare shared repository, two clones, two approvers.
@Suite("Two clones, one shared repository")
struct TeamFlowTests {
  func run(_ team: AttackTeam, in folder: URL, _ arguments: String...) throws -> ProcessResult {
    try runProcess("git", arguments, in: folder, environment: team.scratch.environment)
  }

  @Test("Two approvers on two clones approve at once; a merge keeps both and the document is approved")
  func twoClones() throws {
    let team = try AttackTeam()
    let server = team.folder("shared.git")
    try team.git(in: team.scratch.home, "clone", "-q", "--bare", team.scratch.url.path, server.path)
    let aliceClone = team.folder("clone-alice")
    let bobClone = team.folder("clone-bob")
    try team.git(in: team.scratch.home, "clone", "-q", server.path, aliceClone.path)
    try team.git(in: team.scratch.home, "clone", "-q", server.path, bobClone.path)
    // Both sign on their own machines from the same tip.
    team.scratch.identity = AttackTeam.aliceID
    let alice = try team.cli.sop(["approve", "QP-001", "--key", team.alice.path], in: aliceClone)
    #expect(alice.status == 0, "\(alice.stderr)")
    team.scratch.identity = AttackTeam.bobID
    let bob = try team.cli.sop(["approve", "QP-001", "--key", team.bob.path], in: bobClone)
    #expect(bob.status == 0, "\(bob.stderr)")
    #expect(try run(team, in: aliceClone, "push", "-q", "origin", "main").status == 0)
    // Bob's push is refused as not a fast-forward; he pulls with a merge (never a rebase) and pushes.
    #expect(try run(team, in: bobClone, "push", "-q", "origin", "main").status != 0)
    team.scratch.clock += 60
    let pull = try run(team, in: bobClone, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    #expect(pull.status == 0, "\(pull.stderr)")
    #expect(try run(team, in: bobClone, "push", "-q", "origin", "main").status == 0)
    #expect(try run(team, in: aliceClone, "pull", "-q", "--no-rebase", "origin", "main").status == 0)
    for clone in [aliceClone, bobClone] {
      let status = try team.cli.sop(["status", "--format", "json"], in: clone)
      #expect(status.stdout.contains("\"state\" : \"approved\""), "\(status.stdout)")
      #expect(try team.cli.sop(["verify"], in: clone).status == 0)
    }
  }

  @Test("A rebased approval loses its signature: verify says so and what to do")
  func rebasedApproval() throws {
    let team = try AttackTeam()
    let base = try team.rev()
    try team.approve(key: team.alice, as: AttackTeam.aliceID)
    let aliceTip = try team.rev()
    try team.scratch.git("checkout", "-q", "-b", "bob", base)
    try team.approve(key: team.bob, as: AttackTeam.bobID)
    team.scratch.identity = AttackTeam.bobID
    try team.scratch.git("rebase", "-q", aliceTip)
    let verify = try team.verify()
    #expect(verify.result.status == 1)
    let message = verify.json?.problems.first { $0.kind == "unsigned" }?.message ?? ""
    #expect(message.contains("rebase"), "\(verify.result.stdout)")
  }
}
