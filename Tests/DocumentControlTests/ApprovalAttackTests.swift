import DocumentControl
import Foundation
import TestSupport
import Testing

@Suite("Approvals and attacks (stock git and ssh-keygen)")
struct ApprovalAttackTests {
  let alice = ("Alice Nguyen", "alice@acme.example")
  let bob = ("Bob Smith", "bob@acme.example")

  func qp001(_ report: StatusReport) -> DocumentStatusEntry? { report.documents.first { $0.id == "QP-001" } }

  @Test("Approvals made with stock git commit -S count: quality and owner make revision 1")
  func stockGitApprovalsCount() throws {
    let fixture = try ApprovalFixture()
    var entry = try #require(qp001(try fixture.status()))
    #expect(entry.state == .draft && entry.revision == 0 && entry.missing == ["quality", "owner"])
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    entry = try #require(qp001(try fixture.status()))
    #expect(entry.state == .draft && entry.missing == ["owner"])
    #expect(entry.approvals.map(\.role) == ["quality"])
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    entry = try #require(qp001(try fixture.status()))
    #expect(entry.state == .approved && entry.revision == 1 && entry.missing.isEmpty)
    #expect(Set(entry.approvals.map(\.role)) == ["quality", "owner"])
    #expect(entry.lastApproved != nil && entry.nextReview != nil)
    #expect(try fixture.verify().ok)
  }

  @Test("An edit after approval makes a draft that keeps showing revision 1; re-approval makes revision 2")
  func revisions() throws {
    let fixture = try ApprovalFixture()
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    try fixture.scratch.write(ApprovalFixture.document, ApprovalFixture.procedure(step: "Wear cut-resistant gloves."))
    fixture.scratch.identity = ("Dana Author", "dana@acme.example")
    try fixture.scratch.commitAll("Stronger gloves")
    var entry = try #require(qp001(try fixture.status()))
    #expect(entry.state == .draft && entry.revision == 1)
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    entry = try #require(qp001(try fixture.status()))
    #expect(entry.state == .approved && entry.revision == 2)
  }

  @Test("An approval of content already approved is a review: no new revision, review clock restarts")
  func periodicReview() throws {
    let fixture = try ApprovalFixture()
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    let before = try #require(qp001(try fixture.status()))
    fixture.scratch.clock += 86_400 * 30
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    let after = try #require(qp001(try fixture.status()))
    #expect(after.revision == 1 && after.state == .approved)
    #expect(after.lastApproved! > before.lastApproved!)
    #expect(after.nextReview! > before.nextReview!)
  }

  @Test("An overdue review is flagged")
  func overdue() throws {
    let fixture = try ApprovalFixture()
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    let later = Date(timeIntervalSince1970: 1_700_000_000 + 400 * 86_400)
    #expect(qp001(try fixture.status(now: later))?.reviewOverdue == true)
    #expect(qp001(try fixture.status())?.reviewOverdue == false)
  }

  @Test("An unsigned approval does not count and verify reports it as unsigned")
  func unsigned() throws {
    let fixture = try ApprovalFixture()
    fixture.scratch.identity = alice
    try fixture.scratch.git("commit", "-q", "--allow-empty", "-m", "Approve\n\nApproves: QP-001 \(try fixture.blob())")
    #expect(qp001(try fixture.status())?.missing == ["quality", "owner"])
    let report = try fixture.verify()
    #expect(!report.ok)
    #expect(report.problems.map(\.kind) == [.unsigned])
    #expect(report.problems.first?.document == "QP-001")
  }

  @Test("A key not in the policy does not count, even with the committer name forged")
  func unknownKey() throws {
    let fixture = try ApprovalFixture()
    try fixture.gitApprove(key: fixture.mallory.path, as: alice)
    #expect(qp001(try fixture.status())?.approvals.isEmpty == true)
    #expect(try fixture.verify().problems.map(\.kind) == [.unknownKey])
  }

  @Test("A registered person without the needed role is not authorised")
  func notAuthorised() throws {
    let fixture = try ApprovalFixture()
    try fixture.gitApprove(key: fixture.carol.path, as: ("Carol Jones", "carol@acme.example"))
    #expect(qp001(try fixture.status())?.approvals.isEmpty == true)
    #expect(try fixture.verify().problems.map(\.kind) == [.notAuthorised])
  }

  @Test("Someone who changed the document since its last approval cannot approve it")
  func selfApproval() throws {
    let fixture = try ApprovalFixture()
    try fixture.scratch.write(ApprovalFixture.document, ApprovalFixture.procedure(step: "Wear boots."))
    fixture.scratch.identity = bob
    try fixture.scratch.commitAll("Bob edits his own procedure")
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    #expect(qp001(try fixture.status())?.missing == ["quality", "owner"])
    #expect(try fixture.verify().problems.map(\.kind) == [.selfApproval])
  }

  @Test("With self-approval: true the author may approve")
  func selfApprovalAllowed() throws {
    let fixture = try ApprovalFixture(selfApproval: true)
    try fixture.scratch.write(ApprovalFixture.document, ApprovalFixture.procedure(step: "Wear boots."))
    fixture.scratch.identity = bob
    try fixture.scratch.commitAll("Bob edits his own procedure")
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    #expect(qp001(try fixture.status())?.missing == ["quality"])
    #expect(try fixture.verify().ok)
  }

