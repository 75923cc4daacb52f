import Foundation
import TestSupport
import Testing

/// `sop guard` as a real `pre-receive` hook of a bare repository, exercised with real `git push`.
@Suite("sop guard (pre-receive hook, real git push)")
struct GuardTests {
  /// A team repository, a bare server with the guard installed, and main pushed once.
  func guarded() throws -> (team: AttackTeam, server: URL) {
    let team = try AttackTeam()
    let server = team.folder("server.git")
    try team.git(in: team.scratch.home, "init", "-q", "--bare", "-b", "main", server.path)
    let hook = server.appendingPathComponent("hooks/pre-receive")
    try Data("#!/bin/sh\nexec '\(CLIHarness.binary)' guard\n".utf8).write(to: hook)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    try team.scratch.git("remote", "add", "origin", server.path)
    let first = try push(team, "main")
    #expect(first.status == 0, "\(first.stderr)")
    return (team, server)
  }

  func push(_ team: AttackTeam, _ arguments: String...) throws -> ProcessResult {
    try runProcess(
      "git", ["push", "-q", "origin"] + arguments, in: team.scratch.url, environment: team.scratch.environment)
  }

  @Test("Honest approvals and snapshots are accepted")
  func honestPushes() throws {
    let (team, _) = try guarded()
    try team.approveQP001()
    let approvals = try push(team, "main")
    #expect(approvals.status == 0, "\(approvals.stderr)")
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path).status == 0)
    let tag = try push(team, "refs/tags/published/1")
    #expect(tag.status == 0, "\(tag.stderr)")
  }

  @Test("A force-pushed rewrite of the default branch is rejected")
  func rewriteRejected() throws {
    let (team, server) = try guarded()
    try team.approveQP001()
    #expect(try push(team, "main").status == 0)
    let before = try team.git(in: server, "rev-parse", "main")
    try team.scratch.git("reset", "-q", "--hard", "HEAD~2")
    try team.commit(["notes.txt": "x\n"], as: AttackTeam.malloryID, "Rewrite")
    let forced = try push(team, "--force", "main")
    #expect(forced.status != 0)
    #expect(forced.stderr.contains("sop guard: rejected refs/heads/main"), "\(forced.stderr)")
    #expect(try team.git(in: server, "rev-parse", "main") == before)
  }

  @Test("An orphan history merged as first parent is rejected (second root)")
  func secondRootRejected() throws {
    let (team, server) = try guarded()
    let before = try team.git(in: server, "rev-parse", "main")
    try team.scratch.git("checkout", "-q", "--orphan", "evil")
    try team.commit(["sop.yml": team.attackerPolicy()], as: AttackTeam.malloryID, "Evil root")
    try team.merge(["-s", "ours", "--allow-unrelated-histories", "main"], as: AttackTeam.malloryID)
    let result = try push(team, "evil:main")
    #expect(result.status != 0)
    #expect(result.stderr.contains("root"), "\(result.stderr)")
    #expect(try team.git(in: server, "rev-parse", "main") == before)
  }

  @Test("An approval verify would flag (unregistered key) is rejected")
  func flaggedApprovalRejected() throws {
    let (team, _) = try guarded()
    try team.approve(key: team.mallory, as: AttackTeam.malloryID)
    let result = try push(team, "main")
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown-key"), "\(result.stderr)")
  }

  @Test("Deleting or moving a published tag, or pushing a forged one, is rejected")
  func tagsGuarded() throws {
    let (team, server) = try guarded()
    try team.approveQP001()
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path).status == 0)
    #expect(try push(team, "main", "refs/tags/published/1").status == 0)
    let deletion = try push(team, ":refs/tags/published/1")
    #expect(deletion.status != 0 && deletion.stderr.contains("never deleted"), "\(deletion.stderr)")
    #expect(try team.git(in: server, "tag", "-l", "published/*") == "published/1")
    team.scratch.identity = AttackTeam.malloryID
    try team.scratch.git("tag", "-a", "published/2", "-m", "sop snapshot published/2")
    let forged = try push(team, "refs/tags/published/2")
    #expect(forged.status != 0, "\(forged.stderr)")
    try team.scratch.git("tag", "-f", "-a", "published/1", "-m", "moved")
    let moved = try push(team, "--force", "refs/tags/published/1")
    #expect(moved.status != 0, "\(moved.stderr)")
  }
}
