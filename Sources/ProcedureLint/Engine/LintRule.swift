import DocumentModel
import MarkdownSyntax

/// A documented numeric option of a rule, set in `sop.yml` under `lint.rules.<rule>`.
struct RuleOption: Sendable {
  /// The key in `sop.yml`, e.g. `max`.
  let name: String
  /// The value used when `sop.yml` does not set it.
  let defaultValue: Double
  /// What the option controls, one line.
  let summary: String
}

/// What every rule says about itself: the catalog, `--list-rules`, `docs/lint.md` and the example
/// tests are all generated from this.
protocol LintRule: Sendable {
  /// The rule id used in findings, `sop.yml` and control comments; part of the contract.
  static var id: String { get }
  /// One line: what the rule checks.
  static var summary: String { get }
  /// Why the rule exists, with the source its threshold comes from.
  static var rationale: String { get }
  /// The severity of its findings when `sop.yml` says nothing (the lowest tier for tiered rules).
  static var defaultSeverity: Severity { get }
  /// Its numeric options with their defaults.
  static var options: [RuleOption] { get }
  /// Whole documents (front matter included) that must give no finding of this rule.
  static var passingExamples: [String] { get }
  /// Whole documents that must give at least one finding of this rule.
  static var failingExamples: [String] { get }
}

extension LintRule {
  static var options: [RuleOption] { [] }
}

/// A rule that needs only the document in hand.
protocol DocumentRule: LintRule {
  /// The findings of this rule in `document`.
  static func check(_ document: LintDocument, context: RuleContext) -> [Finding]
}

/// A rule that compares a document with the rest of the repository (ids, paths, statuses).
protocol RepositoryRule: LintRule {
  /// The findings of this rule for one linted document, given every document the linter knows.
  static func check(_ document: DocumentReferences, index: DocumentIndex, context: RuleContext) -> [Finding]
}

/// One rule's settings for one document type, resolved against the rule's defaults.
struct ResolvedRuleSettings: Sendable {
  /// False when `sop.yml` sets the rule `off`.
  var isEnabled = true
  /// A severity that replaces the rule's own, or nil.
  var severity: Severity?
  /// Every option of the rule, configured or default.
  var options: [String: Double] = [:]
}

/// The repository policy, shared by reference among the contexts of one lint run.
final class SharedPolicy: Sendable {
  let policy: Policy

  init(_ policy: Policy) { self.policy = policy }
}

/// What a rule needs while checking one document: where findings go and its settings.
struct RuleContext: Sendable {
  /// The rule being run.
  let ruleID: String
  /// The document's path.
  let path: String
  /// The rule's settings for this document's type.
  let settings: ResolvedRuleSettings
  /// The policy, held by reference: a context is made (and copied) for every rule and document, and a copy of
  /// a `Policy` retains and releases each of its fields.
  private let sharedPolicy: SharedPolicy?

  /// The policy, when the repository has one.
  var policy: Policy? { sharedPolicy?.policy }

  init(ruleID: String, path: String, settings: ResolvedRuleSettings, policy: SharedPolicy?) {
    self.ruleID = ruleID
    self.path = path
    self.settings = settings
    sharedPolicy = policy
  }

  /// The value of an option (configured, else the rule's default, else 0).
  func option(_ name: String) -> Double { settings.options[name] ?? 0 }

  /// A finding of this rule; `tier` is the rule's own severity, replaced by a configured one.
  func finding(
    _ tier: Severity, at position: SourcePosition, _ message: String, metrics: [String: Double] = [:],
    excerpt: String = ""
  ) -> Finding {
    Finding(
      rule: ruleID, severity: settings.severity ?? tier, path: path, line: max(position.line, 1),
      column: max(position.column, 1), message: message, metrics: metrics, excerpt: excerpt)
  }
}
