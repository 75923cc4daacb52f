import Foundation
import TestSupport
import Testing

@Suite("sop init, new, status, show and bad input", .serialized)
struct FoundationCommandTests {
  let people = """
      - email: alice@acme.example
        name: Alice Nguyen
        roles: [quality, admin]
        keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDjpVn5HycGCK5pExlVfKBlVxIwdgZ6cvpbpJiAz53Gi alice"]
      - email: bob@acme.example
        name: Bob Smith
        roles: [operations]
    """

  func repository(_ files: [String: String]) throws -> (ScratchRepository, CLIHarness) {
    let scratch = try ScratchRepository()
    try scratch.write("sop.yml", policyText(people: people))
    for (path, text) in files { try scratch.write(path, text) }
    try scratch.commitAll("Documents")
    return (scratch, CLIHarness(scratch: scratch))
  }

  struct StatusJSON: Decodable {
    struct Document: Decodable {
      let id, title, type, path, owner, state, blob: String
      let revision: Int
      let missing: [String]
    }
    struct Problem: Decodable {
      let path: String
      let line: Int
      let message: String
    }
    let documents: [Document]
    let problems: [Problem]
  }

  func status(_ cli: CLIHarness, _ extra: String...) throws -> (ProcessResult, StatusJSON?) {
    let result = try cli.sop(["status", "--format", "json"] + extra)
    return (result, try? JSONDecoder().decode(StatusJSON.self, from: Data(result.stdout.utf8)))
  }

  @Test("init creates sop.yml, folders and .gitignore, and refuses to run twice")
  func initCommand() throws {
    let scratch = try ScratchRepository()
    let cli = CLIHarness(scratch: scratch)
    let target = scratch.url.appendingPathComponent("qms")
    let first = try cli.sop("init", target.path)
    #expect(first.status == 0, "\(first.stderr)")
    for path in ["sop.yml", ".gitignore", "procedures/.gitkeep", "forms/.gitkeep", ".git"] {
      #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent(path).path), "\(path)")
    }
    let policy = try String(contentsOf: target.appendingPathComponent("sop.yml"), encoding: .utf8)
    #expect(policy.contains("# ") && policy.contains("self-approval: as-owner"))
    let second = try cli.sop("init", target.path)
    #expect(second.status == 2)
    #expect(second.stderr.contains("already exists"))
    #expect(try String(contentsOf: target.appendingPathComponent("sop.yml"), encoding: .utf8) == policy)
  }

  @Test("new writes the next free id from the bundled template and prints the path")
  func newCommand() throws {
    let (scratch, cli) = try repository(["procedures/QP-007-old.md": procedureText(id: "QP-007")])
    let result = try cli.sop("new", "procedure", "Lifting: heavy loads", "--owner", "bob@acme.example")
    #expect(result.status == 0, "\(result.stderr)")
    let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(path == "procedures/QP-008-lifting-heavy-loads.md")
    let text = try String(contentsOf: scratch.url.appendingPathComponent(path), encoding: .utf8)
    #expect(text.contains("id: QP-008") && text.contains("title: \"Lifting: heavy loads\""))
    #expect(text.contains("## Procedure") && text.contains("owner: bob@acme.example"))
    try scratch.commitAll("New")
    let (_, json) = try status(cli)
    #expect(json?.documents.map(\.id) == ["QP-007", "QP-008"])
    #expect(json?.documents.last?.title == "Lifting: heavy loads")
    #expect(try cli.sop("new", "memo", "X", "--owner", "bob@acme.example").status == 2)
    #expect(try cli.sop("new", "procedure", "X", "--owner", "nobody@acme.example").status == 2)
    #expect(try cli.sop("new", "procedure", "X", "--id", "QP-007", "--owner", "bob@acme.example").status == 2)
  }

  @Test("status lists documents sorted by id with state draft and revision 0; show prints a revision")
  func statusAndShow() throws {
    let (scratch, cli) = try repository([
      "procedures/b.md": procedureText(id: "QP-010"), "procedures/a.md": procedureText(id: "QP-002"),
      "README.md": "# Not a document\n", "templates/procedure.md": "---\nid: {{id}}\n---\n",
    ])
    let (result, json) = try status(cli)
    #expect(result.status == 0)
    #expect(json?.documents.map(\.id) == ["QP-002", "QP-010"])
    #expect(json?.documents.first?.state == "draft" && json?.documents.first?.revision == 0)
    #expect(json?.documents.first?.path == "procedures/a.md")
    let first = try scratch.git("rev-parse", "HEAD")
    try scratch.write("procedures/a.md", procedureText(id: "QP-002", step: "Wear boots."))
    try scratch.commitAll("Boots")
    let old = try cli.sop("show", "QP-002", "--at", first)
    #expect(old.stdout.contains("Wear gloves.") && !old.stdout.contains("Wear boots."))
    #expect(try cli.sop("show", "QP-002").stdout.contains("Wear boots."))
    #expect(try cli.sop("show", "QP-999").status == 2)
    let text = try cli.sop("-C", scratch.url.path, "status", in: scratch.home)
    #expect(text.status == 0 && text.stdout.contains("QP-002"))
    #expect(try cli.sop("--version").stdout.contains("."))
    #expect(try cli.sop("status", "--bogus").status == 2)
  }

