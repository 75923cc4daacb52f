import Testing

@testable import ProcedureLint

/// One example of one rule.
struct RuleExample: Sendable, CustomTestStringConvertible {
  let rule: String
  let number: Int
  let isFailing: Bool
  let markdown: String

  var testDescription: String { "\(rule) \(isFailing ? "failing" : "passing") example \(number)" }

  static let all: [RuleExample] = LintRules.all.flatMap { rule in
    rule.failingExamples.enumerated().map { RuleExample(rule: rule.id, number: $0 + 1, isFailing: true, markdown: $1) }
      + rule.passingExamples.enumerated().map {
        RuleExample(rule: rule.id, number: $0 + 1, isFailing: false, markdown: $1)
      }
  }
}

@Suite("Rule examples")
struct RuleExampleTests {
  @Test("Each failing example gives a finding of its rule; each passing example gives none", arguments: RuleExample.all)
  func example(_ example: RuleExample) {
    let findings = lint(example.markdown, rule: example.rule)
    if example.isFailing {
      #expect(!findings.isEmpty, "expected a \(example.rule) finding")
    } else {
      #expect(findings.isEmpty, "unexpected: \(findings.map(\.message))")
    }
  }

  @Test("Passing examples are clean apart from what their rule tolerates")
  func passingExamplesHaveNoErrors() {
    for rule in LintRules.all {
      for example in rule.passingExamples {
        let errors = lint(example).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(rule.id): \(errors.map { "\($0.rule): \($0.message)" })")
      }
    }
  }
}
