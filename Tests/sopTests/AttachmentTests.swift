import Foundation
import TestSupport
import Testing

/// Pictures and files approved with their document (docs/approvals.md, "Attachments"), attacked with stock
/// git: every approval here is `git commit -S`, never `sop approve`.
@Suite struct AttachmentTests {
  static let photo = "procedures/images/guard.jpg"
  static let approvedBytes = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array("the right guard".utf8))
  static let swappedBytes = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array("a wrong guard!!".utf8))

  /// QP-001 embedding a photo, committed with the approved bytes.
  static func team() throws -> AttackTeam {
    let team = try AttackTeam()
    try team.scratch.write(photo, approvedBytes)
    try team.commit(
      [AttackTeam.document: procedureText(step: "Fit the guard as shown: ![The guard fitted](images/guard.jpg)")],
      as: AttackTeam.danaID, "Show the guard")
    return team
  }

  static func swapPhoto(_ team: AttackTeam, as who: (name: String, email: String) = AttackTeam.malloryID) throws {
    try team.scratch.write(photo, swappedBytes)
    team.scratch.identity = who
    try team.scratch.commitAll("Swap the photo")
  }

  @Test func swappingAnApprovedPhotoMakesADraftAndKeepsTheSwappedBytesOffTheSite() throws {
    let team = try Self.team()
    try team.approveQP001()
    #expect(try team.qp001()?.state == "approved")
    try Self.swapPhoto(team)
    let document = try #require(try team.qp001())
    #expect(document.state == "draft")
    #expect(document.revision == 1)
    #expect(try team.verify().json?.ok == true)
    team.scratch.clock += 60
    let site = team.folder("site")
    let published = try team.cli.sop("publish", "--key", team.alice.path, "--out", site.path)
    #expect(published.status == 0, "\(published.stderr)")
    let copied = try Data(contentsOf: site.appendingPathComponent("files/QP-001/1-guard.jpg"))
    #expect(copied == Self.approvedBytes)
    let page = try String(contentsOf: site.appendingPathComponent("documents/QP-001.html"), encoding: .utf8)
    #expect(page.contains("src=\"../files/QP-001/1-guard.jpg\""), "\(page)")
    let manifest = try String(contentsOf: site.appendingPathComponent("manifest.json"), encoding: .utf8)
    #expect(manifest.contains("files/QP-001/1-guard.jpg"))
    // Approving the new photo makes revision 2 with the same text, and the site then shows the new bytes.
    try team.approveQP001()
    let revised = try #require(try team.qp001())
    #expect(revised.state == "approved" && revised.revision == 2)
    team.scratch.clock += 60
    #expect(try team.cli.sop("publish", "--key", team.alice.path, "--out", site.path).status == 0)
    #expect(try Data(contentsOf: site.appendingPathComponent("files/QP-001/1-guard.jpg")) == Self.swappedBytes)
  }

  @Test func aPhotoSwappedBetweenTheTwoSignaturesCompletesNothing() throws {
    let team = try Self.team()
    try team.approve(key: team.alice, as: AttackTeam.aliceID)
    try Self.swapPhoto(team, as: AttackTeam.danaID)
    try team.approve(key: team.bob, as: AttackTeam.bobID)
    let document = try #require(try team.qp001())
    #expect(document.state == "draft")
    #expect(document.missing == ["quality"])
  }

  @Test func aSignatureOnAPhotoTheMainlineNoLongerHasCountsForNothing() throws {
    let team = try Self.team()
    try team.scratch.git("checkout", "-q", "-b", "side")
    try team.approve(key: team.alice, as: AttackTeam.aliceID)
    try team.scratch.git("checkout", "-q", "main")
    try Self.swapPhoto(team, as: AttackTeam.danaID)
    try team.merge(["side"])
    try team.approve(key: team.bob, as: AttackTeam.bobID)
    let document = try #require(try team.qp001())
    #expect(document.state == "draft")
    #expect(document.missing == ["quality"])
  }

  @Test func sopApproveBindsThePhotoLikeStockGit() throws {
    let team = try Self.team()
    team.scratch.clock += 60
    #expect(try team.cli.sop("approve", "QP-001", "--key", team.alice.path).status == 0)
    team.scratch.clock += 60
    #expect(try team.cli.sop("approve", "QP-001", "--key", team.bob.path).status == 0)
    #expect(try team.qp001()?.state == "approved")
    try Self.swapPhoto(team)
    #expect(try team.qp001()?.state == "draft")
    // The photo is back as approved: the content is the revision in force again.
    try team.scratch.write(Self.photo, Self.approvedBytes)
    try team.scratch.commitAll("Photo back")
    #expect(try team.qp001()?.state == "approved")
  }

  @Test func anAttachmentOverTenMebibytesIsALintErrorAndIsNotSigned() throws {
    let team = try AttackTeam()
    try team.scratch.write("procedures/images/huge.png", Data(count: 10 * 1_048_576 + 60_000))
    try team.commit(
      [AttackTeam.document: procedureText(step: "Check the panel: ![Panel](images/huge.png)")], as: AttackTeam.danaID,
      "Huge photo")
    let lint = try team.cli.sop("lint", "--format", "json")
    #expect(lint.status == 1)
    #expect(
      lint.stdout.contains("is 10.1 MiB; sop approves and publishes attached files up to 10 MiB"), "\(lint.stdout)")
    team.scratch.clock += 60
    let approve = try team.cli.sop("approve", "QP-001", "--key", team.alice.path)
    #expect(approve.status == 1)
    #expect(approve.stderr.contains("10.1 MiB"), "\(approve.stderr)")
  }

  @Test func diffJudgesRetrainingOnTheContentWithItsPhoto() throws {
    let team = try Self.team()
    try team.approveQP001()
    try Self.swapPhoto(team, as: AttackTeam.danaID)
    team.scratch.identity = AttackTeam.aliceID
    try team.scratch.signedEmptyCommit(
      "Approve\n\nApproves: QP-001 \(try team.blob())\nRetraining: not-required", key: team.alice.path)
    struct Diff: Decodable { let retraining: String? }
    let diff = try JSONDecoder().decode(
      Diff.self, from: Data(try team.cli.sop("diff", "QP-001", "--format", "json").stdout.utf8))
    // The text is revision 1's, but the content (with the new photo) is a draft whose one signature waives it.
    #expect(diff.retraining == "not-required")
  }
}
