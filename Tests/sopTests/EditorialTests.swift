import Foundation
import TestSupport
import Testing

/// The editorial path (issue 17): a small body change approved by `editorial.approvals` alone, and every way
/// to stretch it refused. Signatures are made with stock git: `Change: editorial` is an ordinary trailer.
@Suite("Editorial changes")
struct EditorialTests {
  /// A team whose procedures have `editorial: {approvals: [quality], max-changed-words: 12}`, with QP-001
  /// approved in full (revision 1).
  func team(inARow: Int? = nil) throws -> AttackTeam {
    let team = try AttackTeam()
    let extra = inARow.map { ", max-editorial-in-a-row: \($0)" } ?? ""
    let policy = team.policy().replacingOccurrences(
      of: "approvals: [quality, owner]",
      with: "approvals: [quality, owner]\n    editorial: {approvals: [quality], max-changed-words: 12\(extra)}")
    try team.scratch.write("sop.yml", policy)
    try team.scratch.git("add", "-A")
    try team.scratch.git("commit", "-q", "--amend", "-m", "Documents")
    try team.approveQP001()
    return team
  }

  func edit(_ team: AttackTeam, step: String) throws {
    try team.commit([AttackTeam.document: procedureText(id: "QP-001", step: step)], as: AttackTeam.danaID, "Edit")
  }

  /// Alice (quality) signs QP-001 at HEAD with `Change: editorial`, with stock git.
  @discardableResult
  func editorialApproval(_ team: AttackTeam) throws -> String {
    team.scratch.identity = AttackTeam.aliceID
    return try team.scratch.signedEmptyCommit(
      "Approve QP-001 (editorial)\n\nApproves: QP-001 \(try team.blob())\nChange: editorial", key: team.alice.path)
  }

  @Test("A typo fixed with one editorial signature is a new revision; the log says it was editorial")
  func typo() throws {
    let team = try team()
    try edit(team, step: "Wear glvoes.")
    let status = try team.cli.sop("status")
    #expect(status.stdout.contains("(editorial, 2 words)"), "\(status.stdout)")
    let todo = try team.cli.sop("todo", "--key", team.alice.path, "--format", "json")
    #expect(todo.stdout.contains("\"editorialWords\" : 2"), "\(todo.stdout)")
    let approve = try team.cli.sop("approve", "QP-001", "--editorial", "--key", team.alice.path)
    #expect(approve.status == 0, "\(approve.stderr)")
    #expect(try team.scratch.git("log", "-1", "--format=%B").contains("Change: editorial"))
    let entry = try #require(try team.qp001())
    #expect(entry.state == "approved" && entry.revision == 2)
    #expect(try team.cli.sop("log", "QP-001").stdout.contains("(editorial change, 2 words)"))
    #expect(try team.verify().result.status == 0)
  }

  @Test("Too many words: approve --editorial refuses with the count and the limit; a stock-git one is not-editorial")
  func tooLarge() throws {
    let team = try team()
    try edit(
      team, step: "Wear gloves, goggles, a hard hat, steel-capped boots and a high-visibility vest at all times.")
    let refused = try team.cli.sop("approve", "QP-001", "--editorial", "--key", team.alice.path)
    #expect(refused.status == 1 && refused.stderr.contains("the editorial limit is 12"), "\(refused.stderr)")
    let commit = try editorialApproval(team)
    #expect(try team.qp001()?.state == "draft")
    #expect(try team.verify().json?.kinds(of: commit) == ["not-editorial"])
  }

