import Foundation
import TestSupport
import Testing

/// Values read from git are untrusted: anyone can write any object with stock git. Each of these used
/// to trap (integer overflow or an inverted range); now each is a result, a problem or a clear error.
@Suite("Hostile values in git objects")
struct HostileValueTests {
  static let endOfTime = "@9223372036854775807 +0000"

  let team: TwoPersonRepository
  var scratch: ScratchRepository { team.scratch }
  var cli: CLIHarness { team.cli }

  init() throws { team = try TwoPersonRepository() }

  /// Runs sop and checks it ended normally (0, 1 or 2), not by a signal or a Swift trap.
  @discardableResult
  func sopRuns(_ arguments: String...) throws -> ProcessResult {
    let result = try cli.sop(arguments)
    #expect((0...2).contains(result.status), "sop \(arguments.joined(separator: " ")) ended with \(result.status)")
    #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
    return result
  }

  /// Writes an object with `git hash-object --literally`, bypassing git's own checks.
  func literalObject(type: String, _ text: String) throws -> String {
    let file = scratch.home.appendingPathComponent("object-\(UUID().uuidString)")
    try Data(text.utf8).write(to: file)
    return try scratch.git("hash-object", "-t", type, "--literally", "-w", file.path)
  }

  func site(_ name: String) -> String { scratch.home.appendingPathComponent(name).path }

  @Test("An approval signed at 2^63-1 seconds: status, log, verify and publish all run")
  func approvalAtEndOfTime() throws {
    #expect(try cli.sop("approve", "QP-001", "--key", team.alice.path).status == 0)
    let blob = try scratch.git("rev-parse", "HEAD:procedures/QP-001.md")
    scratch.identity = ("Bob Smith", "bob@acme.example")
    try scratch.git(
      [
        "-c", "gpg.format=ssh", "-c", "user.signingkey=\(team.bob.path)", "commit", "-q", "-S", "--allow-empty",
        "-m", "Approve QP-001", "-m", "Approves: QP-001 \(blob)",
      ], extraEnvironment: ["GIT_COMMITTER_DATE": Self.endOfTime, "GIT_AUTHOR_DATE": Self.endOfTime])
    #expect(try scratch.git("cat-file", "commit", "HEAD").contains("> 9223372036854775807 +0000"))
    let status = try sopRuns("status", "--format", "json")
    #expect(status.stdout.contains("292277026596-12-04T15:30:07Z"), "\(status.stdout)")
    try sopRuns("log", "QP-001")
    try sopRuns("verify")
    let published = try sopRuns("publish", "--key", team.alice.path, "--out", site("s"))
    #expect(published.status == 0, "\(published.stderr)")
    try sopRuns("render", "published/1", "--out", site("r"))
  }

  @Test("A clock beyond git's 64-bit times is refused by approve and publish, not a trap")
  func clockBeyondGit() throws {
    for arguments in [["approve", "QP-001", "--key", team.alice.path], ["publish", "--key", team.alice.path]] {
      let result = try cli.sop(arguments, environment: ["GIT_COMMITTER_DATE": Self.endOfTime, "SOP_NOW": "@1e300"])
      #expect(result.status == 2, "\(result.stderr)")
      #expect(result.stderr.contains("outside the range of git's times"), "\(result.stderr)")
    }
  }

  @Test("A snapshot tag made at 2^63-1 seconds renders and verifies")
  func tagAtEndOfTime() throws {
    let blob = try scratch.git("rev-parse", "HEAD:procedures/QP-001.md")
    try scratch.signedTag(
      "published/1", message: "sop snapshot published/1\n\nQP-001 r1 \(blob)\n", key: team.alice.path,
      extraEnvironment: ["GIT_COMMITTER_DATE": Self.endOfTime])
    #expect(try scratch.git("cat-file", "tag", "published/1").contains("> 9223372036854775807 +0000"))
    let verify = try sopRuns("verify", "--format", "json")
    #expect(verify.stdout.contains("content-mismatch"))
    try sopRuns("render", "published/1", "--out", site("r"))
    try sopRuns("publish", "--key", team.alice.path, "--out", site("s"))
  }

  @Test("A tag numbered published/9223372036854775807 stops publish with a clear error")
  func lastTagNumber() throws {
    // It lists a draft, so the approved set (empty) differs and publish needs the next number.
    let blob = try scratch.git("rev-parse", "HEAD:procedures/QP-001.md")
    let name = "published/9223372036854775807"
    try scratch.signedTag(name, message: "sop snapshot \(name)\n\nQP-001 r1 \(blob)\n", key: team.alice.path)
    let result = try sopRuns("publish", "--key", team.alice.path, "--out", site("s"))
    #expect(result.status == 1)
    // The chain check refuses it first (it lists unapproved content and has no predecessor); either way the
    // answer names the tag and nothing overflows.
    #expect(result.stderr.contains("published/9223372036854775807"), "\(result.stderr)")
    try sopRuns("verify")
  }

