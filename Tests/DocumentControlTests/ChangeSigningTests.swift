import Foundation
import GitStore
import TestSupport
import Testing

@testable import DocumentControl

/// `changes: signed` (H9 in docs/approvals.md): the key that signed a change, not the author field, says who
/// wrote it. Everything here is made with stock git and ssh-keygen.
@Suite("Signed changes decide authorship")
struct ChangeSigningTests {
  let alice = ("Alice Nguyen", "alice@acme.example")
  let bob = ("Bob Smith", "bob@acme.example")

  /// A fixture whose policy says `changes: signed`, its first commit signed by Bob.
  func signedFixture() throws -> ApprovalFixture {
    let fixture = try ApprovalFixture()
    try fixture.scratch.write(
      "sop.yml",
      fixture.policy(extraPerson: nil).replacingOccurrences(
        of: "self-approval: false", with: "self-approval: false\nchanges: signed"))
    try fixture.scratch.git("add", "-A")
    try fixture.scratch.git(
      "-c", "gpg.format=ssh", "-c", "user.signingkey=\(fixture.bob.path)", "commit", "-q", "-S", "--amend", "-m",
      "Set up")
    return fixture
  }

  func edit(_ fixture: ApprovalFixture, step: String, signedBy key: String?, author: (String, String)) throws {
    try fixture.scratch.write(ApprovalFixture.document, ApprovalFixture.procedure(step: step))
    fixture.scratch.identity = author
    try fixture.scratch.git("add", "-A")
    if let key {
      try fixture.scratch.signedEmptyCommit("Edit", key: key, allowEmpty: false)
    } else {
      try fixture.scratch.commitAll("Edit")
    }
  }

  @Test("A change signed by Alice under Dana's name makes Alice its author: her approval is self-approval")
  func signerIsAuthor() throws {
    let fixture = try signedFixture()
    try edit(
      fixture, step: "Wear thick gloves.", signedBy: fixture.alice.path, author: ("Dana Author", "dana@acme.example"))
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    let entry = try #require(try fixture.status().documents.first { $0.id == "QP-001" })
    #expect(entry.state == .draft)
    let kinds = try fixture.verify().problems.map(\.kind)
    #expect(kinds.contains(.selfApproval))
    #expect(!kinds.contains(.unsignedChange))
  }

  @Test("An unsigned change is an unsigned-change problem; a signed one by a registered key is not")
  func unsignedChangeIsReported() throws {
    let fixture = try signedFixture()
    try edit(
      fixture, step: "Wear thick gloves.", signedBy: fixture.carol.path, author: ("Carol Jones", "carol@acme.example"))
    #expect(try fixture.verify().problems.filter { $0.kind == .unsignedChange }.isEmpty)
    try edit(fixture, step: "Wear thin gloves.", signedBy: nil, author: ("Carol Jones", "carol@acme.example"))
    let problems = try fixture.verify().problems.filter { $0.kind == .unsignedChange }
    #expect(problems.count == 1 && problems.first?.document == "QP-001")
    try edit(
      fixture, step: "Wear no gloves.", signedBy: fixture.mallory.path, author: ("Carol Jones", "carol@acme.example"))
    #expect(try fixture.verify().problems.filter { $0.kind == .unsignedChange }.count == 2)
  }

  @Test("Without changes: signed, the committer's email also makes an author")
  func committerCounts() throws {
    let fixture = try ApprovalFixture()
    try fixture.scratch.write(ApprovalFixture.document, ApprovalFixture.procedure(step: "Wear thick gloves."))
    try fixture.scratch.git("add", "-A")
    try fixture.scratch.git(
      ["commit", "-q", "-m", "Edit"],
      extraEnvironment: ["GIT_AUTHOR_EMAIL": "dana@acme.example", "GIT_COMMITTER_EMAIL": "alice@acme.example"])
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    #expect(try fixture.verify().problems.map(\.kind) == [.selfApproval])
  }
}

/// `sop approve` appends its own commit to the ledger it walked instead of walking again; the result must be
/// what a fresh walk gives.
@Suite("Appending an approval to a walked ledger")
struct LedgerAppendTests {
  func summary(_ ledger: ApprovalLedger) -> String {
    let documents = ledger.documents.keys.sorted().map { id -> String in
      let history = ledger.documents[id]!
      return "\(id): \(history.revisions.map { "r\($0.number) \($0.blob.hex) \($0.approvals.map(\.email))" }) "
        + "pending \(history.pending.mapValues { $0.map(\.email) }.sorted { $0.key < $1.key }.map { "\($0)" })"
    }
    return documents.joined(separator: "\n") + "\npolicy \(ledger.effectivePolicy?.revision ?? 0) "
      + "problems \(ledger.problems.map { "\($0.commit) \($0.kind)" }) approvals \(ledger.approvalCommits)"
  }

  @Test("Each approval appended gives the same ledger as a fresh walk")
  func appendedEqualsFresh() throws {
    let fixture = try ApprovalFixture()
    let repository = try DocumentRepository(discoveringFrom: fixture.scratch.url.path)
    for (key, who) in [
      (fixture.alice.path, ("Alice Nguyen", "alice@acme.example")), (fixture.mallory.path, ("M", "m@x.example")),
      (fixture.bob.path, ("Bob Smith", "bob@acme.example")),
      (fixture.alice.path, ("Alice Nguyen", "alice@acme.example")),
    ] {
      let head = try repository.commit(nil)
      var builder = LedgerBuilder(repository: repository.git)
      _ = try repository.ledger(at: head, builder: &builder)
      let approval = try #require(ObjectID(hex: try fixture.gitApprove(key: key, as: who)))
      let appended = try #require(try builder.appending(approval, onto: head))
      #expect(summary(appended) == summary(try repository.ledger(at: approval)))
    }
  }
}
