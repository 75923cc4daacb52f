import ArgumentParser
import DocumentControl
import Foundation
import ProcedureLint

/// `sop lint`: usability findings for documents in the work tree.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Find what stops people using a document: length, steps, sentences, fields, references.",
    discussion: "Exit 1 when any error finding exists. Rules and thresholds: docs/lint.md, or --list-rules.")

  /// Report formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
  }

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Files or folders to lint (default: every document in the repository).")
  var paths: [String] = []

  @Option(help: "text, json or sarif.")
  var format: Format = .text

  @Option(help: "Report only findings of this severity or higher: suggestion, warning or error.")
  var minSeverity: Severity = .suggestion

  @Flag(help: "List the rules with their defaults and exit.")
  var listRules = false

  @Flag(help: "Text output: list every finding, not only the first few of each rule in each file.")
  var all = false

  func run() throws {
    if listRules {
      print(LintRuleCatalog.listText())
      return
    }
    let repository = try global.open()
    let outcome: LintOutcome
    do {
      outcome = try repository.lint(paths: paths, relativeTo: global.path)
    } catch {
      throw fail(error)
    }
    // Each warning already names sop.yml and the key: `sop: warning: sop.yml: lint.rules.x: …`.
    for warning in outcome.configurationWarnings { printError("sop: warning: \(warning)") }
    let report = outcome.report.filtered(minimumSeverity: minSeverity)
    switch format {
    case .text: print(TextReporter.render(report, isColored: isatty(1) == 1, showsAll: all))
    case .json: print(JSONReporter.render(report))
    case .sarif: print(SARIFReporter.render(report))
    }
    if outcome.report.hasErrors { throw ExitCode(1) }
  }
}

extension Severity: ExpressibleByArgument {}
