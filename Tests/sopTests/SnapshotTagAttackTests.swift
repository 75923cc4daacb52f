import Foundation
import TestSupport
import Testing

/// Forged, replayed, deleted and misplaced `published/N` tags, made with stock git and ssh-keygen.
@Suite("Snapshot tag attacks (stock git and ssh-keygen)")
struct SnapshotTagAttackTests {
  /// A team with QP-001 approved and published once by Alice.
  func published() throws -> AttackTeam {
    let team = try AttackTeam()
    try team.approveQP001()
    let result = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(result.status == 0, "\(result.stderr)")
    return team
  }

  /// A second snapshot: QP-001 edited and approved again, then published.
  func publishAgain(_ team: AttackTeam) throws {
    try team.commit(
      [AttackTeam.document: procedureText(id: "QP-001", step: "Wear thick gloves.")], as: AttackTeam.danaID, "Edit")
    try team.approveQP001()
    let result = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(result.status == 0, "\(result.stderr)")
  }

  func kinds(_ team: AttackTeam) throws -> [String] {
    let verify = try team.verify()
    #expect(verify.result.status == 1, "\(verify.result.stdout)\(verify.result.stderr)")
    return verify.json?.problems.map(\.kind) ?? []
  }

  @Test("An unsigned tag named published/2 is a problem, and publish and render refuse to build on it")
  func unsignedForgery() throws {
    let team = try published()
    let blob = try team.blob()
    team.scratch.identity = AttackTeam.malloryID
    try team.scratch.git("tag", "-a", "published/2", "-m", "sop snapshot published/2\n\nQP-001 r1 \(blob)")
    #expect(try kinds(team).contains("unsigned"))
    try team.commit(
      [AttackTeam.document: procedureText(id: "QP-001", step: "Wear thick gloves.")], as: AttackTeam.danaID, "Edit")
    try team.approveQP001()
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("other").path)
    #expect(publish.status != 0 && publish.stderr.contains("published/2"))
    let render = try team.cli.sop("render", "published/2", "--out", team.folder("forged").path)
    #expect(render.status != 0)
    #expect(!FileManager.default.fileExists(atPath: team.folder("forged").appendingPathComponent("index.html").path))
  }

  @Test("A genuine snapshot replayed under a newer name is detected by its inner name")
  func replayedSnapshot() throws {
    let team = try published()
    let object = try team.scratch.git("rev-parse", "refs/tags/published/1")
    try team.scratch.git("update-ref", "refs/tags/published/2", object)
    let verify = try team.verify()
    #expect(verify.result.status == 1)
    #expect(verify.json?.problems.contains { $0.kind == "snapshot-chain" && $0.document == "published/2" } == true)
  }

  @Test("A deleted snapshot leaves a gap that verify reports; each snapshot names its predecessor")
  func deletedSnapshot() throws {
    let team = try published()
    try publishAgain(team)
    let message = try team.scratch.git("tag", "-l", "--format=%(contents)", "published/2")
    let first = try team.scratch.git("rev-parse", "refs/tags/published/1")
    #expect(message.contains("Previous: \(first)"))
    let before = try team.verify()
    #expect(before.result.status == 0, "\(before.result.stdout)")
    try team.scratch.git("tag", "-d", "published/1")
    #expect(try kinds(team).contains("snapshot-chain"))
  }

  @Test("Tags of a blob, a tree and a lightweight tag are reported, never exit 2")
  func tagsOfOtherObjects() throws {
    let team = try published()
    let blob = try team.blob()
    let tree = try team.scratch.git("rev-parse", "HEAD^{tree}")
    team.scratch.identity = AttackTeam.malloryID
    try team.scratch.git("tag", "-a", "published/2", blob, "-m", "blob")
    try team.scratch.git("tag", "-a", "published/3", tree, "-m", "tree")
    try team.scratch.git("tag", "published/4", "HEAD")
    try team.scratch.git("tag", "published/x", "HEAD")
    let verify = try team.verify()
    #expect(verify.result.status == 1, "\(verify.result.stderr)")
    let named = Set(verify.json?.problems.filter { $0.kind == "snapshot-chain" }.compactMap(\.document) ?? [])
    #expect(named.isSuperset(of: ["published/2", "published/3", "published/4"]))
  }

  @Test("A signed tag into an unrelated history with its own root is not judged as this history's snapshot")
  func tagIntoOrphanHistory() throws {
    let team = try published()
    try team.scratch.git("checkout", "-q", "--orphan", "evil")
    try team.commit(["sop.yml": team.attackerPolicy()], as: AttackTeam.malloryID, "Evil root")
    let orphan = try team.rev()
    try team.scratch.git("checkout", "-q", "-f", "main")
    team.scratch.identity = AttackTeam.aliceID
    try team.scratch.git(
      "-c", "gpg.format=ssh", "-c", "user.signingkey=\(team.alice.path)", "tag", "-s", "published/2", orphan, "-m",
      "sop snapshot published/2\n\nPrevious: \(try team.scratch.git("rev-parse", "refs/tags/published/1"))")
    let verify = try team.verify()
    #expect(verify.result.status == 1)
    #expect(verify.json?.problems.contains { $0.document == "published/2" } == true)
  }
}