  @Test("A front-matter change and a never-approved document are never editorial")
  func frontMatterAndNew() throws {
    let team = try team()
    let retitled = procedureText(id: "QP-001").replacingOccurrences(
      of: "title: Handling of materials", with: "title: Handling materials")
    try team.commit([AttackTeam.document: retitled], as: AttackTeam.danaID, "Retitle")
    let retitledApproval = try editorialApproval(team)
    let report = try team.verify()
    #expect(report.json?.kinds(of: retitledApproval) == ["not-editorial"], "\(report.result.stdout)")
    try team.commit(["procedures/QP-002.md": procedureText(id: "QP-002")], as: AttackTeam.danaID, "New")
    team.scratch.identity = AttackTeam.aliceID
    let newOne = try team.scratch.signedEmptyCommit(
      "Approve\n\nApproves: QP-002 \(try team.blob("procedures/QP-002.md"))\nChange: editorial", key: team.alice.path)
    #expect(try team.verify().json?.kinds(of: newOne) == ["not-editorial"])
  }

  @Test("After max-editorial-in-a-row editorial revisions the next change needs the full approvals")
  func chainInARow() throws {
    let team = try team(inARow: 2)
    for step in ["Wear gloves now.", "Wear gloves always."] {
      try edit(team, step: step)
      try editorialApproval(team)
    }
    #expect(try team.qp001()?.revision == 3)
    try edit(team, step: "Wear gloves always!")
    let third = try editorialApproval(team)
    #expect(try team.qp001()?.state == "draft")
    #expect(try team.verify().json?.kinds(of: third) == ["not-editorial"])
  }

  @Test("Small changes may not add up to a rewrite: more than 3 × max-changed-words since the last full approval")
  func chainWords() throws {
    let team = try team(inARow: 10)
    struct LogJSON: Decodable {
      struct Revision: Decodable { let editorialWords: Int? }
      let revisions: [Revision]
    }
    let sentences = [
      "Check the gloves for holes every day.", "Replace worn gloves at the site store.",
      "Keep spare gloves in the site vehicle.", "Report torn gloves to your supervisor.",
      "Store gloves dry and away from sunlight.", "Never share gloves with other workers.",
    ]
    var total = 0
    var step = "Wear gloves."
    for sentence in sentences {
      step += " " + sentence
      try edit(team, step: step)
      let approval = try editorialApproval(team)
      let log = try JSONDecoder().decode(
        LogJSON.self, from: Data(try team.cli.sop("log", "QP-001", "--format", "json").stdout.utf8))
      if let words = log.revisions.last?.editorialWords, try team.qp001()?.state == "approved" {
        #expect(words <= 12)
        total += words
        #expect(total <= 36, "editorial revisions added up to \(total) words")
      } else {
        // The first change that would take the total past 36 words is refused.
        #expect(try team.verify().json?.kinds(of: approval) == ["not-editorial"])
        #expect(total > 0 && total <= 36)
        return
      }
    }
    Issue.record("six sentences of about 7 words never passed 36 words in all (total \(total))")
  }

  @Test("Small changes on two lines of history, joined by a merge, are judged together against the revision in force")
  func splitAcrossMerge() throws {
    let team = try team()
    let base = try team.rev()
    try team.scratch.git("checkout", "-q", "-b", "side")
    try team.commit(
      [AttackTeam.document: procedureText(id: "QP-001", step: "Wear thick leather gloves on site.")],
      as: AttackTeam.danaID, "Side")
    try team.scratch.git("checkout", "-q", "main")
    try team.commit(
      ["procedures/notes.txt": "unrelated\n"], as: AttackTeam.danaID, "Unrelated")
    _ = base
    try team.merge(["side"])
    try team.commit(
      [
        AttackTeam.document: procedureText(
          id: "QP-001", step: "Wear thick leather gloves on site. Check them for holes and tears before each use.")
      ],
      as: AttackTeam.danaID, "More")
    let approval = try editorialApproval(team)
    let status = try team.cli.sop("status").stdout
    #expect(try team.qp001()?.state == "draft", "\(status)")
    let log = try team.cli.sop("log", "QP-001").stdout
    #expect(try team.verify().json?.kinds(of: approval) == ["not-editorial"], "\(log)")
  }
}
