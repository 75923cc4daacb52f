import DocumentModel
import Foundation
import Testing

@testable import ProcedureLint

@Suite("Configuration")
struct ConfigurationTests {
  private let longStep =
    "Check the due date on the gauge label and, if the date is less than one week away, send it to the lab today."

  @Test("Unknown rules, options, severities and types are warnings naming them")
  func warnings() {
    let linter = Linter(
      policy: policyWith(
        lint: """
            rules:
              sentence-lenght: {step-max: 30}
              doc-length: {warnin: 3000, severity: loud}
              one-instruction: {max: 2}
            types:
              procedur:
                step-count: {max: 5}
              form:
                nonsense: off
          """))
    let warnings = linter.configurationWarnings
    #expect(warnings.count == 6)
    #expect(
      warnings.contains { $0.contains("lint.rules.sentence-lenght") && $0.contains("did you mean 'sentence-length'?") })
    #expect(warnings.contains { $0.contains("lint.rules.doc-length.warnin") && $0.contains("did you mean 'warning'?") })
    #expect(warnings.contains { $0.contains("lint.rules.doc-length.severity") && $0.contains("'loud'") })
    #expect(warnings.contains { $0.contains("lint.rules.one-instruction.max") && $0.contains("it has no options") })
    #expect(warnings.contains { $0.contains("lint.types.procedur") && $0.contains("did you mean 'procedure'?") })
    #expect(warnings.contains { $0.contains("lint.types.form.nonsense") })
  }

  @Test("Options change thresholds; off turns a rule off; a severity replaces the rule's")
  func settings() {
    let steps = "1. \(longStep)\n2. Open the valve, then close it."
    let text = ExampleRepository.procedure(steps: steps)
    let relaxed = Linter(policy: policyWith(lint: "  rules:\n    sentence-length: {step-max: 25}\n"))
    #expect(lint(text, rule: "sentence-length", linter: relaxed).isEmpty)
    let off = Linter(policy: policyWith(lint: "  rules:\n    sentence-length: off\n"))
    #expect(lint(text, rule: "sentence-length", linter: off).isEmpty)
    let strict = Linter(policy: policyWith(lint: "  rules:\n    one-instruction: {severity: error}\n"))
    #expect(lint(text, rule: "one-instruction", linter: strict).map(\.severity) == [.error])
  }

  @Test("A type override wins over the general setting for that type only")
  func typeOverride() {
    let linter = Linter(
      policy: policyWith(
        lint: """
            rules:
              step-count: {max: 3}
            types:
              work-instruction:
                step-count: {max: 20}
          """))
    let steps = (1...5).map { "\($0). Check valve \($0)." }.joined(separator: "\n")
    #expect(lint(ExampleRepository.procedure(steps: steps), rule: "step-count", linter: linter).count == 1)
    let instruction = ExampleRepository.document(
      id: "WI-010", title: "Valves", type: "work-instruction", body: "# Valves\n\n" + steps + "\n")
    #expect(lint(instruction, rule: "step-count", linter: linter).isEmpty)
  }
}

@Suite("Known terms")
struct KnownTermsTests {
  @Test("lint.known-terms in sop.yml silences undefined-acronym for those terms only")
  func knownTerms() throws {
    let yaml = ExampleRepository.policyYAML + "\nlint:\n  known-terms: [QMO]\n"
    let linter = Linter(policy: try policy(yaml), knownDocuments: ExampleRepository.knownDocuments)
    let text = ExampleRepository.procedure(
      purpose: "The QMO keeps our test gear accurate. Check the SWMS first; the QMO keeps the SWMS.")
    let findings = lint(text, rule: "undefined-acronym", linter: linter)
    #expect(findings.map(\.excerpt) == ["SWMS"])
    #expect(linter.configurationWarnings.isEmpty)
  }

