import DocumentModel
import GitStore
import Testing

@testable import DocumentControl

/// Unit tests for the pieces of the history model that end-to-end tests reach only indirectly.
@Suite("History order and approval rules")
struct LedgerRulesTests {
  /// A fake commit id from a small number.
  func id(_ number: Int) -> ObjectID {
    ObjectID(hex: String(repeating: "0", count: 40 - String(number, radix: 16).count) + String(number, radix: 16))!
  }

  @Test("A linear history is its own mainline, root first, every commit entering at itself")
  func linear() {
    let parents = [id(1): [], id(2): [id(1)], id(3): [id(2)]]
    let order = HistoryOrder(tip: id(3), parents: parents)
    #expect(order.mainline == [id(1), id(2), id(3)])
    #expect(order.steps.map(\.commit) == [id(1), id(2), id(3)])
    #expect(order.steps.allSatisfy { $0.commit == $0.entersAt })
    #expect(order.roots == [id(1)] && order.trusted == [id(1), id(2), id(3)])
  }

  @Test("A side branch is judged just before the merge that brings it in, after later mainline commits")
  func sideBranchEntersAtMerge() {
    // 1 - 2 - 4 - 5(merge of 4 and 3); 3 forks from 1.
    let parents = [id(1): [], id(2): [id(1)], id(3): [id(1)], id(4): [id(2)], id(5): [id(4), id(3)]]
    let order = HistoryOrder(tip: id(5), parents: parents)
    #expect(order.mainline == [id(1), id(2), id(4), id(5)])
    #expect(order.steps.map(\.commit) == [id(1), id(2), id(4), id(3), id(5)])
    #expect(order.steps.first { $0.commit == id(3) }?.entersAt == id(5))
  }

  @Test("A merge whose first parent predates the tip's history still brings in everything after it")
  func firstParentFromThePast() {
    // main: 1 - 2 - 3; the attacker merges with first parent 1 and second parent 3.
    let parents = [id(1): [], id(2): [id(1)], id(3): [id(2)], id(4): [id(1), id(3)]]
    let order = HistoryOrder(tip: id(4), parents: parents)
    #expect(order.mainline == [id(1), id(4)])
    #expect(order.steps.map(\.commit) == [id(1), id(2), id(3), id(4)])
    #expect(order.steps.filter { $0.entersAt == id(4) }.map(\.commit) == [id(2), id(3), id(4)])
  }

  @Test("A second root merged in is listed and its commits are not trusted")
  func foreignRoot() {
    // 1 - 2 - 4(merge of 2 and 3); 3 is an orphan root.
    let parents = [id(1): [], id(2): [id(1)], id(3): [], id(4): [id(2), id(3)]]
    let order = HistoryOrder(tip: id(4), parents: parents)
    #expect(order.roots == [id(1), id(3)])
    #expect(order.trusted == [id(1), id(2), id(4)])
    // The orphan as first parent makes it the mainline's root.
    let flipped = HistoryOrder(tip: id(5), parents: parents.merging([id(5): [id(3), id(2)]]) { $1 })
    #expect(flipped.mainline.first == id(3))
  }

  @Test("Deep histories use no recursion")
  func deep() {
    var parents: [ObjectID: [ObjectID]] = [id(1): []]
    for number in 2...50_000 { parents[id(number)] = [id(number - 1)] }
    let order = HistoryOrder(tip: id(50_000), parents: parents)
    #expect(order.steps.count == 50_000)
  }

  let policy = try! Policy.decode(
    yaml: """
      version: 1
      organisation: Acme
      people:
        - {email: alice@acme.example, name: Alice, roles: [quality, admin]}
        - {email: bob@acme.example, name: Bob, roles: [operations]}
      types:
        procedure: {prefix: QP, approvals: [quality, owner]}
        form: {prefix: F, approvals: [quality]}
      """)

  func content(id: String = "QP-001", type: String = "procedure", owner: String = "bob@acme.example") -> FrontMatter {
    FrontMatter(id: DocumentID(id)!, title: "T", type: type, owner: owner)
  }

