import Foundation
import TestSupport
import Testing

/// `sop guard` as a real `pre-receive` hook of a bare repository, exercised with real `git push`.
@Suite("sop guard (pre-receive hook, real git push)")
struct GuardTests {
  @Test("Honest approvals and snapshots are accepted")
  func honestPushes() throws {
    let (team, _) = try AttackTeam.guarded()
    try team.approveQP001()
    let approvals = try team.push("main")
    #expect(approvals.status == 0, "\(approvals.stderr)")
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path).status == 0)
    let tag = try team.push("refs/tags/published/1")
    #expect(tag.status == 0, "\(tag.stderr)")
  }

  @Test("A force-pushed rewrite of the default branch is rejected")
  func rewriteRejected() throws {
    let (team, server) = try AttackTeam.guarded()
    try team.approveQP001()
    #expect(try team.push("main").status == 0)
    let before = try team.git(in: server, "rev-parse", "main")
    try team.scratch.git("reset", "-q", "--hard", "HEAD~2")
    try team.commit(["notes.txt": "x\n"], as: AttackTeam.malloryID, "Rewrite")
    let forced = try team.push("--force", "main")
    #expect(forced.status != 0)
    #expect(forced.stderr.contains("sop guard: rejected refs/heads/main"), "\(forced.stderr)")
    #expect(try team.git(in: server, "rev-parse", "main") == before)
  }

  @Test("An orphan history merged as first parent is rejected (second root)")
  func secondRootRejected() throws {
    let (team, server) = try AttackTeam.guarded()
    let before = try team.git(in: server, "rev-parse", "main")
    try team.scratch.git("checkout", "-q", "--orphan", "evil")
    try team.commit(["sop.yml": team.attackerPolicy()], as: AttackTeam.malloryID, "Evil root")
    try team.merge(["-s", "ours", "--allow-unrelated-histories", "main"], as: AttackTeam.malloryID)
    let result = try team.push("evil:main")
    #expect(result.status != 0)
    #expect(result.stderr.contains("root"), "\(result.stderr)")
    #expect(try team.git(in: server, "rev-parse", "main") == before)
  }

  @Test("An approval verify would flag (unregistered key) is rejected")
  func flaggedApprovalRejected() throws {
    let (team, _) = try AttackTeam.guarded()
    try team.approve(key: team.mallory, as: AttackTeam.malloryID)
    let result = try team.push("main")
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown-key"), "\(result.stderr)")
  }

  @Test("Deleting or moving a published tag, or pushing a forged one, is rejected")
  func tagsGuarded() throws {
    let (team, server) = try AttackTeam.guarded()
    try team.approveQP001()
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path).status == 0)
    #expect(try team.push("main", "refs/tags/published/1").status == 0)
    let deletion = try team.push(":refs/tags/published/1")
    #expect(deletion.status != 0 && deletion.stderr.contains("never deleted"), "\(deletion.stderr)")
    #expect(try team.git(in: server, "tag", "-l", "published/*") == "published/1")
    team.scratch.identity = AttackTeam.malloryID
    try team.scratch.git("tag", "-a", "published/2", "-m", "sop snapshot published/2")
    let forged = try team.push("refs/tags/published/2")
    #expect(forged.status != 0, "\(forged.stderr)")
    try team.scratch.git("tag", "-f", "-a", "published/1", "-m", "moved")
    let moved = try team.push("--force", "refs/tags/published/1")
    #expect(moved.status != 0, "\(moved.stderr)")
  }
}