  @Test("Outside a git repository: a clear message and exit 2")
  func notARepository() throws {
    let scratch = try ScratchRepository()
    let outside = scratch.home.appendingPathComponent("plain")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    let result = try CLIHarness(scratch: scratch).sop("status", in: outside)
    #expect(result.status == 2)
    #expect(result.stderr.contains("not inside a git repository"))
  }

  @Test("No sop.yml: a clear message and exit 2")
  func noPolicy() throws {
    let scratch = try ScratchRepository()
    try scratch.write("a.md", procedureText())
    try scratch.commitAll("Docs")
    let result = try CLIHarness(scratch: scratch).sop("status")
    #expect(result.status == 2 && result.stderr.contains("no sop.yml"))
  }

  @Test("Malformed sop.yml reports sop.yml:line and exits 2")
  func malformedPolicy() throws {
    let scratch = try ScratchRepository()
    try scratch.write("sop.yml", "version: 1\norganisation: [oops\n")
    try scratch.commitAll("Bad policy")
    let result = try CLIHarness(scratch: scratch).sop("status")
    #expect(result.status == 2)
    #expect(result.stderr.contains("sop.yml:"))
    let typo = try ScratchRepository()
    try typo.write("sop.yml", policyText(people: people) + "reviewrs: 2\n")
    try typo.commitAll("Typo")
    let typoResult = try CLIHarness(scratch: typo).sop("status")
    #expect(typoResult.status == 2 && typoResult.stderr.contains("unknown key 'reviewrs'"))
  }

  @Test("Bad documents are listed as problems with file:line, exit 1, nothing written")
  func badDocuments() throws {
    var bomb = "---\nid: QP-100\ntitle: t\ntype: procedure\nowner: bob@acme.example\n"
    bomb += "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
    }
    bomb += "---\n"
    let (scratch, _) = try repository([
      "good.md": procedureText(id: "QP-001"),
      "zdup.md": procedureText(id: "QP-001"),
      "badid.md": procedureText(id: "\"QP/../1\""),
      "unclosed.md": "---\nid: QP-003\ntitle: never closes\n",
      "yaml.md": "---\nid: QP-004\ntitle: [broken\n---\n",
      "empty.md": "",
      "bomb.md": bomb,
    ])
    try scratch.write("latin1.md", Data("---\nid: QP-005\ntitle: caf".utf8) + Data([0xE9]) + Data("\n---\n".utf8))
    try scratch.write("binary.md", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13]))
    try scratch.write("huge.md", Data(repeating: UInt8(ascii: "a"), count: 30 * 1_048_576))
    let outside = scratch.home.appendingPathComponent("secret.md")
    try Data(procedureText(id: "QP-666").utf8).write(to: outside)
    try FileManager.default.createSymbolicLink(
      at: scratch.url.appendingPathComponent("link.md"), withDestinationURL: outside)
    try scratch.commitAll("Bad files")
    let before = try scratch.git("status", "--porcelain")
    let cli = CLIHarness(scratch: scratch)
    let start = Date()
    let (result, json) = try status(cli)
    #expect(Date().timeIntervalSince(start) < 20)
    #expect(result.status == 1)
    let problems = try #require(json?.problems)
    func problem(_ path: String) -> StatusJSON.Problem? { problems.first { $0.path == path } }
    #expect(json?.documents.map(\.id) == ["QP-001"])
    #expect(problem("good.md") == nil)
    #expect(problem("zdup.md")?.message.contains("duplicate id QP-001") == true)
    #expect(problem("badid.md")?.line == 2)
    #expect(problem("unclosed.md")?.line == 1)
    #expect(problem("yaml.md").map { $0.line >= 3 } == true)
    #expect(problem("empty.md")?.message.contains("empty") == true)
    #expect(problem("bomb.md") != nil)
    #expect(problem("latin1.md")?.message.contains("UTF-8") == true)
    #expect(problem("binary.md")?.message.contains("binary") == true)
    #expect(problem("huge.md")?.message.contains("MiB") == true)
    #expect(problem("link.md")?.message.contains("symbolic link") == true)
    #expect(!result.stdout.contains("QP-666"))
    #expect(try scratch.git("status", "--porcelain") == before)
    let text = try cli.sop("status")
    #expect(text.stdout.contains("zdup.md:"))
  }
}
