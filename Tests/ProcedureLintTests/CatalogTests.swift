import DocumentModel
import Foundation
import Testing

@testable import ProcedureLint

@Suite("Rule catalog")
struct CatalogTests {
  /// The rule ids and default severities of the contract table, in its order.
  static let contract: [(String, Severity)] = [
    ("front-matter", .error), ("duplicate-id", .error), ("doc-length", .warning), ("section-length", .suggestion),
    ("step-count", .warning), ("step-numbers", .warning), ("sentence-length", .suggestion),
    ("one-instruction", .suggestion),
    ("readability", .suggestion), ("passive-voice", .suggestion), ("form-fields", .warning),
    ("required-sections", .error), ("unfinished", .error), ("undefined-acronym", .suggestion),
    ("heading-structure", .warning), ("repeated-word", .warning), ("markup", .warning),
    ("broken-reference", .error),
    ("obsolete-reference", .warning), ("approver-count", .warning),
  ]

  @Test("Rule ids are unique and match the contract table, with its default severities")
  func idsMatchContract() {
    #expect(Set(LintRules.ids).count == LintRules.ids.count)
    #expect(LintRules.ids == Self.contract.map { $0.0 })
    let severities = LintRules.all.map { $0.defaultSeverity }
    #expect(severities == Self.contract.map { $0.1 })
    #expect(LintRuleCatalog.ruleIDs == LintRules.ids)
  }

  @Test("Options are named as documented, with the contract's defaults")
  func options() {
    func options(_ id: String) -> [String: Double] {
      let rule = LintRules.all[LintRules.indexByID[id]!]
      return Dictionary(uniqueKeysWithValues: rule.options.map { ($0.name, $0.defaultValue) })
    }
    #expect(options("doc-length") == ["warning": 2_500, "error": 5_000])
    #expect(options("section-length") == ["max": 400])
    #expect(options("step-count") == ["max": 20])
    #expect(
      options("sentence-length") == [
        "step-max": 39, "prose-max": 54, "prose-warn": 54, "cjk-step-max": 40, "cjk-prose-max": 50,
      ])
    #expect(options("readability") == ["suggestion": 14, "warning": 14, "min-words": 100, "sentence-words": 18])
    #expect(options("passive-voice") == ["share": 40])
    #expect(options("form-fields") == ["warning": 15, "error": 30])
    #expect(options("approver-count") == ["max": 2])
    #expect(options("heading-structure") == ["max-depth": 5])
  }

  @Test("Every rule describes itself and has examples that are whole documents")
  func selfDescribing() {
    for rule in LintRules.all {
      #expect(!rule.summary.isEmpty && !rule.summary.contains("\n"), "\(rule.id) summary")
      #expect(rule.rationale.count > 80, "\(rule.id) rationale")
      #expect(!rule.passingExamples.isEmpty && !rule.failingExamples.isEmpty, "\(rule.id) examples")
      #expect(Set(rule.options.map { $0.name }).count == rule.options.count, "\(rule.id) option names")
      for example in rule.passingExamples + rule.failingExamples where rule.id != "front-matter" {
        #expect(example.hasPrefix("---\n"), "\(rule.id) example has front matter")
      }
    }
  }

  @Test("The rationales cite their anchors")
  func anchors() {
    func rationale(_ id: String) -> String { LintRules.all[LintRules.indexByID[id]!].rationale }
    #expect(rationale("sentence-length").contains("ASD-STE100"))
    #expect(rationale("readability").contains("Flesch–Kincaid"))
    #expect(rationale("step-count").contains("Miller") && rationale("step-count").contains("Cowan"))
    #expect(rationale("doc-length").contains("Brysbaert") && rationale("doc-length").contains("238"))
    #expect(rationale("front-matter").contains("ISO 9001"))
    #expect(rationale("section-length").contains("Plain-language"))
    #expect(rationale("unfinished").contains("ISO 9001"))
  }

  @Test("--list-rules names every rule with its default severity")
  func listText() {
    let text = LintRuleCatalog.listText()
    for rule in LintRules.all {
      #expect(text.contains(rule.id) && text.contains(rule.summary))
    }
    #expect(text.contains("options: `step-max` 39, `prose-max` 54"))
  }

  @Test("The examples' sop.yml decodes to the policy the examples use")
  func examplePolicy() throws {
    #expect(try Policy.decode(yaml: ExampleRepository.policyYAML) == ExampleRepository.policy)
    #expect(ExampleRepository.linter.configurationWarnings.isEmpty)
  }

  @Test("docs/lint.md is the generated text (SOP_RECORD=1 rewrites it)")
  func documentation() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/lint.md")
    let generated = LintRuleCatalog.markdown()
    if ProcessInfo.processInfo.environment["SOP_RECORD"] == "1" {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try generated.write(to: url, atomically: true, encoding: .utf8)
    }
    let stored = try? String(contentsOf: url, encoding: .utf8)
    #expect(stored == generated, "docs/lint.md is stale: run SOP_RECORD=1 swift test --filter ProcedureLintTests")
    for section in [
      "## Output formats", "### SARIF", "## Control comments", "## Configuration", "## Pre-commit hook",
      "## GitHub Actions", "github/codeql-action/upload-sarif", "sop lint --min-severity error", "lint:\n  rules:",
    ] {
      #expect(generated.contains(section), "docs mention \(section)")
    }
    for rule in LintRules.all { #expect(generated.contains("### \(rule.id)\n")) }
  }
}
