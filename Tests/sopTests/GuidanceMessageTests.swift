import Foundation
import TestSupport
import Testing

@Suite("Messages that say what to do")
struct GuidanceMessageTests {
  @Test("status counts in the singular, and aligns CJK titles by display width")
  func statusText() throws {
    let scratch = try ScratchRepository()
    let cli = CLIHarness(scratch: scratch)
    try scratch.write(
      "sop.yml", policyText(people: "  - email: bob@acme.example\n    name: Bob\n    roles: [quality]\n"))
    try scratch.write("procedures/QP-001.md", procedureText(id: "QP-001"))
    try scratch.commitAll("One")
    #expect(try cli.sop("status").stdout.contains("1 document: 0 approved, 1 draft, 0 obsolete"))
    try scratch.write(
      "procedures/QP-002.md",
      procedureText(id: "QP-002").replacingOccurrences(
        of: "title: Handling of materials", with: "title: 安全手順の確認"))
    try scratch.commitAll("Two")
    let lines = try cli.sop("status").stdout.split(separator: "\n").filter { $0.hasPrefix("QP-") }
    // Columns before NOTES: ASCII takes one, these CJK characters two.
    let columns = lines.map { line in
      line[..<line.range(of: "needs")!.lowerBound].unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
    }
    #expect(columns.count == 2 && columns[0] == columns[1], "\(lines)")
  }

  @Test("new takes the owner from GIT_AUTHOR_EMAIL and transliterates the slug")
  func newDocument() throws {
    let scratch = try ScratchRepository()
    try scratch.write(
      "sop.yml", policyText(people: "  - email: bob@acme.example\n    name: Bob\n    roles: [quality]\n"))
    try scratch.commitAll("Policy")
    scratch.identity = ("Bob", "bob@acme.example")
    let result = try CLIHarness(scratch: scratch).sop("new", "procedure", "Müller Straße: Ærø safety")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "procedures/QP-001-muller-strasse-aero-safety.md"
    )
  }

  @Test("An unregistered key is told how to register; an owner added by a pending sop.yml is told to wait")
  func registration() throws {
    let team = try TwoPersonRepository()
    let outsider = try team.scratch.makeKey("outsider")
    let refused = try team.cli.sop("approve", "QP-001", "--key", outsider.path)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("add the line of its .pub file to your entry's keys: [...] in sop.yml"))
    #expect(refused.stderr.contains("have an admin run 'sop approve POLICY'"))
    let policy = try String(contentsOf: team.scratch.url.appendingPathComponent("sop.yml"), encoding: .utf8)
    try team.scratch.write(
      "sop.yml",
      policy.replacingOccurrences(
        of: "types:",
        with: "  - email: carol@acme.example\n    name: Carol Lee\n    roles: [quality]\n"
          + "    keys: [\"\(outsider.publicKey)\"]\ntypes:"))
    try team.scratch.write("procedures/QP-002.md", procedureText(id: "QP-002", owner: "carol@acme.example"))
    try team.scratch.commitAll("Carol owns QP-002")
    let early = try team.cli.sop("approve", "QP-001", "--key", outsider.path)
    #expect(early.status == 1)
    #expect(
      early.stderr.contains("is carol@acme.example's in the committed sop.yml, but that change is not in effect yet"),
      "\(early.stderr)")
    let status = try team.cli.sop("status")
    #expect(status.status == 1)
    #expect(
      status.stdout.contains(
        "owner 'carol@acme.example' is listed in the committed sop.yml, but that change is not in effect yet"))
  }
}
