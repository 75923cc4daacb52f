import Foundation
import TestSupport
import Testing

/// `sop training`, `acknowledge` and `train` (docs/training.md): records made with sop and with stock git,
/// forged records, the retraining rule and the matrix states.
@Suite struct TrainingTests {
  static let sam = (name: "Sam Site", email: "sam@acme.example")
  static let pat = (name: "Pat Site", email: "pat@acme.example")

  /// A team with two site staff (no keys) who must know QP-001, and quality who must know every procedure.
  static func team(extra: String = "") throws -> AttackTeam {
    try AttackTeam(
      staff: [
        Member(name: sam.name, email: sam.email, roles: ["site"]),
        Member(name: pat.name, email: pat.email, roles: ["site"]),
      ],
      extraPolicy: """
        training:
          site: [QP-001]
          quality: {types: [procedure]}
        training-days: 10

        """ + extra)
  }

  /// `sop training --format json`, decoded.
  struct Matrix: Decodable {
    struct Record: Decodable {
      let revision: Int
      let time, by, kind: String
    }
    struct Entry: Decodable {
      let id, state, due: String
      let revision: Int
      let record: Record?
    }
    struct Person: Decodable {
      let email, name: String
      let documents: [Entry]
    }
    struct Summary: Decodable, Equatable {
      let current, due, overdue, outdated: Int
    }
    let people: [Person]
    let summary: Summary

    func state(_ email: String, _ id: String = "QP-001") -> String? {
      people.first { $0.email == email }?.documents.first { $0.id == id }?.state
    }
  }

  static func matrix(_ team: AttackTeam, _ arguments: [String] = [], now: String = "2023-11-20T00:00:00Z")
    throws -> Matrix
  {
    let result = try team.cli.sop(["training", "--format", "json"] + arguments, environment: ["SOP_NOW": now])
    #expect(result.status == 0, "\(result.stderr)")
    return try JSONDecoder().decode(Matrix.self, from: Data(result.stdout.utf8))
  }

  /// A stock-git training record signed with `key` as `who`.
  @discardableResult
  static func record(
    _ team: AttackTeam, _ trailers: String, key: SigningKey, as who: (name: String, email: String)
  ) throws -> String {
    team.scratch.identity = who
    return try team.scratch.signedEmptyCommit("Training\n\n" + trailers, key: key.path)
  }

