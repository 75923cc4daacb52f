import Foundation

/// Describes every lint rule: the `--list-rules` text and the whole of `docs/lint.md` come from here.
public enum LintRuleCatalog {
  /// Every rule id, in catalog order.
  public static var ruleIDs: [String] { LintRules.ids }

  /// The `sop lint --list-rules` text: one rule a line with its default severity, options below.
  public static func listText() -> String {
    let idWidth = (LintRules.ids.map(\.count).max() ?? 0) + 2
    func padded(_ text: String, _ width: Int) -> String {
      text + String(repeating: " ", count: max(1, width - text.count))
    }
    var lines = [padded("RULE", idWidth) + padded("DEFAULT", 12) + "CHECKS"]
    for rule in LintRules.all {
      lines.append(padded(rule.id, idWidth) + padded(rule.defaultSeverity.rawValue, 12) + rule.summary)
      if !rule.options.isEmpty {
        lines.append(String(repeating: " ", count: idWidth + 12) + "options: " + optionList(rule))
      }
    }
    lines.append("")
    lines.append("Set severities and options in sop.yml under `lint:`; see docs/lint.md.")
    return lines.joined(separator: "\n")
  }

  /// The full `docs/lint.md`: usage, output formats, control comments, configuration, hooks, CI and
  /// every rule with its rationale and examples.
  public static func markdown() -> String {
    var text = LintGuide.introduction
    text += "\n## Rules\n\n"
    text += "| Rule | Default | Options (defaults) | Checks |\n| --- | --- | --- | --- |\n"
    for rule in LintRules.all {
      let options = rule.options.isEmpty ? "—" : optionList(rule)
      text +=
        "| [`\(rule.id)`](#\(rule.id)) | \(rule.defaultSeverity.rawValue) | \(options) | "
        + rule.summary.replacingOccurrences(of: "|", with: "\\|") + " |\n"
    }
    text += "\n" + LintGuide.sections(sampleReport: sampleReport()) + "\n## Rule reference\n"
    for rule in LintRules.all {
      text += "\n### \(rule.id)\n\n\(rule.summary)\n\n"
      text += "Default severity: **\(rule.defaultSeverity.rawValue)**.\n\n"
      if !rule.options.isEmpty {
        text += "| Option | Default | Meaning |\n| --- | --- | --- |\n"
        for option in rule.options {
          text += "| `\(option.name)` | \(TextMetrics.decimal(option.defaultValue)) | \(option.summary) |\n"
        }
        text += "\n"
      }
      text += "Why: \(rule.rationale)\n"
      for (title, examples) in [("Fails", rule.failingExamples), ("Passes", rule.passingExamples)] {
        for (number, example) in examples.enumerated() {
          let label = examples.count > 1 ? "\(title) (\(number + 1) of \(examples.count))" : title
          text += "\n\(label):\n\n" + fenced(example)
          guard title == "Fails" else { continue }
          let findings = ExampleRepository.findings(of: example).filter { $0.rule == rule.id }
          text +=
            "\n"
            + findings.map { "- line \($0.line), column \($0.column): \($0.severity.rawValue): \($0.message)" }
            .joined(separator: "\n") + "\n"
        }
      }
    }
    text +=
      "\n"
      + LintGuide.exampleRepository(
        policyYAML: ExampleRepository.policyYAML,
        documents: ExampleRepository.knownDocuments.map { ($0.id.rawValue, $0.path, $0.status.rawValue) },
        files: ExampleRepository.existingPaths.sorted(), examplePath: ExampleRepository.examplePath,
        companion: (ExampleRepository.companionPath, fenced(ExampleRepository.companion)))
    return text
  }

  /// `max 10` style list of a rule's options with their defaults.
  static func optionList(_ rule: any LintRule.Type) -> String {
    rule.options.map { "`\($0.name)` \(TextMetrics.decimal($0.defaultValue))" }.joined(separator: ", ")
  }

  /// The SARIF help text of a rule: summary, options and rationale.
  static func helpText(_ rule: any LintRule.Type) -> String {
    var text = rule.summary
    if !rule.options.isEmpty {
      text +=
        " Options (sop.yml lint.rules.\(rule.id)): "
        + rule.options.map { "\($0.name) \(TextMetrics.decimal($0.defaultValue)): \($0.summary)" }.joined(
          separator: "; ") + "."
    }
    return text + " " + rule.rationale
  }

  /// `doc-length` → `DocLength`, the SARIF rule name.
  static func pascalCase(_ id: String) -> String {
    id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// An example inside a four-backtick fence, shortened when long.
  private static func fenced(_ example: String) -> String {
    var lines = example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last == "" { lines.removeLast() }
    let limit = 40
    if lines.count > limit {
      let hidden = lines.count - 30
      lines = Array(lines.prefix(30)) + ["", "… (\(hidden) more lines of the same kind)"]
    }
    lines = lines.map { $0.count > 300 ? String($0.prefix(300)) + " …" : $0 }
    return "````markdown\n" + lines.joined(separator: "\n") + "\n````\n"
  }

  /// A real report on one example document, for the output-format sections.
  private static func sampleReport() -> LintReport {
    let text = ExampleRepository.procedure(
      steps: """
        1. The due date on the gauge label is checked by the site supervisor every Monday morning before \
        the first pour of the week starts.
        2. Send the gauge to the lab.
        """)
    let report = ExampleRepository.linter.lint([LintFile(path: ExampleRepository.examplePath, data: .init(text.utf8))])
    return report
  }
}