  @Test("A blob that is not the document's content does not count")
  func contentMismatch() throws {
    let fixture = try ApprovalFixture()
    let other = try fixture.blob("sop.yml")
    try fixture.gitApprove(key: fixture.alice.path, as: alice, blob: other)
    #expect(qp001(try fixture.status())?.approvals.isEmpty == true)
    #expect(try fixture.verify().problems.map(\.kind) == [.contentMismatch])
  }

  @Test("An approval commit that also edits the file does not count")
  func contentChanged() throws {
    let fixture = try ApprovalFixture()
    let approvedBlob = try fixture.blob()
    try fixture.scratch.write(ApprovalFixture.document, ApprovalFixture.procedure(step: "Skip the gloves."))
    try fixture.scratch.git("add", "-A")
    fixture.scratch.identity = alice
    try fixture.scratch.signedEmptyCommit(
      "Approve\n\nApproves: QP-001 \(approvedBlob)", key: fixture.alice.path, allowEmpty: false)
    #expect(qp001(try fixture.status())?.approvals.isEmpty == true)
    #expect(try fixture.verify().problems.map(\.kind) == [.contentChanged])
  }

  @Test("A message edited after signing breaks the signature")
  func editedMessage() throws {
    let fixture = try ApprovalFixture()
    try fixture.gitApprove(key: fixture.alice.path, as: alice)
    try fixture.rewriteHead { $0.replacingOccurrences(of: "Approve QP-001", with: "Approve QP-001 (edited)") }
    #expect(qp001(try fixture.status())?.approvals.isEmpty == true)
    #expect(try fixture.verify().problems.map(\.kind) == [.badSignature])
  }

  @Test("A signature made for another namespace is a bad signature")
  func wrongNamespace() throws {
    let fixture = try ApprovalFixture()
    fixture.scratch.identity = alice
    try fixture.scratch.git("commit", "-q", "--allow-empty", "-m", "Approve\n\nApproves: QP-001 \(try fixture.blob())")
    let raw = try fixture.scratch.git("cat-file", "commit", "HEAD") + "\n"
    var signature = try fixture.sshSign(raw, key: fixture.alice.path, namespace: "file")
    while signature.hasSuffix("\n") { signature.removeLast() }
    try fixture.rewriteHead { text in
      let header = "gpgsig " + signature.replacingOccurrences(of: "\n", with: "\n ") + "\n"
      let split = text.range(of: "\n\n")!
      return String(text[..<split.lowerBound]) + "\n" + header + String(text[text.index(after: split.lowerBound)...])
    }
    #expect(try fixture.scratch.git("cat-file", "commit", "HEAD").contains("gpgsig -----BEGIN SSH SIGNATURE-----"))
    #expect(qp001(try fixture.status())?.approvals.isEmpty == true)
    let problems = try fixture.verify().problems
    #expect(problems.map(\.kind) == [.badSignature])
    #expect(problems.first?.message.contains("file") == true)
  }

  @Test("A policy change nobody approved gives a newly added key nothing")
  func unapprovedPolicyChange() throws {
    let fixture = try ApprovalFixture()
    let mallory = """
        - email: mallory@evil.example
          name: Mallory
          roles: [quality, admin]
          keys: ["\(fixture.mallory.publicKey)"]

      """
    try fixture.scratch.write("sop.yml", fixture.policy(extraPerson: mallory))
    fixture.scratch.identity = ("Mallory", "mallory@evil.example")
    try fixture.scratch.commitAll("Add myself")
    try fixture.gitApprove(key: fixture.mallory.path, as: ("Mallory", "mallory@evil.example"))
    let report = try fixture.status()
    #expect(qp001(report)?.approvals.isEmpty == true)
    #expect(report.policy?.state == .draft)
    #expect(try fixture.verify().problems.map(\.kind) == [.unknownKey])
  }

  @Test("A policy change approved by an admin takes effect, and the new approver's approvals count")
  func approvedPolicyChange() throws {
    let fixture = try ApprovalFixture()
    let erin = try fixture.scratch.makeKey("erin")
    let person = """
        - email: erin@acme.example
          name: Erin Quality
          roles: [quality]
          keys: ["\(erin.publicKey)"]

      """
    try fixture.scratch.write("sop.yml", fixture.policy(extraPerson: person))
    fixture.scratch.identity = ("Dana Author", "dana@acme.example")
    try fixture.scratch.commitAll("Add Erin")
    try fixture.gitApprove(key: fixture.alice.path, as: alice, id: "POLICY", blob: try fixture.blob("sop.yml"))
    #expect(try fixture.status().policy?.state == .approved)
    #expect(try fixture.status().policy?.revision == 2)
    try fixture.gitApprove(key: erin.path, as: ("Erin Quality", "erin@acme.example"))
    try fixture.gitApprove(key: fixture.bob.path, as: bob)
    let entry = try #require(qp001(try fixture.status()))
    #expect(entry.state == .approved)
    #expect(entry.approvals.map(\.email).contains("erin@acme.example"))
    #expect(try fixture.verify().ok)
  }

  @Test("A policy approval by someone who is not an admin does not put it in effect")
  func policyApprovalNeedsAdmin() throws {
    let fixture = try ApprovalFixture()
    try fixture.scratch.write("sop.yml", fixture.policy(extraPerson: nil, selfApproval: true))
    try fixture.scratch.commitAll("Allow self-approval")
    try fixture.gitApprove(key: fixture.bob.path, as: bob, id: "POLICY", blob: try fixture.blob("sop.yml"))
    #expect(try fixture.status().policy?.state == .draft)
    #expect(try fixture.verify().problems.map(\.kind) == [.notAuthorised])
  }
}
