import Foundation
import TestSupport
import Testing

/// The README's five-minute walkthrough, run as written by three people with three keys: it ends with an
/// approved, published procedure written by its own owner (issue 10).
@Suite("README walkthrough, three people")
struct WalkthroughTests {
  @Test("Alice sets up, Bob writes and signs his own procedure as owner, Alice signs as quality, Alice publishes")
  func walkthrough() throws {
    let scratch = try ScratchRepository()
    let cli = CLIHarness(scratch: scratch)
    let alice = try scratch.makeKey("alice")
    let bob = try scratch.makeKey("bob")
    let carol = try scratch.makeKey("carol")
    let home = scratch.home
    let qms = home.appendingPathComponent("qms")
    func git(_ arguments: String...) throws {
      let result = try runProcess("git", arguments, in: qms, environment: scratch.environment)
      #expect(result.status == 0, "git \(arguments): \(result.stderr)")
    }
    func sop(_ arguments: String..., as who: (String, String)) throws -> ProcessResult {
      scratch.identity = who
      scratch.clock += 60
      return try cli.sop(arguments, in: qms)
    }
    let aliceID = ("Alice Nguyen", "alice@example.com")
    let bobID = ("Bob Smith", "bob@example.com")
    // Alice, the quality manager, on her machine: git knows who she is.
    _ = try runProcess(
      "git", ["config", "--global", "user.name", "Alice Nguyen"], in: home, environment: scratch.environment)
    _ = try runProcess(
      "git", ["config", "--global", "user.email", "alice@example.com"], in: home, environment: scratch.environment)

    // sop init qms && cd qms: the commented sop.yml names Alice, with her key.
    scratch.identity = aliceID
    let initialised = try cli.sop(["init", "qms", "--key", alice.path + ".pub"], in: home)
    #expect(initialised.status == 0, "\(initialised.stderr)")
    var policy = try String(contentsOf: qms.appendingPathComponent("sop.yml"), encoding: .utf8)
    #expect(policy.contains("alice@example.com") && policy.contains(alice.publicKey.split(separator: " ")[1]))
    // $EDITOR sop.yml: everyone's keys before the first commit.
    let others = """
        - email: bob@example.com
          name: Bob Smith
          roles: [operations]
          keys: ["\(bob.publicKey)"]
        - email: carol@example.com
          name: Carol Jones
          roles: [site]
          keys: ["\(carol.publicKey)"]

      """
    let marker = policy.range(of: "\n\n", range: try #require(policy.range(of: "people:")).upperBound..<policy.endIndex)
    policy.insert(contentsOf: "\n" + others.dropLast(), at: try #require(marker).lowerBound)
    try Data(policy.utf8).write(to: qms.appendingPathComponent("sop.yml"))
    try git("add", "-A")
    try git("commit", "-q", "-m", "Set up document control")
    let verify = try sop("verify", as: aliceID)
    #expect(verify.status == 0 && verify.stdout.contains("trusted root:"), "\(verify.stdout)\(verify.stderr)")

    // Bob, the owner, writes his own procedure.
    let created = try sop("new", "procedure", "Control of nonconforming work", "--owner", "bob@example.com", as: bobID)
    #expect(created.status == 0, "\(created.stderr)")
    let path = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(path.hasPrefix("procedures/QP-001-"), "\(created.stdout)")
    try Data(
      procedureText(id: "QP-001", owner: "bob@example.com").replacingOccurrences(
        of: "title: Handling of materials", with: "title: Control of nonconforming work"
      ).utf8
    ).write(to: qms.appendingPathComponent(path))
    let lint = try sop("lint", "procedures/", as: bobID)
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    try git("add", "-A")
    try git("commit", "-q", "-m", "Draft QP-001")
    let draft = try sop("status", as: bobID)
    #expect(draft.stdout.contains("needs quality, owner"), "\(draft.stdout)")

    // Bob signs as owner; Alice signs as quality, each with their own key.
    let bobSigns = try sop("approve", "QP-001", "--key", bob.path, as: bobID)
    #expect(bobSigns.status == 0, "\(bobSigns.stderr)")
    let aliceSigns = try sop("approve", "QP-001", "--key", alice.path, as: aliceID)
    #expect(aliceSigns.status == 0, "\(aliceSigns.stderr)")
    let approved = try sop("status", "--format", "json", as: aliceID)
    #expect(approved.stdout.contains("\"state\" : \"approved\""), "\(approved.stdout)")
    #expect(try sop("log", "QP-001", as: aliceID).status == 0)
    #expect(try sop("diff", "QP-001", as: aliceID).status == 0)
    #expect(try sop("todo", "--key", alice.path, as: aliceID).status == 0)
    #expect(try sop("verify", as: aliceID).status == 0)
    let publish = try sop("publish", "--key", alice.path, "--out", "_site", as: aliceID)
    #expect(publish.status == 0 && publish.stdout.contains("published/1"), "\(publish.stdout)\(publish.stderr)")
    let blob = try runProcess("git", ["rev-parse", "HEAD:\(path)"], in: qms, environment: scratch.environment)
    let tag = try runProcess(
      "git", ["tag", "-l", "--format=%(contents)", "published/1"], in: qms, environment: scratch.environment)
    #expect(tag.stdout.contains("QP-001 r1 \(blob.stdout.trimmingCharacters(in: .whitespacesAndNewlines))"))
  }
}
