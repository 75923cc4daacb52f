import Foundation
import TestSupport
import Testing

@Suite("sop lint")
struct LintCommandTests {
  let scratch: ScratchRepository
  let cli: CLIHarness

  init() throws {
    scratch = try ScratchRepository()
    cli = CLIHarness(scratch: scratch)
    let people = """
        - email: bob@acme.example
          name: Bob Smith
          roles: [quality]
      """
    try scratch.write("sop.yml", policyText(people: people))
    try scratch.write("procedures/QP-001.md", procedureText(id: "QP-001"))
    try scratch.commitAll("Documents")
  }

  struct Report: Decodable {
    struct Finding: Decodable {
      let rule, severity, path, message: String
      let line, column: Int
    }
    struct Summary: Decodable {
      let files, errors, warnings, suggestions: Int
    }
    let findings: [Finding]
    let summary: Summary
  }

  func report(_ arguments: String...) throws -> (ProcessResult, Report?) {
    let result = try cli.sop(["lint", "--format", "json"] + arguments)
    return (result, try? JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)))
  }

  @Test("A clean repository exits 0; an uncommitted error in the work tree exits 1 with file:line")
  func errorsInWorkTree() throws {
    let (clean, cleanReport) = try report()
    #expect(clean.status == 0, "\(clean.stdout)")
    #expect(cleanReport?.summary.files == 1 && cleanReport?.summary.errors == 0)
    try scratch.write(
      "procedures/QP-002.md",
      procedureText(id: "QP-002").replacingOccurrences(of: "Wear gloves.", with: "Follow QP-404 first."))
    let (broken, brokenReport) = try report()
    #expect(broken.status == 1)
    let finding = try #require(brokenReport?.findings.first { $0.rule == "broken-reference" })
    #expect(finding.path == "procedures/QP-002.md" && finding.line == 24 && finding.severity == "error")
    #expect(brokenReport?.summary.files == 2)
    let text = try cli.sop("lint", "procedures/QP-002.md")
    #expect(text.status == 1)
    #expect(text.stdout.contains("procedures/QP-002.md:24:") && text.stdout.contains("error broken-reference:"))
  }

  @Test("Findings are sorted by path, line and column; --min-severity filters what is shown")
  func sortingAndFiltering() throws {
    let long = (1...22).map { "\($0). Check the load, then write it down and tell the supervisor." }
      .joined(separator: "\n")
    try scratch.write(
      "procedures/QP-003.md",
      procedureText(id: "QP-003").replacingOccurrences(of: "1. Wear gloves.\n2. Lift with your legs.", with: long))
    let (_, all) = try report()
    let findings = try #require(all?.findings)
    let keys = findings.map { ($0.path, $0.line, $0.column) }
    #expect(
      keys.map { "\($0.0)|\(String(format: "%06d", $0.1))|\(String(format: "%06d", $0.2))" }
        == keys.map { "\($0.0)|\(String(format: "%06d", $0.1))|\(String(format: "%06d", $0.2))" }.sorted())
    #expect(findings.contains { $0.rule == "step-count" && $0.severity == "warning" })
    #expect(findings.contains { $0.severity == "suggestion" })
    let (_, warnings) = try report("--min-severity", "warning")
    #expect(warnings?.findings.allSatisfy { $0.severity != "suggestion" } == true)
    #expect(warnings?.findings.isEmpty == false)
  }

  @Test("One document linted by itself gets the acronym findings it gets in a run over the whole repository")
  func acronymsOfOneDocument() throws {
    // undefined-acronym reports an acronym another document spells out: QP-003 spells SWMS out, QP-002 does not.
    for (id, text) in [
      ("QP-002", "Read the SWMS, then sign the SWMS."),
      ("QP-003", "Read the Safe Work Method Statement (SWMS), then sign it."),
    ] {
      try scratch.write(
        "procedures/\(id).md", procedureText(id: id).replacingOccurrences(of: "Wear gloves.", with: text))
    }
    func acronyms(_ report: Report?, in path: String) -> [String] {
      (report?.findings ?? []).filter { $0.rule == "undefined-acronym" && $0.path == path }.map(\.message)
    }
    let (_, whole) = try report()
    let (_, one) = try report("procedures/QP-002.md")
    #expect(acronyms(whole, in: "procedures/QP-002.md").count == 1)
    #expect(acronyms(one, in: "procedures/QP-002.md") == acronyms(whole, in: "procedures/QP-002.md"))
    #expect(one?.summary.files == 1)
    // Alone in its repository, nothing shows that its readers would not know the acronym.
    try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("procedures/QP-003.md"))
    #expect(acronyms(try report("procedures/QP-002.md").1, in: "procedures/QP-002.md").isEmpty)
  }

  @Test("SARIF output is SARIF 2.1.0 with rule ids and locations")
  func sarif() throws {
    try scratch.write(
      "procedures/QP-004.md", procedureText(id: "QP-004").replacingOccurrences(of: "## Scope", with: "## Scopes"))
    let result = try cli.sop("lint", "--format", "sarif")
    #expect(result.status == 1)
    #expect(
      result.stdout.contains("\"version\" : \"2.1.0\"") && result.stdout.contains("\"ruleId\" : \"required-sections\""))
    #expect(result.stdout.contains("\"startLine\""))
  }

  @Test("--list-rules lists every rule; an unknown rule in sop.yml is a warning; bad input exits 2")
  func rulesAndConfiguration() throws {
    let list = try cli.sop("lint", "--list-rules")
    #expect(list.status == 0)
    for rule in ["front-matter", "duplicate-id", "doc-length", "form-fields", "approver-count", "readability"] {
      #expect(list.stdout.contains(rule), "\(rule)")
    }
    var policy = try String(contentsOf: scratch.url.appendingPathComponent("sop.yml"), encoding: .utf8)
    policy += "lint:\n  rules:\n    sentence-lenght: off\n"
    try scratch.write("sop.yml", policy)
    let warned = try cli.sop("lint")
    #expect(warned.status == 0)
    #expect(
      warned.stderr.contains(
        "sop: warning: sop.yml: lint.rules.sentence-lenght: unknown lint rule 'sentence-lenght'; did you mean 'sentence-length'?"
      ))
    #expect(try cli.sop("lint", "no/such/file.md").status == 2)
    try scratch.write("sop.yml", "version: 1\norganisation: [\n")
    #expect(try cli.sop("lint").status == 2)
  }

  @Test("sop approve refuses content with lint errors and commits nothing")
  func approveRefusesErrors() throws {
    let key = try scratch.makeKey("bob")
    var policy = try String(contentsOf: scratch.url.appendingPathComponent("sop.yml"), encoding: .utf8)
    policy = policy.replacingOccurrences(
      of: "roles: [quality]", with: "roles: [quality]\n    keys: [\"\(key.publicKey)\"]")
    let fresh = try ScratchRepository()
    try fresh.write("sop.yml", policy)
    let fields = (1...32).map { "Field \($0): ____" }.joined(separator: "\n\n")
    try fresh.write(
      "forms/F-001.md",
      "---\nid: F-001\ntitle: Induction\ntype: form\nowner: bob@acme.example\n---\n\n# Induction\n\n\(fields)\n")
    fresh.identity = ("Dana Author", "dana@acme.example")
    try fresh.commitAll("Form")
    let head = try fresh.git("rev-parse", "HEAD")
    let result = try CLIHarness(scratch: fresh).sop("approve", "F-001", "--key", key.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("form-fields") && result.stderr.contains("forms/F-001.md:"))
    #expect(try fresh.git("rev-parse", "HEAD") == head)
  }
}