  @Test(
    "A tagger line with '>' before '<' is a clear error naming the tag", arguments: ["A >a@b< 1 +0000", "A <a@b 1"])
  func hostileTagger(tagger: String) throws {
    let head = try scratch.git("rev-parse", "HEAD")
    let tag = try literalObject(
      type: "tag", "object \(head)\ntype commit\ntag published/1\ntagger \(tagger)\n\nsop snapshot published/1\n")
    try scratch.git("update-ref", "refs/tags/published/1", tag)
    for arguments in [["verify"], ["publish", "--key", team.alice.path, "--out", site("s")]] {
      let result = try cli.sop(arguments)
      #expect(result.status == 2, "\(result.stderr)")
      #expect(result.stderr.contains("published/1 is not a valid tag object"), "\(result.stderr)")
    }
  }

  @Test("sop new after F-9223372036854775807 is a clear error, not an overflow")
  func lastDocumentNumber() throws {
    try scratch.write("forms/F-9223372036854775807.md", procedureText(id: "F-9223372036854775807"))
    try scratch.commitAll("The last form")
    let result = try sopRuns("new", "form", "X", "--owner", "alice@acme.example")
    #expect(result.status == 2)
    #expect(result.stderr.contains("F-9223372036854775807 is the highest number"), "\(result.stderr)")
    #expect(try cli.sop("new", "form", "X", "--owner", "alice@acme.example", "--id", "F-7").status == 0)
  }

  @Test("Odd but valid identities from stock git: +9999 and -0000 offsets, an empty email")
  func oddIdentities() throws {
    let blob = try scratch.git("rev-parse", "HEAD:procedures/QP-001.md")
    for (date, email) in [("@1700000100 +9999", "bob@acme.example"), ("@1700000200 -0000", "")] {
      let head = try scratch.git("rev-parse", "HEAD")
      let tree = try scratch.git("rev-parse", "HEAD^{tree}")
      let seconds = date.dropFirst().prefix { $0 != " " }
      let zone = date.split(separator: " ")[1]
      let commit = try literalObject(
        type: "commit",
        "tree \(tree)\nparent \(head)\nauthor Bob <\(email)> \(seconds) \(zone)\n"
          + "committer Bob <\(email)> \(seconds) \(zone)\n\nApprove QP-001\n\nApproves: QP-001 \(blob)\n")
      try scratch.git("update-ref", "refs/heads/main", commit)
    }
    try sopRuns("status")
    try sopRuns("log", "QP-001")
    let verify = try sopRuns("verify")
    #expect(verify.status == 1)  // unsigned approvals are problems
  }

  @Test("A commit whose identity lines are broken by a newline is reported, never a trap")
  func brokenIdentity() throws {
    let head = try scratch.git("rev-parse", "HEAD")
    let tree = try scratch.git("rev-parse", "HEAD^{tree}")
    let commit = try literalObject(
      type: "commit",
      "tree \(tree)\nparent \(head)\nauthor Bob\n <bob@acme.example> 1 +0000\ncommitter >< \n\nHostile\n")
    try scratch.git("update-ref", "refs/heads/main", commit)
    try sopRuns("status")
    try sopRuns("log", "QP-001")
    try sopRuns("verify")
  }

  @Test(
    "A committed sop.yml with a YAML 1.1 base-60 number is a problem, never an overflow (found by fuzzing)",
    arguments: ["version: 22:2222222222222222222:22", "policy-approvals: 1:1:1:1:1:1:1:1:1:1:1:1"])
  func sexagesimalPolicy(line: String) throws {
    let policy = try String(contentsOf: scratch.url.appendingPathComponent("sop.yml"), encoding: .utf8)
    let hostile =
      line.hasPrefix("version")
      ? policy.replacingOccurrences(of: "version: 1\n", with: line + "\n") : policy + line + "\n"
    try scratch.write("sop.yml", hostile)
    try scratch.commitAll("Hostile policy")
    try sopRuns("status")
    try sopRuns("verify")
    try sopRuns("log", "POLICY")
  }

  @Test("A merge of 10,000 parents is walked without trouble")
  func manyParents() throws {
    let head = try scratch.git("rev-parse", "HEAD")
    let tree = try scratch.git("rev-parse", "HEAD^{tree}")
    let parents = String(repeating: "parent \(head)\n", count: 10_000)
    let commit = try literalObject(
      type: "commit", "tree \(tree)\n\(parents)author A <a@b> 1 +0000\ncommitter A <a@b> 1 +0000\n\nMerge\n")
    try scratch.git("update-ref", "refs/heads/main", commit)
    try sopRuns("status")
    try sopRuns("verify")
  }
}