  @Test func approvedDocumentIsDueForEveryoneWhoMustKnowIt() throws {
    let team = try Self.team()
    try team.approveQP001()
    let matrix = try Self.matrix(team)
    // Sam and Pat (site) and Alice and Erin (quality: every procedure); Bob, Frank and Dana need nothing.
    #expect(
      matrix.people.map(\.email) == [AttackTeam.aliceID.email, AttackTeam.erinID.email, Self.pat.email, Self.sam.email])
    #expect(matrix.summary == .init(current: 0, due: 4, overdue: 0, outdated: 0))
    #expect(matrix.people[0].documents[0].revision == 1)
    #expect(matrix.people[0].documents[0].record == nil)
    // training-days: 10 after the revision took effect; past it, overdue.
    let late = try Self.matrix(team, now: "2024-01-01T00:00:00Z")
    #expect(late.summary.overdue == 4)
    // A draft that was never approved needs no training.
    let draftTeam = try Self.team()
    #expect(try Self.matrix(draftTeam).people.isEmpty)
  }

  @Test func acknowledgeAndTrainWithSop() throws {
    let team = try Self.team()
    try team.approveQP001()
    team.scratch.clock += 60
    let acknowledged = try team.cli.sop("acknowledge", "QP-001", "--key", team.alice.path)
    #expect(acknowledged.status == 0, "\(acknowledged.stderr)")
    let blob = try team.blob()
    let message = try team.scratch.git("log", "-1", "--format=%B")
    #expect(message.contains("Acknowledges: QP-001 \(blob)"))
    #expect(message.hasPrefix("Acknowledge QP-001 revision 1"))
    team.scratch.clock += 60
    let trained = try team.cli.sop(
      "train", "QP-001", "--attendee", Self.sam.email, "--attendee", Self.pat.email, "--key", team.erin.path,
      "--message", "Toolbox talk at the yard", "--format", "json")
    #expect(trained.status == 0, "\(trained.stderr)")
    let body = try team.scratch.git("log", "-1", "--format=%B")
    #expect(body.contains("Trained: QP-001 \(blob) \(Self.sam.email)"))
    #expect(body.contains("Trained: QP-001 \(blob) \(Self.pat.email)"))
    #expect(body.contains("Toolbox talk at the yard"))
    // The tree is unchanged: a record is an empty commit.
    #expect(try team.scratch.git("rev-parse", "HEAD^{tree}") == team.scratch.git("rev-parse", "HEAD~1^{tree}"))
    let matrix = try Self.matrix(team)
    #expect(matrix.summary == .init(current: 3, due: 1, overdue: 0, outdated: 0))
    #expect(matrix.state(Self.sam.email) == "current")
    #expect(matrix.state(AttackTeam.erinID.email) == "due")  // training others is not training yourself
    let sam = matrix.people.first { $0.email == Self.sam.email }!.documents[0].record!
    #expect(sam.kind == "trained" && sam.by == AttackTeam.erinID.email && sam.revision == 1)
    let alice = matrix.people.first { $0.email == AttackTeam.aliceID.email }!.documents[0].record!
    #expect(alice.kind == "acknowledged" && alice.by == AttackTeam.aliceID.email)
    #expect(try team.verify().json?.ok == true)
    // Filters.
    #expect(try Self.matrix(team, ["--person", Self.sam.email]).people.map(\.email) == [Self.sam.email])
    #expect(try Self.matrix(team, ["--document", "QP-001"]).people.count == 4)
  }

  @Test func refusalsWriteNothing() throws {
    let team = try Self.team()
    // Only approved content can be trained on.
    let draft = try team.cli.sop("acknowledge", "QP-001", "--key", team.alice.path)
    #expect(draft.status == 1)
    #expect(draft.stderr.contains("no approved revision"))
    try team.approveQP001()
    let head = try team.rev()
    // Bob (operations) holds no training-recorders role.
    let notRecorder = try team.cli.sop("train", "QP-001", "--attendee", Self.sam.email, "--key", team.bob.path)
    #expect(notRecorder.status == 1)
    #expect(notRecorder.stderr.contains("training-recorders"))
    // An attendee who is nobody, an unknown id, no attendee at all.
    let stranger = try team.cli.sop("train", "QP-001", "--attendee", "zed@acme.example", "--key", team.alice.path)
    #expect(stranger.status == 2)
    #expect(stranger.stderr.contains("zed@acme.example"))
    #expect(try team.cli.sop("acknowledge", "QP-404", "--key", team.alice.path).status == 2)
    #expect(try team.cli.sop("train", "QP-001", "--key", team.alice.path).status == 2)
    // A key nobody registered.
    #expect(try team.cli.sop("acknowledge", "QP-001", "--key", team.mallory.path).status == 1)
    // --strict: Bob is not required to know QP-001; without --strict extra training is fine.
    let strict = try team.cli.sop("acknowledge", "QP-001", "--strict", "--key", team.bob.path)
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("not required"))
    #expect(try team.rev() == head)
    team.scratch.clock += 60
    #expect(try team.cli.sop("acknowledge", "QP-001", "--key", team.bob.path).status == 0)
    #expect(try team.rev() != head)
  }

  @Test func stockGitRecordsCountLikeSops() throws {
    let team = try Self.team()
    try team.approveQP001()
    let blob = try team.blob()
    try Self.record(team, "Acknowledges: QP-001 \(blob)", key: team.alice, as: AttackTeam.aliceID)
    try Self.record(
      team, "Trained: QP-001 \(blob) \(Self.sam.email)\nTrained: QP-001 \(blob) \(Self.pat.email)", key: team.erin,
      as: AttackTeam.erinID)
    let matrix = try Self.matrix(team)
    #expect(matrix.summary == .init(current: 3, due: 1, overdue: 0, outdated: 0))
    #expect(try team.verify().json?.ok == true)
  }

  @Test func forgedRecordsCountForNothingAndAreProblems() throws {
    let team = try Self.team()
    try team.approveQP001()
    let blob = try team.blob()
    // Unsigned.
    team.scratch.identity = AttackTeam.aliceID
    try team.scratch.git("commit", "-q", "--allow-empty", "-m", "Training\n\nAcknowledges: QP-001 \(blob)")
    let unsigned = try team.rev()
    // Signed by a key no policy registers, claiming to be Alice.
    let mallory = try Self.record(team, "Acknowledges: QP-001 \(blob)", key: team.mallory, as: AttackTeam.aliceID)
    // Bob may not record training given to others.
    let bob = try Self.record(team, "Trained: QP-001 \(blob) \(Self.sam.email)", key: team.bob, as: AttackTeam.bobID)
    // An attendee who is nobody.
    let ghost = try Self.record(
      team, "Trained: QP-001 \(blob) ghost@acme.example", key: team.alice, as: AttackTeam.aliceID)
    // A blob that is no approved revision, and a malformed trailer.
    let wrongBlob = try Self.record(
      team, "Trained: QP-001 \(String(repeating: "a", count: 40)) \(Self.sam.email)", key: team.alice,
      as: AttackTeam.aliceID)
    let malformed = try Self.record(team, "Trained: QP-001 \(blob)", key: team.alice, as: AttackTeam.aliceID)
    // A record that also changes the tree.
    try team.scratch.write("notes.txt", "slipped in\n")
    try team.scratch.git("add", "notes.txt")
    team.scratch.identity = AttackTeam.aliceID
    let changing = try team.scratch.signedEmptyCommit(
      "Training\n\nTrained: QP-001 \(blob) \(Self.pat.email)", key: team.alice.path, allowEmpty: false)
    let verify = try team.verify()
    #expect(verify.result.status == 1)
    let json = try #require(verify.json)
    #expect(json.kinds(of: unsigned) == ["unsigned"])
    #expect(json.kinds(of: mallory) == ["unknown-key"])
    #expect(json.kinds(of: bob) == ["not-authorised"])
    #expect(json.kinds(of: ghost) == ["not-authorised"])
    #expect(json.kinds(of: wrongBlob) == ["content-mismatch"])
    #expect(json.kinds(of: malformed) == ["content-mismatch"])
    #expect(json.kinds(of: changing) == ["content-changed"])
    // None of them counts.
    #expect(try Self.matrix(team).summary == .init(current: 0, due: 4, overdue: 0, outdated: 0))
  }

  @Test func aDraftBlobIsNoTrainingEvenWhileTheOldRevisionIsInForce() throws {
    let team = try Self.team()
    try team.approveQP001()
    try team.commit(
      [AttackTeam.document: procedureText(step: "Wear cut-resistant gloves.")], as: AttackTeam.danaID, "Edit")
    let draft = try team.blob()
    let record = try Self.record(team, "Acknowledges: QP-001 \(draft)", key: team.alice, as: AttackTeam.aliceID)
    #expect(try team.verify().json?.kinds(of: record) == ["content-mismatch"])
    // sop acknowledge signs the revision in force, not the draft.
    team.scratch.clock += 60
    #expect(try team.cli.sop("acknowledge", "QP-001", "--key", team.erin.path).status == 0)
    #expect(try team.scratch.git("log", "-1", "--format=%B").contains(try team.blob(at: "HEAD~3")))
    #expect(try Self.matrix(team).state(AttackTeam.erinID.email) == "current")
  }

  @Test func aNewRevisionNeedsRetrainingUnlessEveryApprovalWaivesIt() throws {
    let team = try Self.team()
    try team.approveQP001()
    let first = try team.blob()
    try Self.record(
      team, "Trained: QP-001 \(first) \(Self.sam.email)\nTrained: QP-001 \(first) \(Self.pat.email)", key: team.alice,
      as: AttackTeam.aliceID)
    #expect(try Self.matrix(team).state(Self.sam.email) == "current")
    // Revision 2, approved normally: the site crew is outdated.
    try team.commit(
      [AttackTeam.document: procedureText(step: "Wear cut-resistant gloves.")], as: AttackTeam.danaID, "Edit")
    try team.approveQP001()
    var matrix = try Self.matrix(team)
    #expect(matrix.state(Self.sam.email) == "outdated")
    let sam = try #require(matrix.people.first { $0.email == Self.sam.email }?.documents.first)
    #expect(sam.revision == 2 && sam.record?.revision == 1)
    // Retrained on revision 2.
    try Self.record(
      team, "Trained: QP-001 \(try team.blob()) \(Self.sam.email)", key: team.alice, as: AttackTeam.aliceID)
    // Revision 3: only one of the two approvals waives retraining, so it is still needed.
    try team.commit(
      [AttackTeam.document: procedureText(step: "Wear cut-resistant gloves (EN 388).")], as: AttackTeam.danaID, "Edit")
    let third = try team.blob()
    team.scratch.identity = AttackTeam.aliceID
    try team.scratch.signedEmptyCommit(
      "Approve\n\nApproves: QP-001 \(third)\nRetraining: not-required", key: team.alice.path)
    try team.approve(key: team.bob, as: AttackTeam.bobID)
    matrix = try Self.matrix(team)
    #expect(matrix.state(Self.sam.email) == "outdated")
    // Revision 4: both approvals waive it (Bob with sop approve --no-retraining), so revision 3 training would
    // carry over; Sam's and Pat's training on revision 2 and 1 does not, since revision 3 needed retraining.
    try Self.record(team, "Trained: QP-001 \(third) \(Self.sam.email)", key: team.alice, as: AttackTeam.aliceID)
    try team.commit(
      [AttackTeam.document: procedureText(step: "Wear cut-resistant gloves (EN 388 level 3).")], as: AttackTeam.danaID,
      "Edit")
    team.scratch.identity = AttackTeam.aliceID
    try team.scratch.signedEmptyCommit(
      "Approve\n\nApproves: QP-001 \(try team.blob())\nRetraining: not-required", key: team.alice.path)
    team.scratch.clock += 60
    let bob = try team.cli.sop("approve", "QP-001", "--no-retraining", "--key", team.bob.path)
    #expect(bob.status == 0, "\(bob.stderr)")
    #expect(try team.scratch.git("log", "-1", "--format=%B").contains("Retraining: not-required"))
    matrix = try Self.matrix(team)
    #expect(matrix.state(Self.sam.email) == "current")
    #expect(matrix.people.first { $0.email == Self.sam.email }?.documents.first?.record?.revision == 3)
    #expect(matrix.state(Self.pat.email) == "outdated")
    #expect(try team.verify().json?.ok == true)
  }

  @Test func todoListsWhatToAcknowledge() throws {
    let team = try Self.team()
    try team.approveQP001()
    let result = try team.cli.sop("todo", "--for", Self.sam.email, "--format", "json")
    #expect(result.status == 0, "\(result.stderr)")
    struct Todo: Decodable {
      struct Item: Decodable {
        let id, title, due: String
        let revision: Int
      }
      let acknowledge: [Item]
    }
    let todo = try JSONDecoder().decode(Todo.self, from: Data(result.stdout.utf8))
    #expect(todo.acknowledge.map(\.id) == ["QP-001"])
    #expect(todo.acknowledge[0].revision == 1)
    let text = try team.cli.sop("todo", "--for", Self.sam.email)
    #expect(text.stdout.contains("sop acknowledge"))
    try Self.record(
      team, "Trained: QP-001 \(try team.blob()) \(Self.sam.email)", key: team.alice, as: AttackTeam.aliceID)
    let after = try JSONDecoder().decode(
      Todo.self, from: Data(try team.cli.sop("todo", "--for", Self.sam.email, "--format", "json").stdout.utf8))
    #expect(after.acknowledge.isEmpty)
  }

  @Test func logListsTrainingPerRevision() throws {
    let team = try Self.team()
    try team.approveQP001()
    try Self.record(
      team, "Trained: QP-001 \(try team.blob()) \(Self.sam.email)", key: team.alice, as: AttackTeam.aliceID)
    let log = try team.cli.sop("log", "QP-001", "--format", "json")
    #expect(log.status == 0)
    struct Log: Decodable {
      struct Revision: Decodable {
        struct Training: Decodable { let email, by, kind: String }
        let training: [Training]
        let retraining: String
      }
      let revisions: [Revision]
    }
    let decoded = try JSONDecoder().decode(Log.self, from: Data(log.stdout.utf8))
    #expect(decoded.revisions[0].training.map(\.email) == [Self.sam.email])
    #expect(decoded.revisions[0].retraining == "required")
    #expect(try team.cli.sop("log", "QP-001").stdout.contains("trained: Sam Site"))
  }

  @Test(arguments: [
    ("training:\n  nobody: [QP-001]\n", "no person holds the role 'nobody'"),
    ("training:\n  site: {types: [manual]}\n", "'manual' is no type"),
    ("training:\n  site: [XX-001]\n", "'XX-001' is neither"),
    ("training-days: 9999\n", "training-days"),
    ("training-recorders: [trainers]\n", "no person holds the role 'trainers'"),
  ])
  func policyMistakesAreInputErrorsWithTheLine(extra: String, expected: String) throws {
    let team = try AttackTeam(
      staff: [Member(name: Self.sam.name, email: Self.sam.email, roles: ["site"])], extraPolicy: extra)
    let result = try team.cli.sop("training")
    #expect(result.status == 2)
    #expect(result.stderr.contains("sop.yml:"))
    #expect(result.stderr.contains(expected), "\(result.stderr)")
  }

  @Test func anIDThatNamesNoDocumentIsAnInputError() throws {
    let team = try AttackTeam(
      staff: [Member(name: Self.sam.name, email: Self.sam.email, roles: ["site"])],
      extraPolicy: "training:\n  site: [QP-001, QP-077]\n")
    try team.approveQP001()
    let result = try team.cli.sop("training")
    #expect(result.status == 2)
    #expect(result.stderr.contains("QP-077 names no document"))
    #expect(result.stderr.contains("sop.yml:"))
  }

  @Test func diffAndThePreviewSayWhetherRetrainingApplies() throws {
    let team = try Self.team()
    try team.approveQP001()
    try team.commit(
      [AttackTeam.document: procedureText(step: "Wear cut-resistant gloves.")], as: AttackTeam.danaID, "Edit")
    struct Diff: Decodable { let retraining: String? }
    func retraining() throws -> String? {
      try JSONDecoder().decode(
        Diff.self, from: Data(try team.cli.sop("diff", "QP-001", "--format", "json").stdout.utf8)
      ).retraining
    }
    #expect(try retraining() == "required")
    #expect(try team.cli.sop("diff", "QP-001").stdout.contains("Retraining: required"))
    team.scratch.clock += 60
    #expect(try team.cli.sop("approve", "QP-001", "--no-retraining", "--key", team.alice.path).status == 0)
    #expect(try retraining() == "not-required")
    // The preview on a terminal counts the people who must know it.
    guard FileManager.default.fileExists(atPath: "/usr/bin/script") else { return }
    let shown = try runProcess(
      "/usr/bin/script", ["-qec", "\(CLIHarness.binary) approve QP-001 --key \(team.bob.path)", "/dev/null"],
      in: team.scratch.url, environment: team.scratch.environment, input: "n\n")
    #expect(shown.stdout.contains("training: the 4 people who must know it train again"), "\(shown.stdout)")
  }

  @Test func thePublishedSiteHasATrainingPageAndCountsOnEachDocument() throws {
    let team = try Self.team()
    try team.approveQP001()
    try Self.record(
      team, "Trained: QP-001 \(try team.blob()) \(Self.sam.email)", key: team.alice, as: AttackTeam.aliceID)
    team.scratch.clock += 60
    let site = team.folder("site")
    let published = try team.cli.sop("publish", "--key", team.alice.path, "--out", site.path)
    #expect(published.status == 0, "\(published.stderr)")
    let page = try String(contentsOf: site.appendingPathComponent("training.html"), encoding: .utf8)
    #expect(page.contains("<td class=\"training-current\">current</td>"))
    #expect(page.contains("<td class=\"training-due\">due</td>"))
    #expect(page.contains("Sam Site"))
    let document = try String(contentsOf: site.appendingPathComponent("documents/QP-001.html"), encoding: .utf8)
    #expect(document.contains("1 of 4 people current"))
    // The manifest lists the page, so `sop render` of the tag reproduces it.
    let manifest = try String(contentsOf: site.appendingPathComponent("manifest.json"), encoding: .utf8)
    #expect(manifest.contains("training.html"))
    // A repository without training: no page, no link.
    let plain = try AttackTeam()
    try plain.approveQP001()
    plain.scratch.clock += 60
    #expect(try plain.cli.sop("publish", "--key", plain.alice.path, "--out", plain.folder("site").path).status == 0)
    #expect(!FileManager.default.fileExists(atPath: plain.folder("site").appendingPathComponent("training.html").path))
  }

  @Test func theGuardRejectsAForgedRecordAndAcceptsAnHonestOne() throws {
    let (team, server) = try AttackTeam.guarded()
    try team.approveQP001()
    #expect(try team.push("main").status == 0)
    let blob = try team.blob()
    // Bob holds no training-recorders role: verify would flag it, so the shared repository refuses it.
    try Self.record(team, "Trained: QP-001 \(blob) \(AttackTeam.danaID.email)", key: team.bob, as: AttackTeam.bobID)
    let before = try team.git(in: server, "rev-parse", "main")
    let forged = try team.push("main")
    #expect(forged.status != 0)
    #expect(forged.stderr.contains("not-authorised"), "\(forged.stderr)")
    #expect(try team.git(in: server, "rev-parse", "main") == before)
    try team.scratch.git("reset", "-q", "--hard", "HEAD~1")
    try Self.record(team, "Acknowledges: QP-001 \(blob)", key: team.bob, as: AttackTeam.bobID)
    let honest = try team.push("main")
    #expect(honest.status == 0, "\(honest.stderr)")
  }
}
