import Foundation
import TestSupport
import Testing

/// `sop review` and `sop revoke`, checked against what stock git makes.
@Suite("sop review and sop revoke")
struct ReviewRevokeTests {
  struct LogJSON: Decodable {
    struct Revision: Decodable {
      struct Revoked: Decodable {
        let commit, approval, reason, email: String
      }
      let revision: Int
      let revoked: Revoked?
      let reviews: [AnyCodable]
    }
    let state: String
    let revisions: [Revision]
  }

  struct AnyCodable: Decodable {}

  func log(_ team: AttackTeam) throws -> LogJSON? {
    try? JSONDecoder().decode(LogJSON.self, from: Data(team.cli.sop("log", "QP-001", "--format", "json").stdout.utf8))
  }

  @Test("A review signs unchanged approved content; changed content is refused with what to do")
  func review() throws {
    let team = try AttackTeam()
    try team.approveQP001()
    let review = try team.cli.sop("review", "QP-001", "--key", team.alice.path, "--message", "Still right")
    #expect(review.status == 0, "\(review.stderr)")
    #expect(review.stdout.contains("next review by"), "\(review.stdout)")
    #expect(try team.scratch.git("log", "-1", "--format=%s") == "Review QP-001 revision 1")
    #expect(try log(team)?.revisions.first?.reviews.count == 1)
    // The reviewer's note is in the log, where an auditor looks for it.
    #expect(try team.cli.sop("log", "QP-001", "--format", "json").stdout.contains("\"comment\" : \"Still right\""))
    #expect(try team.cli.sop("log", "QP-001").stdout.contains("\"Still right\""))
    try team.commit([AttackTeam.document: procedureText(id: "QP-001", step: "New step.")], as: AttackTeam.danaID, "E")
    let refused = try team.cli.sop("review", "QP-001", "--key", team.alice.path)
    #expect(refused.status == 1 && refused.stderr.contains("sop approve QP-001"), "\(refused.stderr)")
  }

  @Test("Revoking the approval that completed a revision takes it out of force; the log keeps its number")
  func revokeCompleting() throws {
    let team = try AttackTeam()
    try team.approveQP001()
    let bobApproval = try team.rev()
    let revoke = try team.cli.sop("revoke", bobApproval, "--key", team.bob.path, "--reason", "Signed the wrong one")
    #expect(revoke.status == 0, "\(revoke.stderr)")
    let entry = try #require(try team.qp001())
    #expect(entry.state == "draft" && entry.revision == 0 && entry.missing == ["owner"])
    let log = try #require(try log(team))
    #expect(log.revisions.first?.revision == 1)
    #expect(log.revisions.first?.revoked?.reason == "Signed the wrong one")
    #expect(log.revisions.first?.revoked?.approval == bobApproval)
    #expect(try team.cli.sop("log", "QP-001").stdout.contains("REVOKED"))
    // Bob signs again: a new revision number, never reusing 1.
    #expect(try team.cli.sop("approve", "QP-001", "--key", team.bob.path).status == 0)
    #expect(try team.qp001()?.state == "approved" && (try team.qp001()?.revision) == 2)
    #expect(try team.verify().result.status == 0)
  }

  @Test("Only the key that made an approval may revoke it: sop refuses, and a stock-git forgery does not count")
  func onlyTheSigner() throws {
    let team = try AttackTeam()
    try team.approveQP001()
    let bobApproval = try team.rev()
    let refused = try team.cli.sop("revoke", bobApproval, "--key", team.alice.path, "--reason", "No")
    #expect(refused.status == 1 && refused.stderr.contains("only the key"), "\(refused.stderr)")
    team.scratch.identity = AttackTeam.aliceID
    let forged = try team.scratch.signedEmptyCommit("Revoke\n\nNo.\n\nRevokes: \(bobApproval)", key: team.alice.path)
    #expect(try team.qp001()?.state == "approved")
    #expect(try team.verify().json?.kinds(of: forged) == ["not-authorised"])
  }

  @Test("A revocation made with stock git by the signer counts; a pending signature drops out")
  func stockGitRevocation() throws {
    let team = try AttackTeam()
    let alice = try team.approve(key: team.alice, as: AttackTeam.aliceID)
    #expect(try team.qp001()?.missing == ["owner"])
    team.scratch.identity = AttackTeam.aliceID
    try team.scratch.signedEmptyCommit("Revoke\n\nWrong document.\n\nRevokes: \(alice)", key: team.alice.path)
    #expect(try team.qp001()?.missing == ["quality", "owner"])
    #expect(try team.verify().result.status == 0)
  }
}