  @Test("Rule 5: a change of type needs the roles of both types")
  func typeChangeNeedsBoth() {
    #expect(
      ApprovalRules.requiredRoles(contentType: "form", inForceType: "procedure", policy: policy) == [
        "quality", "owner",
      ])
    #expect(ApprovalRules.requiredRoles(contentType: "form", inForceType: nil, policy: policy) == ["quality"])
  }

  @Test("H6: an id's prefix fixes its type")
  func prefixFixesType() {
    #expect(ApprovalRules.contentIdentity(id: DocumentID("QP-001")!, content: content(), policy: policy) == nil)
    let violation = ApprovalRules.contentIdentity(
      id: DocumentID("QP-001")!, content: content(type: "form"), policy: policy)
    #expect(violation?.kind == .contentMismatch)
  }

  @Test("Rules 5 and 6: role, owner and self-approval, with the same reasons approve gives")
  func judgeSigner() {
    let alice = policy.people[0]
    let bob = policy.people[1]
    var history = DocumentHistory()
    let blob = id(7)
    #expect(
      ApprovalRules.judgeSigner(
        alice, id: DocumentID("QP-001")!, contentKey: blob, content: content(), history: history, policy: policy)
        == .success(.approval(eligible: ["quality"])))
    #expect(
      ApprovalRules.judgeSigner(
        bob, id: DocumentID("QP-001")!, contentKey: blob, content: content(), history: history, policy: policy)
        == .success(.approval(eligible: ["owner"])))
    guard
      case .failure(let notAuthorised) = ApprovalRules.judgeSigner(
        bob, id: DocumentID("QP-001")!, contentKey: blob, content: content(owner: "alice@acme.example"),
        history: history,
        policy: policy)
    else {
      Issue.record("Bob holds no role of this content")
      return
    }
    #expect(notAuthorised.kind == .notAuthorised)
    history.authorsSinceRevision = ["alice@acme.example"]
    guard
      case .failure(let selfApproval) = ApprovalRules.judgeSigner(
        alice, id: DocumentID("QP-001")!, contentKey: blob, content: content(), history: history, policy: policy)
    else {
      Issue.record("Alice authored the change")
      return
    }
    #expect(selfApproval.kind == .selfApproval)
  }

  func record(_ email: String, roles: [String], fingerprint: String) -> ApprovalRecord {
    ApprovalRecord(
      email: email, name: email, role: roles[0], eligibleRoles: roles, commit: id(9), time: 0,
      fingerprint: fingerprint, meaning: "Approved")
  }

  @Test("Role assignment does not depend on signature order and needs a different person per role")
  func roleAssignment() {
    let both = record("a@x", roles: ["quality", "owner"], fingerprint: "a")
    let owner = record("b@x", roles: ["owner"], fingerprint: "b")
    for approvals in [[both, owner], [owner, both]] {
      let assigned = RoleAssignment.complete(required: ["quality", "owner"], approvals: approvals)
      #expect(Set(assigned?.map { "\($0.email)=\($0.role)" } ?? []) == ["a@x=quality", "b@x=owner"])
    }
    #expect(RoleAssignment.missing(required: ["quality", "owner"], approvals: [both]) == ["owner"])
    let surplus = [both, owner, record("c@x", roles: ["quality"], fingerprint: "c")]
    #expect(RoleAssignment.complete(required: ["quality", "owner"], approvals: surplus) != nil)
  }

  @Test("security-keys: {user-verification: true} refuses sk- signatures without the UV flag, only those")
  func userVerification() throws {
    let strict = try Policy.decode(
      yaml: """
        version: 1
        organisation: Acme
        people: []
        types: {}
        security-keys: {user-verification: true}
        """)
    #expect(strict.requiresUserVerification)
    #expect(!policy.requiresUserVerification)
    let sk = "sk-ssh-ed25519@openssh.com"
    #expect(ApprovalRules.securityKeyViolation(keyAlgorithm: sk, flags: 0x01, policy: strict)?.kind == .badSignature)
    #expect(ApprovalRules.securityKeyViolation(keyAlgorithm: sk, flags: nil, policy: strict) != nil)
    #expect(ApprovalRules.securityKeyViolation(keyAlgorithm: sk, flags: 0x05, policy: strict) == nil)
    #expect(ApprovalRules.securityKeyViolation(keyAlgorithm: "ssh-ed25519", flags: nil, policy: strict) == nil)
    #expect(ApprovalRules.securityKeyViolation(keyAlgorithm: sk, flags: 0x01, policy: policy) == nil)
  }
}
