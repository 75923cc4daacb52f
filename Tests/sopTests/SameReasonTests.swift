import Foundation
import TestSupport
import Testing

/// The approval rules exist once (Ledger/ApprovalRules.swift): `sop approve` refuses with the very sentence
/// `sop verify` records when the same person signs the same content with stock git (issue 9).
@Suite("approve and verify give the same reason")
struct SameReasonTests {
  /// Runs `sop approve ID` with `key`, then makes the same approval with stock git and returns both reasons.
  func reasons(_ team: AttackTeam, id: String, key: SigningKey, as who: (name: String, email: String))
    throws -> (approve: String, verify: String)
  {
    team.scratch.identity = who
    let refused = try team.cli.sop("approve", id, "--key", key.path)
    #expect(refused.status == 1, "\(refused.stdout)")
    let commit = try team.approve(id, key: key, as: who)
    let problems = try team.verify().json?.problems.filter { $0.commit == commit } ?? []
    #expect(problems.count == 1, "\(problems)")
    // The last line: a first run also says which root it now trusts.
    let approveReason = refused.stderr.split(separator: "\n").last.map(String.init) ?? ""
    return (String(approveReason.dropFirst("sop: ".count)), problems.first?.message ?? "")
  }

  @Test("A person without the role: not-authorised, same sentence")
  func notAuthorised() throws {
    let team = try AttackTeam()
    let (approve, verify) = try reasons(team, id: "QP-001", key: team.frank, as: AttackTeam.frankID)
    #expect(approve == verify && verify.contains("holds none of the roles"), "\(approve) | \(verify)")
  }

  @Test("An author signing in another role than owner: self-approval, same sentence")
  func selfApproval() throws {
    let team = try AttackTeam()
    try team.commit(
      [AttackTeam.document: procedureText(id: "QP-001", step: "Wear thick gloves.")], as: AttackTeam.aliceID, "Edit")
    let (approve, verify) = try reasons(team, id: "QP-001", key: team.alice, as: AttackTeam.aliceID)
    #expect(approve == verify && verify.contains("self-approval"))
  }

  @Test("A type that does not match the id's prefix: content-mismatch, same sentence")
  func typeMismatch() throws {
    let team = try AttackTeam()
    let text = procedureText(id: "QP-002").replacingOccurrences(of: "type: procedure", with: "type: form")
    try team.commit(["procedures/QP-002.md": text], as: AttackTeam.danaID, "QP-002")
    let (approve, verify) = try reasons(team, id: "QP-002", key: team.alice, as: AttackTeam.aliceID)
    #expect(approve == verify && verify.contains("prefix"))
  }
}
