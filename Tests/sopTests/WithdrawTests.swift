import Foundation
import TestSupport
import Testing

/// `sop withdraw`: a committed `status: obsolete` change, approved like any change.
@Suite("sop withdraw")
struct WithdrawTests {
  @Test("Withdraw commits status: obsolete cleanly, names who must approve, and warns about referring documents")
  func withdraw() throws {
    let team = try AttackTeam()
    try team.commit(
      ["procedures/QP-002.md": procedureText(id: "QP-002", step: "Follow QP-001 first.")], as: AttackTeam.danaID,
      "QP-002")
    try team.approveQP001()
    try team.approve("QP-002", key: team.alice, as: AttackTeam.aliceID)
    try team.approve("QP-002", key: team.bob, as: AttackTeam.bobID)
    team.scratch.identity = AttackTeam.danaID  // GIT_AUTHOR_* of the command's environment
    let result = try team.cli.sop("withdraw", "QP-001", "--reason", "Replaced by QP-002")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("needs quality: Alice Nguyen") && result.stdout.contains("needs owner: Bob Smith"))
    #expect(result.stderr.contains("QP-002"), "\(result.stderr)")
    #expect(try team.scratch.git("status", "--porcelain") == "")
    #expect(try team.scratch.git("log", "-1", "--format=%s%n%b") == "Withdraw QP-001\nReplaced by QP-002")
    #expect(try team.scratch.git("show", "HEAD:procedures/QP-001.md").contains("status: obsolete"))
    #expect(try team.qp001()?.state == "draft")
    try team.approve(key: team.alice, as: AttackTeam.aliceID)
    team.scratch.identity = AttackTeam.bobID
    let last = try team.cli.sop("approve", "QP-001", "--key", team.bob.path)
    #expect(last.status == 0 && last.stderr.contains("still refer to it: QP-002"), "\(last.stderr)")
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", team.folder("site").path)
    #expect(publish.status == 0 && publish.stderr.contains("QP-001 is withdrawn"), "\(publish.stderr)")
    let report = try team.cli.sop("status").stdout + (try team.verify().result.stdout)
    #expect(try team.qp001()?.state == "obsolete", "\(report)")
    let again = try team.cli.sop("withdraw", "QP-001", "--reason", "Again")
    #expect(again.status == 1 && again.stderr.contains("already"), "\(again.stderr)")
  }
}
