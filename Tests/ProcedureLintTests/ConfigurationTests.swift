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

  @Test("an acronym is reported only where two or more linted documents leave it unexplained")
  func recurring() {
    let first = ExampleRepository.procedure(
      purpose: "The QMO keeps our test gear accurate. See the OWASP guide; the OWASP guide lists the checks.")
    let second = ExampleRepository.procedure(purpose: "Send the gauge report to the QMO.")
    let third = ExampleRepository.procedure(purpose: "The Quality Management Officer (QMO) files the report.")
    let files = [
      LintFile(path: "procedures/QP-001.md", data: Data(first.utf8)),
      LintFile(path: "procedures/QP-002.md", data: Data(second.utf8)),
      LintFile(path: "procedures/QP-003.md", data: Data(third.utf8)),
    ]
    let report = ExampleRepository.linter.lint(files)
    let found = report.findings.filter { $0.rule == "undefined-acronym" }.map { "\($0.path) \($0.excerpt)" }
    // OWASP, used twice in one document only, is a name its readers know; QP-003 spells QMO out.
    #expect(found == ["procedures/QP-001.md QMO", "procedures/QP-002.md QMO"])
    // Alone, a document reports no acronym: nothing shows that its readers would not know it.
    #expect(ExampleRepository.linter.lint([files[0]]).findings.filter { $0.rule == "undefined-acronym" }.isEmpty)
  }
}