  @Test("an acronym is reported where another document spells it out, with its words and that document's id")
  func spelledOutElsewhere() {
    let first = ExampleRepository.procedure(
      id: "QP-001",
      purpose: "The QMO keeps our test gear accurate. See the OWASP guide; the OWASP guide lists the checks.")
    let second = ExampleRepository.procedure(id: "QP-002", purpose: "Send the OWASP report to the QMO.")
    let third = ExampleRepository.procedure(
      id: "QP-003", purpose: "The Quality Management Officer (QMO) files the report.")
    let files = [
      LintFile(path: "procedures/QP-001.md", data: Data(first.utf8)),
      LintFile(path: "procedures/QP-002.md", data: Data(second.utf8)),
      LintFile(path: "procedures/QP-003.md", data: Data(third.utf8)),
    ]
    func found(_ linter: Linter, _ files: [LintFile]) -> [String] {
      linter.lint(files).findings.filter { $0.rule == "undefined-acronym" }.map { "\($0.path) \($0.excerpt)" }
    }
    let report = ExampleRepository.linter.lint(files).findings.filter { $0.rule == "undefined-acronym" }
    // OWASP, left unexplained by two documents and spelled out by none, is a name its readers know.
    #expect(report.map { "\($0.path) \($0.excerpt)" } == ["procedures/QP-001.md QMO", "procedures/QP-002.md QMO"])
    #expect(
      report.allSatisfy {
        $0.message
          == "'QMO' is not spelled out here, though QP-003 spells it out as 'Quality Management Officer': write it "
          + "in full at its first use, 'Quality Management Officer (QMO)', or list it under a Glossary heading"
      })
    // Without the document that spells it out, nothing shows that its readers would not know it.
    #expect(found(ExampleRepository.linter, Array(files.prefix(2))).isEmpty)
    // min-documents reports acronyms that many documents leave unexplained too; 1 reports every one.
    func linter(minDocuments: Int) throws -> Linter {
      let yaml =
        ExampleRepository.policyYAML
        + "\nlint:\n  rules:\n    undefined-acronym: {min-documents: \(minDocuments)}\n"
      return Linter(policy: try policy(yaml), knownDocuments: ExampleRepository.knownDocuments)
    }
    #expect(
      found(try! linter(minDocuments: 2), Array(files.prefix(2))) == [
        "procedures/QP-001.md QMO", "procedures/QP-001.md OWASP", "procedures/QP-002.md OWASP",
        "procedures/QP-002.md QMO",
      ])
    #expect(
      found(try! linter(minDocuments: 1), [files[1]]) == ["procedures/QP-002.md OWASP", "procedures/QP-002.md QMO"])
  }

  @Test("a glossary entry in any document defines the acronym for every document")
  func glossaryElsewhere() {
    let glossary = ExampleRepository.procedure(
      id: "QP-004", purpose: "The Quality Management Officer (QMO) files the report.",
      extra: "## Glossary\n\n- **NCR:** Non-Conformance Report.\n")
    let user = ExampleRepository.procedure(id: "QP-005", purpose: "The QMO files each NCR.")
    let findings = ExampleRepository.linter.lint([
      LintFile(path: "procedures/QP-004.md", data: Data(glossary.utf8)),
      LintFile(path: "procedures/QP-005.md", data: Data(user.utf8)),
    ]).findings.filter { $0.rule == "undefined-acronym" }
    #expect(findings.map(\.excerpt) == ["QMO"])
  }

  /// The undefined-acronym messages of `user` linted beside `other`, with `linter`.
  private func acronymMessages(
    _ user: String, beside other: String, linter: Linter = ExampleRepository.linter
  ) -> [String] {
    linter.lint([
      LintFile(path: "procedures/QP-005.md", data: Data(user.utf8)),
      LintFile(path: "forms/F-006.md", data: Data(other.utf8)),
    ]).findings.filter { $0.rule == "undefined-acronym" && $0.path == "procedures/QP-005.md" }.map(\.message)
  }

  @Test("the words a definition gives stop where its letters are spelled: 'CID (Collection ID)' gives 'Collection ID'")
  func expansionAfterTheAcronym() {
    let other = ExampleRepository.document(
      id: "F-006", title: "Sample log", type: "form",
      body: "# Sample log\n\nMatch each sample to a CID (Collection ID) before you store it.\n")
    let user = ExampleRepository.procedure(id: "QP-005", purpose: "Write the CID on every tube.")
    #expect(
      acronymMessages(user, beside: other) == [
        "'CID' is not spelled out here, though F-006 spells it out as 'Collection ID': write it in full at its "
          + "first use, 'Collection ID (CID)', or list it under a Glossary heading"
      ])
  }

  @Test("a title whose capitals are two letters (a PDF's 'ﬁ' ligature, 'ß') spells nothing out and traps nothing")
  func titleWithLigature() {
    let other = ExampleRepository.document(
      id: "F-006", title: "ﬁnal Inspection Record (FIR)", type: "form", body: "# Final inspection\n\nUse it.\n")
    let user = ExampleRepository.procedure(id: "QP-005", purpose: "File the FIR with the order.")
    #expect(acronymMessages(user, beside: other).count == 1)
    let streetTitle = ExampleRepository.document(
      id: "F-006", title: "Straße Safety Survey (SSS)", type: "form", body: "# Survey\n\nUse it.\n")
    #expect(acronymMessages(user, beside: streetTitle).isEmpty)
  }

  @Test("a document whose type turns undefined-acronym off still spells acronyms out for the others")
  func spelledOutWhereTheRuleIsOff() throws {
    let other = ExampleRepository.document(
      id: "F-006", title: "Sample log", type: "form",
      body: "# Sample log\n\nThe Quality Management Officer (QMO) signs each page.\n")
    let user = ExampleRepository.procedure(id: "QP-005", purpose: "The QMO files the report.")
    let yaml = ExampleRepository.policyYAML + "\nlint:\n  types:\n    form: {undefined-acronym: off}\n"
    let linter = Linter(policy: try policy(yaml), knownDocuments: ExampleRepository.knownDocuments)
    #expect(acronymMessages(user, beside: other, linter: linter).count == 1)
    #expect(acronymMessages(user, beside: other).count == 1)
  }

  @Test("min-documents beyond any count (1e19) is clamped, not a trap")
  func hugeMinDocuments() throws {
    let yaml = ExampleRepository.policyYAML + "\nlint:\n  rules:\n    undefined-acronym: {min-documents: 1e19}\n"
    let linter = Linter(policy: try policy(yaml), knownDocuments: ExampleRepository.knownDocuments)
    let user = ExampleRepository.procedure(id: "QP-005", purpose: "The QMO files the report.")
    #expect(
      acronymMessages(user, beside: user.replacingOccurrences(of: "QP-005", with: "F-006"), linter: linter).isEmpty)
  }
}
