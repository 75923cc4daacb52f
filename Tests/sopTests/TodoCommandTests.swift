import Foundation
import TestSupport
import Testing

@Suite("sop todo")
struct TodoCommandTests {
  let team: TwoPersonRepository
  var scratch: ScratchRepository { team.scratch }
  var cli: CLIHarness { team.cli }

  init() throws {
    team = try TwoPersonRepository()
  }

  /// Alice (quality) and Bob (owner) approve QP-001 as Dana wrote it: revision 1.
  func approveRevision1() throws {
    #expect(try cli.sop("approve", "QP-001", "--key", team.alice.path).status == 0)
    #expect(try cli.sop("approve", "QP-001", "--key", team.bob.path).status == 0)
  }

  struct TodoJSON: Decodable {
    struct Person: Decodable {
      let email, name: String
    }
    struct Approve: Decodable {
      let id, title: String
      let revision: Int
      let roles: [String]
    }
    struct Review: Decodable {
      let id, title, nextReview: String
      let overdue: Bool
    }
    struct Policy: Decodable {
      let blob: String
    }
    let person: Person
    let approve: [Approve]
    let review: [Review]
    let policy: [Policy]
  }

  func todo(_ arguments: String..., environment: [String: String] = [:]) throws -> (ProcessResult, TodoJSON?) {
    let result = try cli.sop(["todo", "--format", "json"] + arguments, environment: environment)
    return (result, try? JSONDecoder().decode(TodoJSON.self, from: Data(result.stdout.utf8)))
  }

  @Test("todo: what each person may sign now; signed, self-approved and foreign-role documents left out")
  func todoApprovals() throws {
    let (result, alice) = try todo("--for", "alice@acme.example")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(alice?.person.name == "Alice Nguyen" && alice?.person.email == "alice@acme.example")
    #expect(alice?.approve.map(\.id) == ["QP-001", "QP-002"])
    #expect(alice?.approve.first?.roles == ["quality"] && alice?.approve.first?.revision == 1)
    #expect(alice?.review.isEmpty == true && alice?.policy.isEmpty == true)
    let (_, bob) = try todo("--key", team.bob.path)
    #expect(bob?.person.email == "bob@acme.example" && bob?.approve.map(\.roles) == [["owner"], ["owner"]])
    // Already signed: gone from Alice's list, still on Bob's.
    #expect(try cli.sop("approve", "QP-001", "--key", team.alice.path).status == 0)
    #expect(try todo("--for", "alice@acme.example").1?.approve.map(\.id) == ["QP-002"])
    #expect(try todo("--for", "bob@acme.example").1?.approve.map(\.id) == ["QP-001", "QP-002"])
    // A broken reference is a lint error, which approve refuses: QP-002 waits for its author, not for Bob.
    try scratch.write("procedures/QP-002.md", procedureText(id: "QP-002", step: "Read QP-999 first."))
    try scratch.commitAll("Refers to a document that does not exist")
    #expect(try todo("--for", "bob@acme.example").1?.approve.map(\.id) == ["QP-001"])
    // Alice edits QP-002: she may not approve her own change (self-approval: false).
    scratch.identity = ("Alice Nguyen", "alice@acme.example")
    try scratch.write("procedures/QP-002.md", procedureText(id: "QP-002", step: "Wear boots."))
    try scratch.commitAll("Boots")
    #expect(try todo("--for", "alice@acme.example").1?.approve.isEmpty == true)
    // The default person is the owner of git's user.signingkey.
    try scratch.git("config", "user.signingkey", team.bob.path)
    let text = try cli.sop("todo")
    #expect(text.status == 0 && text.stdout.contains("Waiting for Bob Smith <bob@acme.example>"))
    #expect(text.stdout.contains("To approve (2 documents; sop approve ID):"))
    #expect(text.stdout.contains("QP-001  Handling of materials  r1 as owner"))
    let stranger = try cli.sop("todo", "--for", "nobody@acme.example")
    #expect(stranger.status == 2 && stranger.stderr.contains("not a person in the sop.yml in effect"))
  }

  @Test("todo: reviews the person owns due within 30 days, and a pending sop.yml change for admins")
  func todoReviewsAndPolicy() throws {
    let approvedAt = scratch.clock
    try approveRevision1()
    let day = 86_400
    let soon = ["SOP_NOW": "@\(approvedAt + 350 * day)"]
    let (_, bob) = try todo("--for", "bob@acme.example", environment: soon)
    #expect(bob?.review.map(\.id) == ["QP-001"] && bob?.review.first?.overdue == false)
    #expect(
      try todo("--for", "bob@acme.example", environment: ["SOP_NOW": "@\(approvedAt + 100 * day)"]).1?
        .review.isEmpty == true)
    let late = try todo("--for", "bob@acme.example", environment: ["SOP_NOW": "@\(approvedAt + 400 * day)"]).1
    #expect(late?.review.first?.overdue == true)
    #expect(try todo("--for", "alice@acme.example", environment: soon).1?.review.isEmpty == true)
    // A committed change to sop.yml that adds Carol: Alice (admin) should sign it; Bob is no admin.
    let policy = try String(contentsOf: scratch.url.appendingPathComponent("sop.yml"), encoding: .utf8)
    try scratch.write(
      "sop.yml",
      policy.replacingOccurrences(
        of: "types:", with: "  - email: carol@acme.example\n    name: Carol Lee\n    roles: [quality]\ntypes:"))
    try scratch.commitAll("Add Carol")
    let blob = try scratch.git("rev-parse", "HEAD:sop.yml")
    #expect(try todo("--for", "alice@acme.example").1?.policy.map(\.blob) == [blob])
    #expect(try todo("--for", "bob@acme.example").1?.policy.isEmpty == true)
    let carol = try cli.sop("todo", "--for", "carol@acme.example")
    #expect(
      carol.status == 2 && carol.stderr.contains("listed in the committed sop.yml, but that change is not in effect"))
    #expect(try cli.sop("approve", "POLICY", "--key", team.alice.path).status == 0)
    #expect(try todo("--for", "alice@acme.example").1?.policy.isEmpty == true)
    #expect(try cli.sop("todo", "--for", "carol@acme.example").status == 0)
  }
}
