import Foundation
import TestSupport
import Testing

@Suite("sop publish, render, and verify of tags")
struct PublishCommandTests {
  let scratch: ScratchRepository
  let cli: CLIHarness
  let alice: (path: String, publicKey: String)  // quality, admin: may publish
  let bob: (path: String, publicKey: String)  // operations: may not publish

  init() throws {
    let team = try TwoPersonRepository()
    (scratch, cli, alice, bob) = (team.scratch, team.cli, team.alice, team.bob)
  }

  func approveFully(_ id: String) throws {
    #expect(try cli.sop("approve", id, "--key", alice.path).status == 0)
    #expect(try cli.sop("approve", id, "--key", bob.path).status == 0)
  }

  func site(_ name: String) -> URL { scratch.home.appendingPathComponent(name) }

  func files(in folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
      result[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
    }
    return result
  }

  @Test("Publish tags only approved content, git verify-tag accepts the tag, render is byte-identical")
  func publishAndRender() throws {
    try approveFully("QP-001")
    let first = try cli.sop("publish", "--key", alice.path, "--out", site("one").path)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("published/1") && first.stdout.contains("never approved): QP-002"))
    let message = try scratch.git("tag", "-l", "--format=%(contents)", "published/1")
    let blob = try scratch.git("rev-parse", "HEAD:procedures/QP-001.md")
    #expect(message.contains("QP-001 r1 \(blob)"))
    #expect(!message.contains("QP-002"))
    let signers = scratch.home.appendingPathComponent("allowed")
    try Data(try cli.sop("keys").stdout.utf8).write(to: signers)
    let verifyTag = try runProcess(
      "git", ["-c", "gpg.ssh.allowedSignersFile=\(signers.path)", "verify-tag", "published/1"], in: scratch.url,
      environment: scratch.environment)
    #expect(verifyTag.status == 0, "\(verifyTag.stderr)")
    let rendered = try files(in: site("one"))
    #expect(rendered["/documents/QP-001.html"] != nil && rendered["/documents/QP-002.html"] == nil)
    #expect(rendered["/index.html"] != nil && rendered["/manifest.json"] != nil && rendered["/.sop-site"] != nil)
    let page = String(decoding: rendered["/documents/QP-001.html"]!, as: UTF8.self)
    #expect(page.contains("Alice Nguyen") && page.contains("Bob Smith") && page.contains("SHA256:"))
    #expect(page.contains("Uncontrolled when printed"))
    let again = try cli.sop("render", "published/1", "--out", site("two").path)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try files(in: site("two")) == rendered)
    let verify = try cli.sop("verify", "--format", "json")
    #expect(verify.status == 0 && verify.stdout.contains("\"checkedTags\" : 1"))
  }

  @Test("No change since the last snapshot: no new tag, exit 0; a new approval makes published/2")
  func unchangedSet() throws {
    try approveFully("QP-001")
    #expect(try cli.sop("publish", "--key", alice.path, "--out", site("a").path).status == 0)
    let same = try cli.sop("publish", "--key", alice.path, "--out", site("b").path)
    #expect(same.status == 0 && same.stdout.contains("has not changed"))
    #expect(try scratch.git("tag", "-l", "published/*") == "published/1")
    #expect(FileManager.default.fileExists(atPath: site("b").appendingPathComponent("index.html").path))
    try approveFully("QP-002")
    #expect(try cli.sop("publish", "--key", alice.path, "--out", site("a").path).status == 0)
    #expect(try scratch.git("tag", "-l", "published/*").split(separator: "\n") == ["published/1", "published/2"])
    let changes = try String(contentsOf: site("a").appendingPathComponent("changes.html"), encoding: .utf8)
    #expect(changes.contains("QP-002"))
  }

  @Test("A person without a publish role is refused: no tag, no output")
  func notPublisher() throws {
    try approveFully("QP-001")
    let result = try cli.sop("publish", "--key", bob.path, "--out", site("x").path)
    #expect(result.status == 1 && result.stderr.contains("may not publish"))
    #expect(try scratch.git("tag", "-l") == "")
    #expect(!FileManager.default.fileExists(atPath: site("x").path))
  }

  @Test("A foreign output folder is refused with exit 2 and left untouched, before any tag is made")
  func foreignFolder() throws {
    try approveFully("QP-001")
    let folder = site("mine")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    let result = try cli.sop("publish", "--key", alice.path, "--out", folder.path)
    #expect(result.status == 2)
    #expect(try scratch.git("tag", "-l") == "")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
  }

  @Test("With nothing approved, publish makes an empty snapshot and says so")
  func emptySnapshot() throws {
    let result = try cli.sop("publish", "--key", alice.path, "--out", site("empty").path)
    #expect(result.status == 0 && result.stdout.contains("snapshot is empty"))
    #expect(try scratch.git("tag", "-l") == "published/1")
  }

  @Test("An approved obsolete document leaves the effective set and shows as withdrawn")
  func withdrawn() throws {
    try approveFully("QP-001")
    #expect(try cli.sop("publish", "--key", alice.path, "--out", site("w").path).status == 0)
    let obsolete = procedureText(id: "QP-001").replacingOccurrences(of: "owner:", with: "status: obsolete\nowner:")
    try scratch.write("procedures/QP-001.md", obsolete)
    scratch.identity = ("Dana Author", "dana@acme.example")
    try scratch.commitAll("Withdraw QP-001")
    try approveFully("QP-001")
    let result = try cli.sop("publish", "--key", alice.path, "--out", site("w").path)
    #expect(result.status == 0 && result.stdout.contains("Withdrawn: QP-001"))
    #expect(try scratch.git("tag", "-l", "--format=%(contents)", "published/2").contains("QP-001 r2 "))
    #expect(try scratch.git("tag", "-l", "--format=%(contents)", "published/2").contains(" withdrawn"))
    // Its page stays, as the withdrawn page (docs/publishing.md): withdrawn, never shown as in effect.
    let page = try String(contentsOf: site("w").appendingPathComponent("documents/QP-001.html"), encoding: .utf8)
    #expect(page.contains("class=\"notice withdrawn-notice\"") && !page.contains("id=\"history-heading\""))
    let changes = try String(contentsOf: site("w").appendingPathComponent("changes.html"), encoding: .utf8)
    #expect(changes.contains("QP-001"))
  }

  @Test("verify reports a snapshot tag signed by an unregistered key and one by a non-publisher")
  func badTags() throws {
    try approveFully("QP-001")
    let stranger = try scratch.makeKey("stranger")
    let blob = try scratch.git("rev-parse", "HEAD:procedures/QP-001.md")
    let message = "sop snapshot published/1\n\nQP-001 r1 \(blob)\n"
    for (tag, key) in [("published/1", stranger.path), ("published/2", bob.path)] {
      try scratch.signedTag(tag, message: message.replacingOccurrences(of: "published/1", with: tag), key: key)
    }
    let report = try cli.sop("verify", "--format", "json")
    #expect(report.status == 1)
    #expect(
      report.stdout.contains("\"kind\" : \"unknown-key\"") && report.stdout.contains("\"kind\" : \"not-authorised\""))
  }

  @Test("A lightweight tag taking the next snapshot's name is refused at once, named, with how to remove it")
  func takenNameAboveNewest() throws {
    try approveFully("QP-001")
    #expect(try cli.sop("publish", "--key", alice.path, "--out", site("one").path).status == 0)
    try scratch.git("tag", "published/2")  // someone else's lightweight tag
    try approveFully("QP-002")
    let result = try cli.sop("publish", "--key", alice.path, "--out", site("one").path)
    #expect(result.status == 1, "\(result.stdout) \(result.stderr)")
    #expect(result.stderr.contains("published/2") && result.stderr.contains("git tag -d"), "\(result.stderr)")
    #expect(try scratch.git("tag", "-l", "published/*").split(separator: "\n") == ["published/1", "published/2"])
  }

  @Test("A snapshot listing content that was never approved is a content-mismatch")
  func tagWithDraftContent() throws {
    let blob = try scratch.git("rev-parse", "HEAD:procedures/QP-002.md")
    try scratch.signedTag("published/1", message: "sop snapshot published/1\n\nQP-002 r1 \(blob)\n", key: alice.path)
    let report = try cli.sop("verify", "--format", "json")
    #expect(report.status == 1 && report.stdout.contains("\"kind\" : \"content-mismatch\""))
    // render never writes a site that leaves out what the tag lists.
    let render = try cli.sop("render", "published/1", "--out", site("draft").path)
    #expect(render.status == 2 && render.stderr.contains("QP-002 r1 \(blob)"), "\(render.stderr)")
    #expect(!FileManager.default.fileExists(atPath: site("draft").path))
  }
}

@Suite("sop publish tag numbers")
struct PublishNumberTests {
  @Test("A publish that finds its tag number taken moves to the next number instead of sharing it")
  func numberTaken() throws {
    let scratch = try ScratchRepository()
    let alice = try scratch.makeKey("alice")
    let people = """
        - email: alice@acme.example
          name: Alice Nguyen
          roles: [quality, admin]
          keys: ["\(alice.publicKey)"]
      """
    try scratch.write("sop.yml", policyText(people: people))
    try scratch.commitAll("Policy")
    // Someone else's tag already holds the name published/1 (a lightweight tag sop does not parse).
    try scratch.git("tag", "published/1")
    let cli = CLIHarness(scratch: scratch)
    let result = try cli.sop("publish", "--key", alice.path, "--out", scratch.home.appendingPathComponent("s").path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("published/2"))
    #expect(try scratch.git("cat-file", "-t", "published/2") == "tag")
  }
}
